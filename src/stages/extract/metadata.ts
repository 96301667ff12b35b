// Page metadata: title, site name, author, date, language, canonical URL — from <meta>, JSON-LD and markup.
import type { Document } from "domhandler";
import { hostOf, toIsoDate } from "./article-text.js";
import { attr, collapse, type Element, elements, isElement, textOf } from "./dom.js";
import { norm, readingLength, stripSiteName, trimSpacelessTitle, trimTrailingNames } from "./title-parts.js";

export interface PageMetadata {
  title: string;
  siteName: string | null;
  author: string | null;
  /** From JSON-LD or <meta>; the caller falls back to a <time> in the article, then the URL. */
  publishedAt: string | null;
  /** <time datetime> elements of the intact page, in document order. */
  times: { element: Element; datetime: string }[];
  /** Declared language only (html lang, content-language); detection from text happens later. */
  lang: string | null;
  canonicalUrl: string | null;
  /** Base for resolving relative links: <base href> or the page URL. */
  baseUrl: string;
  /** JSON-LD articleBody, when the page publishes one. */
  articleBody: string | null;
}

type JsonObject = Record<string, unknown>;

interface RawMetadata {
  meta: Map<string, string>;
  titleTag: string;
  h1s: string[];
  /** h2/h3 texts (the first few): some pages give their headline one of these. */
  subheadings: string[];
  canonical: string;
  baseHref: string;
  htmlLang: string;
  jsonLd: JsonObject[];
  times: { element: Element; datetime: string }[];
  bylines: string[];
}

const ARTICLE_TYPES = /article|posting|report|blog|news/i;
const BYLINE_HINT = /(^|[-_\s])(byline|author|writer|by-line)([-_\s]|$)/i;

/** h2/h3 headings kept as possible headlines: the headline sits near the top when it is one of them. */
const MAX_SUBHEADINGS = 20;

/** JSON-LD nodes looked at per page: real pages publish a handful; hostile ones nest thousands deep. */
const MAX_JSON_LD_NODES = 1000;

/** Objects of a JSON-LD block, its arrays and `@graph`s flattened; walked with a stack, not recursion. */
function parseJsonLd(source: string, into: JsonObject[]): void {
  let data: unknown;
  try {
    data = JSON.parse(source.replace(/^\s*<!--|-->\s*$/g, ""));
  } catch {
    return;
  }
  // Breadth first, so the top-level objects (the article) come before anything nested in them.
  const queue: unknown[] = [data];
  const add = (value: unknown) => {
    if (queue.length < MAX_JSON_LD_NODES) queue.push(value);
  };
  for (let next = 0; next < queue.length; next++) {
    const value = queue[next];
    if (Array.isArray(value)) value.slice(0, MAX_JSON_LD_NODES).forEach(add);
    else if (value && typeof value === "object") {
      const object = value as JsonObject;
      into.push(object);
      if (object["@graph"]) add(object["@graph"]);
    }
  }
}

