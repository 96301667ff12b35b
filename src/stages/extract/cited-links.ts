// The links an article cites as its sources, read from its whole container before boilerplate is removed:
// links in its prose, in reference lists and footnotes, and on "See also" / 関連記事 / 相关阅读 lines, which
// the text extractor rightly drops as link-dense. Site furniture is not a source: navigation, teaser
// grids, "Most read" widgets, tag clouds, share, comment and author links are left out.
import type { CitationKind, CitedLink } from "../../types.js";
import {
  BLOCK_TAGS,
  FURNITURE_HINTS,
  FURNITURE_PATH,
  FURNITURE_TAGS,
  HEADING,
  LINE_TAGS,
  MAX_LABEL_DISTANCE,
  MAX_PROSE_LINK_SHARE,
  REFERENCE_HINTS,
  SEE_ALSO_HINTS,
  STRONG_LINE,
  WEAK_LINE,
  WHOLE_HEADING,
  WIDGET_HEADING,
} from "./cited-link-words.js";
import { hintWords } from "./clean.js";
import { attr, collapse, type Element, elements, textOf } from "./dom.js";

const RANK: Record<CitationKind, number> = { prose: 0, reference: 1, "see-also": 2 };

type Verdict = CitationKind | "furniture" | null;

/**
 * The article's cited links from `container` (the extractor's article container, before furniture is
 * removed), ranked: in-prose citations first, then reference lists and footnotes, then see-also lines,
 * each in page order. Widened to the enclosing <article> so reference lists beside the body count.
 */
export function collectCitedLinks(container: Element, baseUrl: string, pageUrl: string): CitedLink[] {
  const root = enclosingArticle(container) ?? widened(container);
  const self = withoutHash(pageUrl);
  const found = new Map<string, CitedLink & { order: number }>();
  const memo: ReadOnce = { lines: new Map(), headings: new Map() };
  let order = 0;
  for (const element of elements(root)) {
    if (element.name !== "a") continue;
    const href = attr(element, "href").trim();
    if (!href || href.startsWith("#")) continue;
    const url = absolute(href, baseUrl);
    if (!url || url === self || isFurnitureAddress(new URL(url), pageUrl)) continue;
    if (/\b(?:tag|author)\b/i.test(attr(element, "rel"))) continue;
    const text = collapse(textOf(element));
    if (!text) continue;
    const kind = classify(element, root, memo);
    if (kind === null || kind === "furniture") continue;
    const known = found.get(url);
    if (!known || RANK[kind] < RANK[known.kind])
      found.set(url, { url, text, kind, order: known?.order ?? order++ });
  }
  return [...found.values()]
    .sort((a, b) => RANK[a.kind] - RANK[b.kind] || a.order - b.order)
    .map(({ url, text, kind }) => ({ url, text, kind }));
}

/**
 * What classify reads of a line (its text and link share) and of a zone (its own heading), read once per
 * element: a paragraph of thousands of links would otherwise be read again for each of them (quadratic:
 * a hostile page of 40,000 links took minutes).
 */
interface ReadOnce {
  lines: Map<Element, { text: string; share: number }>;
  headings: Map<Element, string | null>;
}

function lineFacts(holder: Element, memo: ReadOnce): { text: string; share: number } {
  let facts = memo.lines.get(holder);
  if (!facts) {
    const text = collapse(textOf(holder));
    facts = { text, share: linkShare(holder, text) };
    memo.lines.set(holder, facts);
  }
  return facts;
}

/** What the link's place says about it: its zone first (widgets, reference lists), then its line. */
function classify(link: Element, root: Element, memo: ReadOnce): Verdict {
  let line: Element | null = null;
  let block: Element | null = null;
  let zone: Verdict = null;
  for (
    let node = link.parent as Element | null;
    node && node !== root;
    node = node.parent as Element | null
  ) {
    if (node.type !== "tag") break;
    if (!line && LINE_TAGS.has(node.name)) line = node;
    if (!block && BLOCK_TAGS.has(node.name)) block = node;
    if (zone !== null) continue;
    if (FURNITURE_TAGS.has(node.name)) return "furniture";
    // An article's own <footer> may hold its sources; the page's footer holds the site's links.
    if (node.name === "footer" && !insideArticle(node)) return "furniture";
    zone = zoneOf(node, link, memo);
  }
  if (zone === "furniture") return zone;
  // Text written straight into a <div> (common on CJK sites) has that <div> as its line.
  const holder = line ?? block ?? root;
  const { text: holderText, share } = lineFacts(holder, memo);
  if (line && HEADING.test(line.name)) return zone; // a linked headline is a teaser unless its box says otherwise
  const label = labelOf(holderText);
  if (label) return label;
  if (zone) return zone;
  const heading = sectionHeading(holder, root);
  if (heading) return heading;
  return share <= MAX_PROSE_LINK_SHARE ? "prose" : null;
}

