// Cleans a page title down to its headline: a spaced " | Site" part that names the site goes; in scripts
// without spaces, so do channel and column names, authors and photo credits after the headline. Chinese
// and Japanese portals join those parts with unspaced separators ("标题_网易新闻", "标题--大河网",
// "見出し | | 著者 | サイト"), which the spaced rule does not see.

import { sentenceSpans } from "../../text/sentences.js";
import type { Block } from "../../types.js";

/** Han, kana and Hangul: scripts whose titles are read here. */
const SPACELESS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const SPACELESS_ALL = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;

/**
 * Separators between a headline and the names after it: bars, underscores, doubled hyphens, a spaced dash
 * or colon, and a lone hyphen unless it joins letters or digits ("1-10月", "GPU-EDN" stay whole). The
 * Chinese dash "——" belongs to headlines and is not one.
 */
const SEPARATOR = /\s*(?:[|｜]|_+|-{2,}|\s[-–—:：]\s|::|»|«|(?<![A-Za-z0-9])-|-(?![A-Za-z0-9])|[:：])\s*/gu;

/** After a colon, spaced or not, only the site's name is cut ("見出し：朝日新聞デジタル"). */
const SITE_COLON = /^\s*[:：]\s*$/;

/** A trailing photo credit: "（写真＝ロイター）", "(图)"-style notes are kept, credits are not. */
const PHOTO_CREDIT = /\s*[（(](?:写真|撮影|图片|圖片|图|photo)[＝=:：/／][^（）()]*[）)]\s*$/iu;

/** A name part is at most this share of the headline's length: headlines are longer than what follows. */
const NAME_SHARE = 0.67;

/** Letters and digits only, lower-cased: how title parts, headings and site names are compared. */
export const norm = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");

/** Whether a title part is one of the site's names, or holds one, or is held by one. */
function namesSite(part: string, siteNames: string[]): boolean {
  const key = norm(part);
  return (
    key.length > 0 &&
    siteNames.map(norm).some((name) => name && (name === key || name.includes(key) || key.includes(name)))
  );
}

/** Drops a " | Site" / " - Site" suffix or prefix when that part names the site. */
export function stripSiteName(title: string, siteNames: string[]): string {
  const parts = title.split(/\s+[|\-–—·•:»«/]\s+/);
  if (parts.length < 2) return title;
  const isSite = (part: string) => namesSite(part, siteNames);
  const first = parts[0] ?? "";
  const last = parts[parts.length - 1] ?? "";
  if (isSite(last)) return title.slice(0, title.length - last.length).replace(/\s+[|\-–—·•:»«/]\s*$/, "");
  if (isSite(first)) return title.slice(first.length).replace(/^\s*[|\-–—·•:»«/]\s+/, "");
  return title;
}

/** Length in letter-equivalents: a Han or kana character carries about what two letters do. */
export function readingLength(text: string): number {
  const key = norm(text);
  return key.length + (key.match(SPACELESS_ALL)?.length ?? 0);
}

interface TitlePart {
  part: string;
  /** The title up to the end of this part. */
  prefix: string;
  /** The separator before it ("" for the first part). */
  before: string;
}

/** The title's parts between separators. */
function splitTitle(title: string): TitlePart[] {
  const parts: TitlePart[] = [];
  let start = 0;
  let before = "";
  for (const match of title.matchAll(SEPARATOR)) {
    const at = match.index ?? 0;
    if (at > start) parts.push({ part: title.slice(start, at), prefix: title.slice(0, at), before });
    if (at > start || !before) before = match[0];
    start = at + match[0].length;
  }
  if (start < title.length) parts.push({ part: title.slice(start), prefix: title, before });
  return parts;
}

/**
 * The headline of a title in a spaceless script: a page heading that the title starts with, else the
 * title without trailing parts that name the site or are much shorter than what comes before them.
 * Titles in other scripts are returned unchanged.
 */