function collect(document: Document): RawMetadata {
  const raw: RawMetadata = {
    meta: new Map(),
    titleTag: "",
    h1s: [],
    subheadings: [],
    canonical: "",
    baseHref: "",
    htmlLang: "",
    jsonLd: [],
    times: [],
    bylines: [],
  };
  for (const element of elements(document)) {
    switch (element.name) {
      case "meta": {
        const key = (
          attr(element, "property") ||
          attr(element, "name") ||
          attr(element, "itemprop")
        ).toLowerCase();
        const httpEquiv = attr(element, "http-equiv").toLowerCase();
        const content = attr(element, "content") || attr(element, "datetime");
        if (key && content && !raw.meta.has(key)) raw.meta.set(key, content);
        if (httpEquiv && content && !raw.meta.has(httpEquiv)) raw.meta.set(httpEquiv, content);
        break;
      }
      case "title":
        if (!raw.titleTag) raw.titleTag = collapse(textOf(element));
        break;
      case "h1":
        raw.h1s.push(collapse(textOf(element)));
        break;
      case "h2":
      case "h3":
        if (raw.subheadings.length < MAX_SUBHEADINGS) raw.subheadings.push(collapse(textOf(element)));
        break;
      case "link":
        if (/\bcanonical\b/i.test(attr(element, "rel")) && !raw.canonical)
          raw.canonical = attr(element, "href");
        break;
      case "base":
        if (!raw.baseHref) raw.baseHref = attr(element, "href");
        break;
      case "html":
        raw.htmlLang = attr(element, "lang") || attr(element, "xml:lang");
        break;
      case "script":
        if (attr(element, "type").toLowerCase() === "application/ld+json") {
          parseJsonLd(
            element.children.map((child) => ("data" in child ? child.data : "")).join(""),
            raw.jsonLd,
          );
        }
        break;
      case "time":
        if (attr(element, "datetime")) raw.times.push({ element, datetime: attr(element, "datetime") });
        break;
    }
    if (isByline(element)) {
      const text = collapse(textOf(element));
      // rel/itemprop=author name the person exactly; class-named bylines carry dates and labels too.
      if (attr(element, "rel") === "author" || attr(element, "itemprop") === "author")
        raw.bylines.unshift(text);
      else raw.bylines.push(text);
    }
  }
  return raw;
}

function isByline(element: Element): boolean {
  if (["label", "input", "form", "textarea", "script", "style", "meta"].includes(element.name)) return false;
  for (let node = element.parent; node && isElement(node); node = node.parent)
    if (node.name === "form") return false;
  if (attr(element, "rel") === "author" || attr(element, "itemprop") === "author") return true;
  return BYLINE_HINT.test(attr(element, "class")) || BYLINE_HINT.test(attr(element, "id"));
}

/** How deep a name is looked for in a JSON-LD value ({"author": [{"name": …}]} is three levels). */
const MAX_NAME_DEPTH = 4;

/** A JSON-LD value as text: a string, the names of an array's items, or an object's name. */
function stringOf(value: unknown, depth = 0): string | null {
  if (typeof value === "string") return collapse(value) || null;
  if (depth >= MAX_NAME_DEPTH) return null;
  if (Array.isArray(value)) {
    const parts = value
      .slice(0, 20)
      .map((item) => stringOf(item, depth + 1))
      .filter((part): part is string => Boolean(part));
    return parts.length ? [...new Set(parts)].join(", ") : null;
  }
  if (value && typeof value === "object") return stringOf((value as JsonObject).name, depth + 1);
  return null;
}

/** The JSON-LD object describing the article itself, if any. */
function articleLd(jsonLd: JsonObject[]): JsonObject | null {
  const typed = jsonLd.find((object) => ARTICLE_TYPES.test(String(object["@type"] ?? "")));
  return typed ?? jsonLd.find((object) => object.datePublished || object.articleBody) ?? null;
}

function absolute(href: string, base: string): string | null {
  if (!href.trim()) return null;
  try {
    return new URL(href.trim(), base).href;
  } catch {
    return null;
  }
}

function pickTitle(raw: RawMetadata, ld: JsonObject | null, siteNames: string[]): string {
  const og = collapse(raw.meta.get("og:title") ?? raw.meta.get("twitter:title") ?? "");
  const headline = stringOf(ld?.headline) ?? "";
  const headings = [...raw.h1s, ...raw.subheadings];
  const candidates = [og, headline, raw.titleTag]
    .filter(Boolean)
    .map((t) =>
      trimTrailingNames(trimSpacelessTitle(stripSiteName(t, siteNames), siteNames, headings), headings),
    );
  // An h1 that agrees with the declared title is the cleanest form of it.
  for (const h1 of raw.h1s) {
    if (h1 && candidates.some((candidate) => norm(candidate) === norm(h1))) return h1;
  }
  for (const h1 of raw.h1s) {
    if (readingLength(h1) > 10 && candidates.some((candidate) => norm(candidate).includes(norm(h1))))
      return h1;
  }
  return candidates[0] ?? raw.h1s.find(Boolean) ?? "";
}

