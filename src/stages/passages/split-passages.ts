// Source → Passage[]: sentences of prose, and headings and list items as their own passages, each with
// exact offsets into `article.text` so a citation can point at the words it stands on (and, for a PDF,
// the page it is on).
import { sentenceSpans, trimSpan, visibleLength } from "../../text/sentences.js";
import type { Block, Passage, Source } from "../../types.js";
import { isBoilerplateLine } from "./boilerplate-lines.js";

/** Headings and list items shorter than this carry no claim and are dropped. */
const MIN_LABEL_CHARS = 2;

type Kind = "prose" | "label";

interface Span {
  start: number;
  end: number;
  kind: Kind;
}

/** Splits a source's article into passages with ids `${source.id}:${index}` in text order. */
export function splitPassages(source: Source): Passage[] {
  const { text, lang } = source.article;
  // A block that is a see-also line, byline or caption credit gives no passage at all.
  const spans = blockSpans(text, source.article.blocks).filter(
    (span) => !isBoilerplateLine(text.slice(span.start, span.end)),
  );
  const pieces: Array<{ start: number; end: number }> = [];
  for (const span of spans) {
    if (span.kind === "label") {
      const trimmed = trimSpan(text, span.start, span.end);
      if (trimmed && visibleLength(text.slice(trimmed.start, trimmed.end)) >= MIN_LABEL_CHARS)
        pieces.push(trimmed);
    } else {
      // A loop, not push(...spans): one paragraph can hold more sentences than a call has arguments.
      for (const sentence of sentenceSpans(text, span.start, span.end, lang)) pieces.push(sentence);
    }
  }
  const pageStarts = source.article.pageStarts;
  return pieces.map((piece, index) => ({
    id: `${source.id}:${index}`,
    sourceId: source.id,
    text: text.slice(piece.start, piece.end),
    start: piece.start,
    end: piece.end,
    lang,
    ...(pageStarts ? { page: pageAt(pageStarts, piece.start) } : {}),
  }));
}

/** The 1-based page of a paged document that the character at `offset` is on. */
export function pageAt(pageStarts: number[], offset: number): number {
  let page = 1;
  pageStarts.forEach((start, index) => {
    if (start <= offset) page = index + 1;
  });
  return page;
}

/** Finds each block's text in `text`, in order; falls back to blank-line chunks when blocks are missing. */
function blockSpans(text: string, blocks: Block[]): Span[] {
  const spans: Span[] = [];
  let cursor = 0;
  for (const block of blocks) {
    for (const unit of blockUnits(block)) {
      const at = unit.text.length > 0 ? text.indexOf(unit.text, cursor) : -1;
      if (at < 0) continue;
      spans.push({ start: at, end: at + unit.text.length, kind: unit.kind });
      cursor = at + unit.text.length;
    }
  }
  if (spans.length > 0) return spans;
  return [...text.matchAll(/[^\n]+(?:\n(?!\n)[^\n]*)*/g)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
    kind: "prose" as const,
  }));
}

function blockUnits(block: Block): Array<{ text: string; kind: Kind }> {
  switch (block.type) {
    case "heading":
      return [{ text: block.text, kind: "label" }];
    case "paragraph":
    case "quote":
      return [{ text: block.text, kind: "prose" }];
    case "list":
      return block.items.map((item) => ({ text: item, kind: "label" as const }));
    default:
      // Tables and code are not prose a report can quote sentence by sentence.
      return [];
  }
}
