// HTML → Article: read metadata from the intact page, strip boilerplate, find the article's container.
import { type Document, Element as DomElement } from "domhandler";
import { detectLang } from "../../text/language.js";
import type { Article, Block, DecodedPage, Link } from "../../types.js";
import { chooseContainer, type ElementScores, scoreElements, selectBlocks } from "./article-container.js";
import { articleText, dateFromUrl, toIsoDate } from "./article-text.js";
import { buildBlocks, type SourcedBlock } from "./blocks.js";
import { collectCitedLinks } from "./cited-links.js";
import { removeBoilerplate, removeNonContent, underHint } from "./clean.js";
import { collapse, type Element, findFirst } from "./dom.js";
import { type PageMetadata, readMetadata } from "./metadata.js";
import { parseHtml } from "./parse-html.js";
import { markTeaserCards } from "./teaser-cards.js";
import { titleFromText } from "./title-parts.js";

/** Share and "send to" endpoints: buttons that post the page itself elsewhere, never sources. */
const SHARE_ENDPOINT =
  /^https?:\/\/(?:[\w-]+\.)*(?:facebook\.com\/(?:sharer|share\.php|dialog\/(?:share|feed))|(?:twitter|x)\.com\/(?:intent|share)|linkedin\.com\/(?:shareArticle|sharing|cws\/share)|pinterest\.[a-z.]+\/pin\/create|reddit\.com\/submit|(?:api\.)?whatsapp\.com\/send|wa\.me\/|t\.me\/share|telegram\.me\/share|tumblr\.com\/(?:share|widgets\/share)|getpocket\.com\/(?:save|edit)|news\.ycombinator\.com\/submitlink|plus\.google\.com\/share)/i;

