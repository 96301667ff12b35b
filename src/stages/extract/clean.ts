// Removes what is never article text before scoring: scripts, navigation, hidden elements, captions, and
// containers whose class/id/role name them as boilerplate (share bars, related links, comments, ads…).
import type { Document } from "domhandler";
import { type AnyNode, attr, type Element, findFirst, isElement } from "./dom.js";
import { isProseCaption } from "./prose-caption.js";

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
  "dialog",
  "menu",
  "figcaption",
  "title",
  "base",
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
  "popular",
  "trending",
  "recirc",
  "cta",
  "copyright",
  "disclaimer",
]);

/** Class/id words that mark boilerplate unless the element also carries a content word. */
const WEAK_NEGATIVE = new Set([
  "slideshow",
  "carousel",
  "gallery",
  "lightbox",
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
  "rail",
]);

/** Embedded posts (tweets, Instagram) sit in the article's flow and read as part of it… */
const EMBED = new Set(["embed", "embedded", "tweet"]);
/** …even when named "social": that is the only boilerplate word an embed's name excuses. */
const SOCIAL = new Set(["social", "share", "sharing"]);

const POSITIVE = new Set(["article", "content", "body", "entry", "story", "text", "main", "blog"]);

const TAXONOMY_CLASS = /(?:^|[-_])(?:tag|category|cat|post-format)[-_]/i;

const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;

/** Lower-case words of the class and id, splitting kebab, snake and camel case ("sr-only" → "sronly" too). */
export function hintWords(element: Element): string[] {
  // CMS taxonomy classes ("tag-social-media", "category-advertising") name the story's topic, not the box.
  const classes = attr(element, "class")
    .split(/\s+/)
    .filter((name) => !TAXONOMY_CLASS.test(name))
    .join(" ");
  const raw = `${classes} ${attr(element, "id")}`;
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

/**
 * Words whose containers are removed even if they wrap much prose — reader comments are prose too — unless
 * a content word says the element is the article itself ("entry-content comments-open"); those are
 * treated like any other hinted element.
 */
const ALWAYS_DROP = new Set(["comment", "comments", "disqus"]);

/** Tags that mark page furniture, but that some sites also wrap their whole layout in. */
const FURNITURE_TAGS = new Set(["nav", "aside", "footer", "header", "form"]);

/**
 * "drop": never article text. "hinted": boilerplate by name, role, visibility or class/id words — removed
 * unless it wraps the article (sites put "ad", "widget" or "rail" in the class of their main wrappers).
 */
export type Verdict = "keep" | "drop" | "hinted";

const verdicts = new WeakMap<Element, Verdict>();

/** `classify`, computed once per element: the passes over the tree ask about the same elements. */
export function judge(element: Element): Verdict {
  let verdict = verdicts.get(element);
  if (verdict === undefined) {
    verdict = classify(element);
    verdicts.set(element, verdict);
  }
  return verdict;
}

/** Boilerplate words long enough to be recognised inside a run-together class name. */
const COMPOUND_PARTS = [...STRONG_NEGATIVE, ...WEAK_NEGATIVE].filter(
  (word) => word.length >= 6 && !ALWAYS_DROP.has(word),
);

/**
 * "commentlist", "commentbody", "commentform": a comment box named in one word. Only these endings:
 * "commentary" is an opinion piece, "commented" and "commenting" mark articles and their guidelines.
 */
const COMMENT_COMPOUND =
  /^comments?(?:list|form|body|bodies|wrap|wrapper|area|block|section|thread|box|container|holder)$/;

function compoundParts(word: string): string[] {
  const parts = COMPOUND_PARTS.filter(
    (part) => word.length > part.length && (word.startsWith(part) || word.endsWith(part)),
  );
  return COMMENT_COMPOUND.test(word) ? [...parts, "comment"] : parts;
}

function classify(element: Element): Verdict {
  if (isProseCaption(element) && !isHidden(element)) return "keep";
  if (DROP_TAGS.has(element.name) || element.type !== "tag") return "drop";
  if (element.name === "body" || element.name === "html" || element.name === "main") return "keep";
  // Plurals name the same boxes ("sidebars", "widgets", "banners"), and so do run-together names that
  // start or end with a long boilerplate word ("relatedposts", "rightsidebar", "entryfooter").
  const words = hintWords(element).flatMap((word) => {
    const singular = word.length > 3 && word.endsWith("s") ? word.slice(0, -1) : word;
    return [word, ...(singular === word ? [] : [singular]), ...compoundParts(singular)];
  });
  if (words.some((word) => ALWAYS_DROP.has(word)) && !words.some((word) => POSITIVE.has(word))) return "drop";
  if (FURNITURE_TAGS.has(element.name) || DROP_ROLES.has(attr(element, "role")) || isHidden(element))
    return "hinted";
  // A figure is an image and its caption; one around a quote is an embedded post, and one around a table
  // is the story's table (WordPress wraps every table block in one): both are part of the story.
  if (
    element.name === "figure" &&
    !findFirst(element, (inner) => ["blockquote", "table"].includes(inner.name))
  )
    return "hinted";
  if (element.name === "article" || words.length === 0) return "keep";
  const strong = words.filter((word) => STRONG_NEGATIVE.has(word));
  const embeddedPost = words.some((word) => EMBED.has(word)) && strong.every((word) => SOCIAL.has(word));
  if (strong.length > 0 && !embeddedPost) return "hinted";
  const weak = words.some((word) => WEAK_NEGATIVE.has(word)) && !words.some((word) => POSITIVE.has(word));
  return weak ? "hinted" : "keep";
}

type Parent = AnyNode & { children: AnyNode[] };

function prune(node: Parent, removeHinted: boolean, keep: Set<Element>): void {
  node.children = node.children.filter((child) => {
    if (child.type === "comment" || child.type === "directive" || child.type === "cdata") return false;
    if (!isElement(child)) return true;
    const verdict = judge(child);
    if (verdict === "drop") return false;
    if (verdict === "hinted" && removeHinted && !keep.has(child)) return false;
    prune(child, removeHinted, keep);
    return true;
  });
}

/** Whether the element or an ancestor is hinted as boilerplate; `memo` caches answers across calls. */
export function underHint(element: Element, memo: Map<Element, boolean>): boolean {
  const known = memo.get(element);
  if (known !== undefined) return known;
  const parent = element.parent;
  const answer =
    judge(element) === "hinted" || (parent !== null && isElement(parent) && underHint(parent, memo));
  memo.set(element, answer);
  return answer;
}

/** Removes what is never article text (scripts, comments, forms' controls…), in place. */
export function removeNonContent(document: Document): void {
  prune(document, false, new Set());
}

/** Removes boilerplate-hinted elements, except those in `keep` (the article's wrappers), in place. */
export function removeBoilerplate(document: Document, keep: Set<Element>): void {
  prune(document, true, keep);
}