/** A zone's verdict from its class, id, tag and heading; null when it says nothing. */
function zoneOf(node: Element, link: Element, memo: ReadOnce): Verdict {
  const words = hintWords(node);
  const joined = words.join("");
  if (words.some((word) => REFERENCE_HINTS.has(word))) return "reference";
  if (SEE_ALSO_HINTS.has(joined) || words.some((word) => SEE_ALSO_HINTS.has(word))) return "see-also";
  // The page's header and footer by name; an article's own (inside <article>) may carry its sources.
  if (words.some((word) => word === "footer" || word === "header") && !insideArticle(node))
    return "furniture";
  let heading = memo.headings.get(node);
  if (heading === undefined) {
    heading = ownHeading(node);
    memo.headings.set(node, heading);
  }
  if (heading !== null && WIDGET_HEADING.test(heading)) return "furniture";
  const labelled = heading !== null ? labelOf(heading) : null;
  if (
    node.name === "aside" ||
    words.some((word) => FURNITURE_HINTS.has(word)) ||
    joined.includes("mostread")
  ) {
    // A "関連記事" box of plain links is the article's; a grid of teasers under any name is not.
    if (labelled && !isTeaser(link, node)) return labelled;
    return "furniture";
  }
  return null;
}

/** The text of the first heading directly inside `node`, or null. */
function ownHeading(node: Element): string | null {
  for (const child of node.children) {
    if (child.type !== "tag") continue;
    if (HEADING.test(child.name)) return collapse(textOf(child));
  }
  return null;
}

/** A teaser: the link's item carries a picture, a time stamp or a summary beside the link. */
function isTeaser(link: Element, zone: Element): boolean {
  let item: Element = link;
  while (item.parent && item.parent !== zone && (item.parent as Element).type === "tag") {
    item = item.parent as Element;
    if (item.name === "li" || item.name === "article") break;
  }
  for (const element of elements(item)) {
    if (["img", "picture", "figure", "time", "video"].includes(element.name)) return true;
  }
  return false;
}

/** "see-also" or "reference" when the line opens with such a label, else null. */
function labelOf(text: string): CitationKind | null {
  const match = STRONG_LINE.exec(text) ?? WEAK_LINE.exec(text) ?? WHOLE_HEADING.exec(text);
  if (!match) return null;
  return match[1] ? "see-also" : "reference";
}

/** The label of the heading that opens the section holding `node`, searched among its earlier siblings. */
function sectionHeading(node: Element, root: Element): Verdict {
  for (let current: Element | null = node; current && current !== root; current = current.parent as Element) {
    const parent = current.parent as Element | null;
    if (parent?.type !== "tag") break;
    const siblings = parent.children;
    const at = siblings.indexOf(current);
    // Only the nearest few siblings: a label is next to its list, and long runs must stay cheap.
    for (let index = at - 1; index >= Math.max(0, at - MAX_LABEL_DISTANCE); index--) {
      const sibling = siblings[index] as Element;
      if (sibling.type !== "tag") continue;
      const text = collapse(textOf(sibling));
      if (HEADING.test(sibling.name) || isLabelLine(sibling, text)) {
        if (WIDGET_HEADING.test(text)) return "furniture";
        return labelOf(text) ?? null;
      }
    }
  }
  return null;
}

/** A short paragraph or bold line that only names the list below it ("参考：", "<strong>Sources</strong>"). */
function isLabelLine(element: Element, text: string): boolean {
  return (
    (element.name === "p" || element.name === "div" || element.name === "strong") &&
    text.length <= 24 &&
    WHOLE_HEADING.test(text)
  );
}

function linkShare(line: Element, lineText: string): number {
  let linked = 0;
  for (const element of elements(line)) if (element.name === "a") linked += collapse(textOf(element)).length;
  return lineText.length === 0 ? 1 : linked / lineText.length;
}

function enclosingArticle(container: Element): Element | null {
  for (
    let node: Element | null = container;
    node && node.type === "tag";
    node = node.parent as Element | null
  ) {
    if (node.name === "article" || attr(node, "itemprop") === "articleBody") {
      // An articleBody inside an <article> widens to the article, where reference lists sit.
      const outer = node.name === "article" ? null : enclosingArticle(node.parent as Element);
      return outer ?? node;
    }
    if (node.name === "main" || node.name === "body") return null;
  }
  return null;
}

/** Without an <article>, the container's parent: a related-links box often sits beside the body. */
function widened(container: Element): Element {
  const parent = container.parent as Element | null;
  return parent?.type === "tag" && parent.name !== "body" && parent.name !== "html" ? parent : container;
}

/** Taxonomy, people, account and sharing pages, and the site's own home page: never evidence. */
function isFurnitureAddress(url: URL, pageUrl: string): boolean {
  if (FURNITURE_PATH.test(url.pathname)) return true;
  return url.pathname === "/" && !url.search && url.host === safeHost(pageUrl);
}

function safeHost(url: string): string | null {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

function insideArticle(node: Element): boolean {
  for (let up = node.parent as Element | null; up && up.type === "tag"; up = up.parent as Element | null) {
    if (up.name === "article") return true;
  }
  return false;
}

function absolute(href: string, baseUrl: string): string | null {
  try {
    const url = new URL(href, baseUrl);
    // file: links stay: the discover stage follows them only from a local article, inside its folder.
    return ["http:", "https:", "file:"].includes(url.protocol) ? withoutHash(url.href) : null;
  } catch {
    return null;
  }
}

function withoutHash(url: string): string {
  return url.replace(/#.*$/, "");
}
