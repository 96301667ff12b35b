// HTML → Article: read metadata from the intact page, strip boilerplate, find the article's container.
import { type Document, Element as DomElement } from "domhandler";
import { parseDocument } from "htmlparser2";
import type { Article, Block, DecodedPage, Link } from "../../types.js";
import { buildBlocks, type SourcedBlock } from "./_blocks.js";
import { removeBoilerplate, removeNonContent, underHint } from "./_clean.js";
import { collapse, type Element, findFirst, limitDepth } from "./_dom.js";
import { type PageMetadata, readMetadata } from "./_metadata.js";
import { chooseContainer, scoreElements, selectBlocks } from "./_select.js";
import { articleText, detectLang } from "./_text.js";

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
/** Deeper markup is flattened to text: real pages stay far below this, broken ones may not. */
const MAX_DEPTH = 400;
/** Prose under a boilerplate-hinted element counts this much when looking for the article's wrappers. */
const HINTED_PROSE_FACTOR = 0.3;
/** Share of the best score an element must hold to be kept as one of the article's wrappers. */
const WRAPPER_SHARE = 0.5;

/** The draft container, its ancestors, and the descendants holding most of its prose. */
function articleWrappers(score: Map<Element, number>, draft: Element | null): Set<Element> {
  const keep = new Set<Element>();
  if (!draft) return keep;
  const threshold = (score.get(draft) ?? 0) * WRAPPER_SHARE;
  for (const [element, value] of score) if (value >= threshold) keep.add(element);
  for (let node: Element | null = draft; node && node.type === "tag"; node = node.parent as Element | null) {
    keep.add(node);
  }
  return keep;
}

/** A fragment without <html>/<body> (htmlparser2 does not invent them): give its nodes one parent. */
function wrapInBody(document: Document): Element {
  const body = new DomElement("body", {}, document.children);
  for (const child of body.children) child.parent = body;
  body.parent = document;
  document.children = [body];
  return body;
}

function toArticle(page: DecodedPage, metadata: PageMetadata, blocks: Block[], links: Link[]): Article {
  const text = articleText(blocks);
  return {
    url: page.url,
    canonicalUrl: metadata.canonicalUrl,
    title: metadata.title,
    siteName: metadata.siteName,
    author: metadata.author,
    publishedAt: metadata.publishedAt,
    lang: metadata.lang ?? detectLang(text || metadata.title),
    blocks,
    text,
    links,
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

export function extractHtml(page: DecodedPage): Article {
  const document = parseDocument(page.text, { decodeEntities: true, lowerCaseTags: true });
  limitDepth(document, MAX_DEPTH);
  const metadata = readMetadata(document, page.url);
  removeNonContent(document);
  const body = findFirst(document, (element) => element.name === "body") ?? wrapInBody(document);
  // First find the article with all hinted furniture still in place, so that wrappers named like
  // boilerplate survive; then drop the furniture and look again.
  const memo = new Map<Element, boolean>();
  const draft = scoreElements(buildBlocks(body, metadata.baseUrl), (block) =>
    underHint(block.owner, memo) ? HINTED_PROSE_FACTOR : 1,
  );
  const draftContainer = chooseContainer(draft);
  removeBoilerplate(document, articleWrappers(draft, draftContainer));
  const all = buildBlocks(body, metadata.baseUrl);
  // Only look inside the draft: above it, with the furniture gone, stray prose (bios, notices) would win.
  const container = chooseContainer(scoreElements(all), draftContainer ?? undefined);
  const titleKey = collapse(metadata.title).toLowerCase();
  const kept = (container ? selectBlocks(all, container) : []).filter(
    (block) => !(block.block.type === "heading" && block.block.text.toLowerCase() === titleKey),
  );
  const blocks = kept.map((block) => block.block);
  const fallback = fromArticleBody(metadata.articleBody, blocks);
  if (fallback) return toArticle(page, metadata, fallback, []);
  return toArticle(page, metadata, blocks, uniqueLinks(kept, page.url));
}
