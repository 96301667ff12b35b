// Which new items become reports: --match (keywords or /regex/), --lang, --since. Each refusal says why,
// so a user can tell a filtered item from a missed one.
import { ShirabeError } from "../../errors.js";
import { detectLang } from "../../text/language.js";
import type { FeedItem } from "./parse-feed.js";

export interface ItemFilters {
  /** Keywords (comma-separated, else space-separated; any one matches) or a /regex/flags. */
  match?: string;
  /** Primary language subtags, e.g. ["en", "zh"]. */
  langs?: string[];
  /** ISO time: items published before it are left out (items without a date are kept). */
  since?: string;
}

/** Returns a function giving null for an item to report, else the reason it is left out. */
export function itemFilter(filters: ItemFilters): (item: FeedItem) => string | null {
  const matches = filters.match ? matcher(filters.match) : null;
  const langs = filters.langs?.map((tag) => primary(tag));
  const since = filters.since ? Date.parse(filters.since) : null;
  return (item) => {
    if (matches && !matches(`${item.title}\n${item.summary}`))
      return `does not match --match ${filters.match}`;
    if (since !== null && item.publishedAt && Date.parse(item.publishedAt) < since) {
      return `published ${item.publishedAt.slice(0, 10)}, before --since`;
    }
    if (langs && langs.length > 0) {
      const lang = itemLang(item);
      if (!lang || !langs.includes(lang))
        return `in ${lang ?? "an unknown language"}, not --lang ${langs.join(",")}`;
    }
    return null;
  };
}

/** The item's declared language, else the one its title and summary are written in. */
export function itemLang(item: FeedItem): string | null {
  if (item.lang) return primary(item.lang);
  const detected = detectLang(`${item.title}. ${item.summary}`.slice(0, 1000));
  return detected ? primary(detected) : null;
}

const primary = (tag: string) => tag.toLowerCase().split(/[-_]/)[0] ?? tag;

function matcher(spec: string): (text: string) => boolean {
  const regex = /^\/(.+)\/([a-z]*)$/s.exec(spec);
  if (regex) {
    let pattern: RegExp;
    try {
      pattern = new RegExp(regex[1] ?? "", regex[2]?.includes("i") ? regex[2] : `${regex[2] ?? ""}i`);
    } catch (error) {
      throw new ShirabeError(
        `--match ${spec}: not a valid regular expression (${(error as Error).message})`,
        {
          code: "bad-option",
          kind: "usage",
          input: spec,
          cause: error,
        },
      );
    }
    return (text) => pattern.test(text);
  }
  const keywords = (spec.includes(",") ? spec.split(",") : spec.split(/\s+/))
    .map((word) => word.trim().toLowerCase())
    .filter(Boolean);
  return (text) => {
    const folded = text.toLowerCase();
    return keywords.some((word) => folded.includes(word));
  };
}