export function trimSpacelessTitle(title: string, siteNames: string[], headings: string[]): string {
  if (!SPACELESS.test(title)) return title;
  const credited = title.replace(PHOTO_CREDIT, "");
  const parts = splitTitle(credited);
  if (parts.length < 2) return credited;
  // A heading on the page that the title starts with (up to a separator) is the headline itself; not
  // before a colon, where it is a column's or a topic's name ("水説：見出し").
  const byKey = new Map(headings.map((heading) => [norm(heading), heading] as const));
  for (let index = 0; index < parts.length - 1; index++) {
    const { prefix } = parts[index] as TitlePart;
    const heading = norm(prefix) ? byKey.get(norm(prefix)) : undefined;
    if (heading && !SITE_COLON.test((parts[index + 1] as TitlePart).before)) return heading;
  }
  let end = parts.length - 1;
  while (end > 0) {
    const { part, before } = parts[end] as TitlePart;
    const head = (parts[end - 1] as TitlePart).prefix;
    // Only a named part ends a title after a colon, and a part of punctuation ("(@_@。") is
    // the headline's own.
    const short =
      !SITE_COLON.test(before) &&
      norm(part).length > 0 &&
      readingLength(part) <= readingLength(head) * NAME_SHARE;
    if (!namesSite(part, siteNames) && !short) break;
    end--;
  }
  return (parts[end] as TitlePart).prefix.trim();
}

/** Spaced bars and dashes: where a latin title's site or section names are joined on. */
const SPACED_SEPARATOR = /\s+(?:[|｜·•»]|[-–—])\s+/gu;
/** A name after the headline has at most this many words ("Digital Lifestyle", "Posted Sports"). */
const NAME_WORDS = 4;
/** What is left must still read as a headline. */
const HEADLINE_WORDS = 3;
/** Lower-case words a name may hold ("News of the World", "Le Monde du soir"); any other is a headline's. */
const NAME_JOINERS = new Set([
  "of",
  "the",
  "and",
  "for",
  "in",
  "on",
  "at",
  "by",
  "de",
  "la",
  "le",
  "du",
  "der",
  "und",
  "y",
  "et",
  "e",
]);

const wordsOf = (text: string) => text.split(/\s+/).filter((word) => norm(word));

/** Capitalised words (or a domain): how site and section names are written, unlike most headlines. */
function writtenAsName(part: string): boolean {
  // A year ("1975 - 2004") or an exclamation is the headline's own.
  if (!/\p{L}/u.test(part) || /[!?]\s*$/.test(part)) return false;
  if (/\b[\w-]+\.(?:com|net|org|co|tv|info|[a-z]{2})\b/i.test(part)) return true;
  return wordsOf(part).every((word) => !/^\p{Ll}/u.test(word) || NAME_JOINERS.has(word.toLowerCase()));
}

/**
 * A title in a spaced script without the short names after its headline ("Headline - Section - Site"),
 * whether or not they name a site the page declares: a page read from a file has no host to compare, and
 * the report must give the clean title. A part that is one of the page's headings stays. Spaceless titles
 * are trimSpacelessTitle's.
 */
export function trimTrailingNames(title: string, headings: string[]): string {
  if (SPACELESS.test(title)) return title;
  const headingKeys = new Set(headings.map(norm));
  let end = title.length;
  for (const match of [...title.matchAll(SPACED_SEPARATOR)].reverse()) {
    const at = match.index ?? 0;
    const part = title.slice(at + match[0].length, end);
    const head = title.slice(0, at);
    const name =
      wordsOf(part).length <= NAME_WORDS &&
      wordsOf(head).length >= HEADLINE_WORDS &&
      readingLength(part) <= readingLength(head) * NAME_SHARE &&
      writtenAsName(part) &&
      !headingKeys.has(norm(part));
    if (!name) break;
    end = at;
  }
  return title.slice(0, end);
}

/** A title made from the text is at most this long, in letter-equivalents (about 120 characters of English). */
const TEXT_TITLE_LENGTH = 100;

/**
 * For a page that declares no title at all (no <title>, og:title, headline or h1): its first sentence when
 * that is short enough to be a headline; else none (the report then names the page's address).
 */
export function titleFromText(blocks: Block[], lang: string | null): string {
  const first = blocks.find((block) => block.type === "paragraph");
  if (first?.type !== "paragraph") return "";
  const [span] = sentenceSpans(first.text, 0, first.text.length, lang);
  const sentence = span ? first.text.slice(span.start, span.end) : "";
  return readingLength(sentence) > 0 && readingLength(sentence) <= TEXT_TITLE_LENGTH ? sentence : "";
}
