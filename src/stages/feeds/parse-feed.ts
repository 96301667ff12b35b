// A feed document (RSS 2.0, RSS 1.0/RDF, Atom, JSON Feed) → items with plain-text titles, absolute
// links, ISO dates and a key that says which item it is (GUID, else link). Parsing is feedsmith's; this
// module only normalises, and turns what is wrong with one item into a note for that item.
import { createRequire } from "node:module";
import { ShirabeError } from "../../errors.js";
import { plainText } from "./plain-text.js";

// feedsmith takes about 0.1 s of CPU to load; loaded on first use so commands that read no feed skip it.
const feedsmith = () => createRequire(import.meta.url)("feedsmith") as typeof import("feedsmith");

export interface FeedItem {
  /** GUID / Atom id / JSON Feed id when the feed gives one, else the item's link. Unique within a feed. */
  key: string;
  url: string;
  title: string;
  /** ISO time, or null when the feed gave none, an unreadable one, or one in the future. */
  publishedAt: string | null;
  /** The item's (or feed's) declared language, lower-cased; null when undeclared. */
  lang: string | null;
  summary: string;
}

export interface ItemNote {
  /** The item's title or key, to name it in the message. */
  item: string;
  message: string;
  /** True when the item was left out (no link, duplicate); false for a note on a kept item. */
  skipped: boolean;
}

export interface ParsedFeed {
  format: "rss" | "atom" | "rdf" | "json";
  title: string;
  items: FeedItem[];
  notes: ItemNote[];
}

/** A date more than this far ahead of now is a publisher's mistake, not a schedule. */
const FUTURE_TOLERANCE_MS = 24 * 3600 * 1000;

interface RawItem {
  guid: string | null;
  link: string | null;
  title: string;
  date: string | null;
  lang: string | null;
  summary: string;
}

function feedError(url: string, message: string, cause?: unknown): ShirabeError {
  return new ShirabeError(`${url}: ${message}`, { code: "bad-feed", kind: "input", input: url, cause });
}