function pickAuthor(raw: RawMetadata, ld: JsonObject | null): string | null {
  const fromLd = cleanByline(stringOf(ld?.author) ?? stringOf(ld?.creator) ?? "");
  if (fromLd && !/^https?:/.test(fromLd)) return fromLd;
  for (const key of ["author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl"]) {
    const value = cleanByline(raw.meta.get(key) ?? "");
    if (value && !/^https?:/.test(value)) return value;
  }
  for (const byline of raw.bylines) {
    const name = cleanByline(byline);
    if (name.length > 2 && name.length < 80) return name;
  }
  return null;
}

const MONTH = "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+\\d";

/** "Posted by Jane Doe @jdoe Nov 19, 2019" → "Jane Doe": drops the lead-in, handles, dates and labels. */
export function cleanByline(text: string): string {
  return (
    collapse(text)
      .replace(/^(?:(?:posted|written|published|reported|words|story)\s+)?by[:\s]+/i, "")
      .replace(/^author[:\s]+/i, "")
      .split(/(?<=\p{Ll})(?=\p{Lu}\p{Ll}+ \d)/u)[0]
      ?.split(
        new RegExp(`\\s[|•·–—]\\s|\\s-\\s|\\s@|\\s\\(|\\d{1,4}[/.-]\\d{1,2}[/.-]\\d{1,4}|\\s${MONTH}`, "iu"),
      )[0]
      ?.replace(/[\s,;:.]+$/, "")
      .trim() ?? ""
  );
}

const DATE_KEYS = [
  "article:published_time",
  "og:published_time",
  "datepublished",
  "publishdate",
  "publish-date",
  "publish_date",
  "pubdate",
  "parsely-pub-date",
  "sailthru.date",
  "dc.date.issued",
  "dc.date",
  "dcterms.created",
  "dcterms.date",
  "citation_publication_date",
  "date",
];

function pickDate(raw: RawMetadata, ld: JsonObject | null): string | null {
  const fromLd = toIsoDate(typeof ld?.datePublished === "string" ? ld.datePublished : null);
  if (fromLd) return fromLd;
  for (const key of DATE_KEYS) {
    const value = toIsoDate(raw.meta.get(key));
    if (value) return value;
  }
  return null;
}

export function readMetadata(document: Document, url: string): PageMetadata {
  const raw = collect(document);
  const ld = articleLd(raw.jsonLd);
  const baseUrl = absolute(raw.baseHref, url) ?? url;
  const publisher = raw.jsonLd.map((object) => stringOf(object.publisher)).find(Boolean) ?? null;
  const siteName =
    collapse(raw.meta.get("og:site_name") ?? "") ||
    publisher ||
    collapse(raw.meta.get("application-name") ?? "") ||
    hostOf(url);
  const host = hostOf(url);
  const siteNames = [siteName, host, host?.replace(/\.[a-z]+$/, "")].filter((name): name is string =>
    Boolean(name),
  );
  const canonical = absolute(raw.canonical, baseUrl) ?? absolute(raw.meta.get("og:url") ?? "", baseUrl);
  const articleBody = typeof ld?.articleBody === "string" ? ld.articleBody : null;
  return {
    title: pickTitle(raw, ld, siteNames),
    siteName: siteName || null,
    author: pickAuthor(raw, ld),
    publishedAt: pickDate(raw, ld),
    times: raw.times,
    lang:
      (raw.htmlLang || raw.meta.get("content-language") || "")
        .split(/[-_,;]/)[0]
        ?.trim()
        .toLowerCase() || null,
    canonicalUrl: canonical,
    baseUrl,
    articleBody,
  };
}
