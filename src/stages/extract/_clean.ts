// Removes what is never article text before scoring: scripts, navigation, hidden elements, captions, and
// containers whose class/id/role name them as boilerplate (share bars, related links, comments, ads…).
import type { Document } from "domhandler";
import { type AnyNode, attr, collapse, type Element, isElement, textOf } from "./_dom.js";

const DROP_TAGS = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "svg",
  "canvas",
  "iframe",
  "object",
  "embed",
  "video",
  "audio",
  "map",
  "input",
  "button",
  "select",
  "textarea",
  "option",
  "nav",
  "aside",
  "footer",
  "dialog",
  "menu",
  "figcaption",
  "head",
  "title",
  "link",
  "meta",
]);

const DROP_ROLES = new Set([
  "navigation",
  "banner",
  "contentinfo",
  "complementary",
  "dialog",
  "alertdialog",
  "search",
  "menu",
  "menubar",
  "toolbar",
]);

/** Class/id words that mark a container as boilerplate even when it also looks like content. */
const STRONG_NEGATIVE = new Set([
  "comment",
  "comments",
  "disqus",
  "share",
  "sharing",
  "sharebar",
  "social",
  "related",
  "recommended",
  "recommendations",
  "newsletter",
  "subscribe",
  "subscription",
  "signup",
  "cookie",
  "cookies",
  "consent",
  "gdpr",
  "promo",
  "advert",
  "advertisement",
  "ads",
  "ad",
  "sponsor",
  "sponsored",
  "outbrain",
  "taboola",
  "popup",
  "modal",
  "breadcrumb",
  "breadcrumbs",
  "caption",
  "sronly",
  "visuallyhidden",
]);

/** Class/id words that mark boilerplate unless the element also carries a content word. */
const WEAK_NEGATIVE = new Set([
  "sidebar",
  "widget",
  "pagination",
  "pager",
  "overlay",
  "banner",
  "footer",
  "header",
  "masthead",
  "navbar",
  "nav",
  "navigation",
  "menu",
  "toolbar",
  "tags",
  "byline",
  "author",
  "bio",
  "credit",
  "credits",
  "print",
  "skip",
  "hidden",
  "meta",
  "trending",
  "popular",
  "rail",
]);

const POSITIVE = new Set(["article", "content", "body", "entry", "story", "post", "text", "main", "blog"]);

const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;

/** Lower-case words of the class and id, splitting kebab, snake and camel case ("sr-only" → "sronly" too). */
export function hintWords(element: Element): string[] {
  const raw = `${attr(element, "class")} ${attr(element, "id")}`;
  if (!raw.trim()) return [];
  const words = raw
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const joined = raw.toLowerCase().match(/sr-only|visually-hidden|screen-reader/g) ?? [];
  return [...words, ...joined.map((word) => (word === "screen-reader" ? "sronly" : word.replace("-", "")))];
}

function isHidden(element: Element): boolean {
  return (
    "hidden" in element.attribs ||
    attr(element, "aria-hidden") === "true" ||
    HIDDEN_STYLE.test(attr(element, "style"))
  );
}

/** Words whose containers are removed even when they hold much prose: reader comments are prose too. */
const ALWAYS_DROP = new Set(["comment", "comments", "disqus"]);

/** Holding this share of the page's prose protects a hinted container: it is the article's wrapper. */
const PROTECTED_PROSE_SHARE = 0.25;

type Verdict = "keep" | "drop" | "drop-unless-article";

/** Whether an element is boilerplate by its name, role, visibility or class/id words. */
export function judge(element: Element): Verdict {
  if (DROP_TAGS.has(element.name) || element.type !== "tag") return "drop";
  if (element.name === "body" || element.name === "html" || element.name === "main") return "keep";
  if (DROP_ROLES.has(attr(element, "role"))) return "drop-unless-article";
  if (isHidden(element)) return "drop-unless-article";
  if (element.name === "article") return "keep";
  const words = hintWords(element);
  if (words.length === 0) return "keep";
  if (words.some((word) => ALWAYS_DROP.has(word))) return "drop";
  if (words.some((word) => STRONG_NEGATIVE.has(word))) return "drop-unless-article";
  const weak = words.some((word) => WEAK_NEGATIVE.has(word)) && !words.some((word) => POSITIVE.has(word));
  return weak ? "drop-unless-article" : "keep";
}

/** Characters of paragraph text (not mostly links) under each element. */
function measureProse(node: AnyNode, prose: Map<Element, number>): number {
  if (!isElement(node) || node.type !== "tag") return 0;
  let total = 0;
  if (node.name === "p") {
    const text = collapse(textOf(node)).length;
    const links = linkTextLength(node);
    total = links * 2 < text ? text : 0;
  } else for (const child of node.children) total += measureProse(child, prose);
  prose.set(node, total);
  return total;
}

function linkTextLength(node: AnyNode): number {
  if (!isElement(node)) return 0;
  if (node.name === "a") return collapse(textOf(node)).length;
  let total = 0;
  for (const child of node.children) total += linkTextLength(child);
  return total;
}

function prune(node: AnyNode & { children: AnyNode[] }, prose: Map<Element, number>, protectAt: number): void {
  node.children = node.children.filter((child) => {
    if (child.type === "comment" || child.type === "directive" || child.type === "cdata") return false;
    if (!isElement(child)) return true;
    const verdict = judge(child);
    if (verdict === "drop") return false;
    if (verdict === "drop-unless-article" && (prose.get(child) ?? 0) < protectAt) return false;
    prune(child, prose, protectAt);
    return true;
  });
}

/** Strips boilerplate from the tree in place. */
export function clean(document: Document): void {
  const prose = new Map<Element, number>();
  let total = 0;
  for (const child of document.children) total += measureProse(child, prose);
  prune(document, prose, Math.max(200, total * PROTECTED_PROSE_SHARE));
}