/** The feed link an HTML page advertises, to suggest when a page was given instead of its feed. */
function advertisedFeed(html: string, base: string): string | null {
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    if (!/rel\s*=\s*["']?alternate/i.test(tag)) continue;
    if (!/type\s*=\s*["']?application\/(?:rss|atom|feed)\+(?:xml|json)/i.test(tag)) continue;
    const href = /href\s*=\s*["']([^"']+)["']/i.exec(tag)?.[1];
    if (!href) continue;
    try {
      return new URL(href, base).href;
    } catch {}
  }
  return null;
}

export function parseFeedDocument(text: string, url: string, now: Date = new Date()): ParsedFeed {
  const start = text.slice(0, 2048).trimStart().toLowerCase();
  if (start.startsWith("<!doctype html") || start.startsWith("<html")) {
    const feed = advertisedFeed(text.slice(0, 200_000), url);
    throw feedError(
      url,
      `this is an HTML page, not a feed; ${feed ? `its feed is ${feed}` : "give the address of its RSS or Atom feed"}`,
    );
  }
  let parsed: ReturnType<typeof import("feedsmith").parseFeed>;
  try {
    parsed = feedsmith().parseFeed(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw feedError(url, `not a readable RSS, Atom or JSON feed (${detail}); check the address`, error);
  }
  const { format, title, lang, raw } = flatten(parsed);
  const items: FeedItem[] = [];
  const notes: ItemNote[] = [];
  const keys = new Set<string>();
  for (const item of raw) {
    const name = item.title || item.guid || item.link || "(untitled item)";
    const link = absoluteLink(item.link, url) ?? (item.guid ? absoluteLink(item.guid, url, true) : null);
    if (!link) {
      const why = item.link ? `its link ${item.link} is not an http(s) address` : "it has no link";
      notes.push({ item: name, message: `skipped: ${why}`, skipped: true });
      continue;
    }
    const key = item.guid ?? link;
    if (keys.has(key)) {
      notes.push({ item: name, message: `skipped: repeats the id ${key} of an earlier item`, skipped: true });
      continue;
    }
    keys.add(key);
    const publishedAt = readDate(item.date, now, (message) =>
      notes.push({ item: name, message, skipped: false }),
    );
    items.push({
      key,
      url: link,
      title: item.title || link,
      publishedAt,
      lang: item.lang ?? lang,
      summary: item.summary,
    });
  }
  return { format, title: title || url, items, notes };
}

/** An absolute http(s) URL, resolving relative links against the feed's address. */
function absoluteLink(link: string | null, base: string, onlyAbsolute = false): string | null {
  if (!link) return null;
  try {
    const resolved = onlyAbsolute ? new URL(link) : new URL(link, base);
    return resolved.protocol === "http:" || resolved.protocol === "https:" ? resolved.href : null;
  } catch {
    return null;
  }
}

function readDate(value: string | null, now: Date, note: (message: string) => void): string | null {
  if (!value) return null;
  const time = Date.parse(value);
  if (Number.isNaN(time)) {
    note(`its date "${value.slice(0, 60)}" cannot be read; treated as unknown`);
    return null;
  }
  if (time > now.getTime() + FUTURE_TOLERANCE_MS) {
    note(`its date ${new Date(time).toISOString()} is in the future; treated as unknown`);
    return null;
  }
  return new Date(time).toISOString();
}

const text = (value: unknown): string => (typeof value === "string" ? plainText(value) : "");
const optional = (value: unknown): string | null => {
  const trimmed = typeof value === "string" ? value.trim() : "";
  return trimmed === "" ? null : trimmed;
};
const langOf = (value: unknown): string | null => optional(value)?.toLowerCase() ?? null;

/** One shape for the four formats (feedsmith keeps each format's own structure). */
function flatten(parsed: ReturnType<typeof import("feedsmith").parseFeed>): {
  format: ParsedFeed["format"];
  title: string;
  lang: string | null;
  raw: RawItem[];
} {
  switch (parsed.format) {
    case "rss":
    case "rdf": {
      const feed = parsed.feed as {
        title?: string;
        language?: string;
        dc?: { languages?: string[] };
        items?: Array<{
          title?: string;
          link?: string;
          guid?: { value?: string };
          pubDate?: string;
          description?: string;
          dc?: { dates?: string[]; languages?: string[] };
          rdf?: { about?: string };
        }>;
      };
      return {
        format: parsed.format,
        title: text(feed.title),
        lang: langOf(feed.language ?? feed.dc?.languages?.[0]),
        raw: (feed.items ?? []).map((item) => ({
          guid: optional(item.guid?.value) ?? optional(item.rdf?.about),
          link: optional(item.link),
          title: text(item.title),
          date: optional(item.pubDate) ?? optional(item.dc?.dates?.[0]),
          lang: langOf(item.dc?.languages?.[0]),
          summary: text(item.description),
        })),
      };
    }
    case "atom": {
      const feed = parsed.feed as {
        title?: { value?: string };
        xml?: { lang?: string };
        entries?: Array<{
          id?: string;
          title?: { value?: string };
          links?: Array<{ href?: string; rel?: string }>;
          published?: string;
          updated?: string;
          summary?: { value?: string };
          xml?: { lang?: string };
        }>;
      };
      return {
        format: "atom",
        title: text(feed.title?.value),
        lang: langOf(feed.xml?.lang),
        raw: (feed.entries ?? []).map((entry) => {
          const links = entry.links ?? [];
          const alternate = links.find((link) => !link.rel || link.rel === "alternate") ?? links[0];
          return {
            guid: optional(entry.id),
            link: optional(alternate?.href),
            title: text(entry.title?.value),
            date: optional(entry.published) ?? optional(entry.updated),
            lang: langOf(entry.xml?.lang),
            summary: text(entry.summary?.value),
          };
        }),
      };
    }
    default: {
      const feed = parsed.feed as {
        title?: string;
        language?: string;
        items?: Array<{
          id?: string;
          url?: string;
          external_url?: string;
          title?: string;
          date_published?: string;
          language?: string;
          summary?: string;
          content_text?: string;
        }>;
      };
      return {
        format: "json",
        title: text(feed.title),
        lang: langOf(feed.language),
        raw: (feed.items ?? []).map((item) => ({
          guid: optional(item.id),
          link: optional(item.url) ?? optional(item.external_url),
          title: text(item.title),
          date: optional(item.date_published),
          lang: langOf(item.language),
          summary: text(item.summary ?? item.content_text),
        })),
      };
    }
  }
}