/** The article's links once each (ignoring #fragments), without share buttons, self-links or empty text. */
function uniqueLinks(blocks: SourcedBlock[], pageUrl: string): Link[] {
  const self = pageUrl.replace(/#.*$/, "");
  const seen = new Set<string>([self]);
  const links: Link[] = [];
  for (const block of blocks) {
    for (const link of block.links) {
      const key = link.url.replace(/#.*$/, "");
      if (seen.has(key) || !link.text || SHARE_ENDPOINT.test(link.url)) continue;
      seen.add(key);
      links.push(link);
    }
  }
  return links;
}

/** A JSON-LD articleBody this long is trusted over markup that yielded less than this share of it. */
const MIN_ARTICLE_BODY = 500;
const ARTICLE_BODY_SHARE = 0.3;
/** Prose under a boilerplate-hinted element counts this much when looking for the article's wrappers. */
const HINTED_PROSE_FACTOR = 0.3;
/** A draft holding less prose than this is a short paragraph or two: a page of tables or lists may hold far more. */
const TINY_DRAFT = 200;
/**
 * How much more the structure-counting reading must find to be taken over a tiny draft; it must also find
 * a paragraph's worth (TINY_DRAFT) itself: a month's calendar is not a page of content.
 */
const STRUCTURE_GAIN = 5;
/** Share of the best score an element must hold to be kept as one of the article's wrappers. */
const WRAPPER_SHARE = 0.5;

/** The draft container, its ancestors, and the descendants holding most of its prose. */
function articleWrappers(scores: ElementScores, draft: Element | null): Set<Element> {
  const keep = new Set<Element>();
  if (!draft) return keep;
  const score = scores.total;
  const threshold = (score.get(draft) ?? 0) * WRAPPER_SHARE;
  for (const [element, value] of score) if (value >= threshold) keep.add(element);
  for (let node: Element | null = draft; node && node.type === "tag"; node = node.parent as Element | null) {
    keep.add(node);
  }
  return keep;
}

/**
 * The element holding the page's content: <body>, unless the page has none or opened it inside an
 * unclosed <head> (htmlparser2 does not close <head> on body content as browsers do; its metadata is
 * dropped as non-content, so what else it holds is page text).
 */
function contentRoot(document: Document): Element {
  const body = findFirst(document, (element) => element.name === "body");
  return body && !findAncestor(body, "head") ? body : wrapInBody(document);
}

function findAncestor(element: Element, name: string): Element | null {
  for (let node = element.parent; node && node.type === "tag"; node = node.parent) {
    if ((node as Element).name === name) return node as Element;
  }
  return null;
}

/** A fragment without <html>/<body> (htmlparser2 does not invent them): give its nodes one parent. */
function wrapInBody(document: Document): Element {
  const body = new DomElement("body", {}, document.children);
  for (const child of body.children) child.parent = body;
  body.parent = document;
  document.children = [body];
  return body;
}

function isInside(element: Element, scope: Element): boolean {
  for (
    let node: Element | null = element;
    node && node.type === "tag";
    node = node.parent as Element | null
  ) {
    if (node === scope) return true;
  }
  return false;
}

/**
 * The first <time datetime> inside the article: the <article> around its first block (its header holds
 * the date), else the container. Removed furniture still points at its old parents, so a <time> in a
 * dropped <header> is found too.
 */
function articleTime(
  metadata: PageMetadata,
  container: Element,
  firstBlock: Element | undefined,
): string | null {
  let scope = container;
  for (let node = firstBlock ?? null; node && node.type === "tag"; node = node.parent as Element | null) {
    if (node.name === "article") {
      scope = node;
      break;
    }
  }
  const time = metadata.times.find(({ element }) => isInside(element, scope));
  return time ? toIsoDate(time.datetime) : null;
}

interface Content {
  blocks: Block[];
  links: Link[];
  /** Date from the article's own <time>, used when JSON-LD and <meta> give none. */
  timeInArticle: string | null;
}

const NO_CONTENT: Content = { blocks: [], links: [], timeInArticle: null };

function toArticle(page: DecodedPage, metadata: PageMetadata, content: Content): Article {
  const text = articleText(content.blocks);
  const lang = metadata.lang ?? detectLang(text || metadata.title);
  return {
    url: page.url,
    canonicalUrl: metadata.canonicalUrl,
    title: metadata.title || titleFromText(content.blocks, lang),
    siteName: metadata.siteName,
    author: metadata.author,
    publishedAt: metadata.publishedAt ?? content.timeInArticle ?? dateFromUrl(page.url),
    lang,
    blocks: content.blocks,
    text,
    links: content.links,
  };
}

/** The page's JSON-LD articleBody as paragraphs, when the markup gave far less than it. */
function fromArticleBody(articleBody: string | null, extracted: Block[]): Block[] | null {
  if (!articleBody || articleBody.length < MIN_ARTICLE_BODY) return null;
  if (articleText(extracted).length >= articleBody.length * ARTICLE_BODY_SHARE) return null;
  return articleBody
    .split(/\n\s*\n|\r?\n/)
    .map(collapse)
    .filter(Boolean)
    .map((text) => ({ type: "paragraph", text }));
}

/**
 * The first reading of the page, by prose. A page of only lists or tables (a listicle, a results page)
 * has no prose to choose by, and one whose prose is a short line or two beside a cast list or a
 * directory holds far more than that line: count lists and tables as content there.
 */
function draftScores(
  blocks: SourcedBlock[],
  proseFactor: (block: SourcedBlock) => number,
): { draft: ElementScores; countStructure: boolean; container: Element | null } {
  const byProse = scoreElements(blocks, { proseFactor });
  const chosen = chooseContainer(byProse);
  const byProseDraft = { draft: byProse, countStructure: false, container: chosen };
  const found = chosen ? Math.max(byProse.prose.get(chosen) ?? 0, byProse.total.get(chosen) ?? 0) : 0;
  if (chosen && found >= TINY_DRAFT) return byProseDraft;
  const byStructure = scoreElements(blocks, { proseFactor, countStructure: true });
  const wider = chooseContainer(byStructure);
  const byStructureDraft = { draft: byStructure, countStructure: true, container: wider };
  if (!chosen) return byStructureDraft;
  const gains = wider && (byStructure.total.get(wider) ?? 0) >= Math.max(found * STRUCTURE_GAIN, TINY_DRAFT);
  return gains ? byStructureDraft : byProseDraft;
}

export function extractHtml(page: DecodedPage): Article {
  const { document } = parseHtml(page.text);
  const metadata = readMetadata(document, page.url);
  removeNonContent(document);
  const body = contentRoot(document);
  // First find the article with all hinted furniture still in place, so that wrappers named like
  // boilerplate survive; then drop the furniture and look again.
  const memo = new Map<Element, boolean>();
  const proseFactor = (block: SourcedBlock) => (underHint(block.owner, memo) ? HINTED_PROSE_FACTOR : 1);
  const draftBlocks = buildBlocks(body, metadata.baseUrl);
  markTeaserCards(draftBlocks);
  const { draft, countStructure, container: draftContainer } = draftScores(draftBlocks, proseFactor);
  const citedLinks = collectCitedLinks(draftContainer ?? body, metadata.baseUrl, page.url);
  removeBoilerplate(document, articleWrappers(draft, draftContainer));
  const all = buildBlocks(body, metadata.baseUrl);
  markTeaserCards(all);
  // Only look inside the draft: above it, with the furniture gone, stray prose (bios, notices) would win.
  const found = chooseContainer(scoreElements(all, { countStructure }), draftContainer ?? undefined);
  let container = found ?? draftContainer;
  let chosen = found ? selectBlocks(all, found) : [];
  // Removing the furniture emptied the draft (its prose sat in hinted boxes): the draft's own blocks are
  // still better than nothing. Removed elements keep their parents, so the draft still contains them.
  if (chosen.length === 0 && draftContainer) {
    container = draftContainer;
    chosen = selectBlocks(draftBlocks, draftContainer);
  }
  if (!container)
    return { ...toArticle(page, metadata, fallbackContent(metadata, []) ?? NO_CONTENT), citedLinks };
  const titleKey = collapse(metadata.title).toLowerCase();
  const kept = chosen.filter(
    (block) => !(block.block.type === "heading" && block.block.text.toLowerCase() === titleKey),
  );
  const blocks = kept.map((block) => block.block);
  const timeInArticle = articleTime(metadata, container, kept[0]?.owner);
  const fallback = fallbackContent(metadata, blocks);
  if (fallback) return { ...toArticle(page, metadata, { ...fallback, timeInArticle }), citedLinks };
  return {
    ...toArticle(page, metadata, { blocks, links: uniqueLinks(kept, page.url), timeInArticle }),
    citedLinks,
  };
}

function fallbackContent(metadata: PageMetadata, extracted: Block[]): Content | null {
  const blocks = fromArticleBody(metadata.articleBody, extracted);
  return blocks ? { blocks, links: [], timeInArticle: null } : null;
}
