// Decoded PDF → Article, keeping where each page starts so passages can cite "p. 7". PDF text comes as
// visual lines; lines are joined back into paragraphs (a line that does not end a sentence continues on
// the next). Pages arrive separated by a form feed (see decode/pdf-text.ts).
import type { Article, Block, DecodedPage } from "../../types.js";

/** A title longer than this is a paragraph, not a title. */
const MAX_TITLE_CHARS = 200;
/** A line shorter than this share of the page's longest line ends its paragraph. */
const SHORT_LINE = 0.6;
const SENTENCE_END = /[.!?:。！？」』)）]$/u;
const CJK_END = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー、]$/u;
const PAGE_BREAK = "\f";

export function extractPdfArticle(doc: DecodedPage): Article {
  const pages = doc.text.split(PAGE_BREAK);
  const blocks: Block[] = [];
  const pageStarts: number[] = [];
  let text = "";
  for (const page of pages) {
    pageStarts.push(text.length === 0 ? 0 : text.length + 2);
    for (const paragraph of paragraphs(page)) {
      text += text.length === 0 ? paragraph : `\n\n${paragraph}`;
      blocks.push({ type: "paragraph", text: paragraph });
    }
  }
  const info = doc.documentInfo ?? {};
  const firstLine =
    pages[0]
      ?.split("\n")
      .find((line) => line.trim() !== "")
      ?.trim() ?? "";
  const title =
    info.title ||
    (firstLine.length <= MAX_TITLE_CHARS ? firstLine : "") ||
    doc.url.split("/").pop() ||
    doc.url;
  return {
    url: doc.url,
    canonicalUrl: null,
    title,
    siteName: null,
    author: info.author ?? null,
    publishedAt: null,
    lang: info.lang?.split("-")[0]?.toLowerCase() || null,
    blocks,
    text,
    links: [],
    pageStarts,
  };
}

/**
 * Joins a page's visual lines into paragraphs, undoing hyphenation at line ends. A line ends its
 * paragraph when it ends a sentence or is clearly shorter than a full line (a heading, a last line).
 */
function paragraphs(page: string): string[] {
  const lines = page.split("\n").map((line) => line.replace(/\s+/g, " ").trim());
  const fullLine = lines.reduce((longest, line) => Math.max(longest, [...line].length), 0);
  const result: string[] = [];
  let current = "";
  for (const line of lines) {
    if (line === "") {
      if (current) result.push(current);
      current = "";
      continue;
    }
    if (!current) current = line;
    else if (/\p{Ll}-$/u.test(current) && /^\p{Ll}/u.test(line)) current = current.slice(0, -1) + line;
    else current += CJK_END.test(current) ? line : ` ${line}`;
    if (SENTENCE_END.test(line) || [...line].length < SHORT_LINE * fullLine) {
      result.push(current);
      current = "";
    }
  }
  if (current) result.push(current);
  return result;
}
