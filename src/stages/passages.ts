// Source → Passage[]: sentences of prose, and headings and list items as their own passages, each with
// exact offsets into `article.text` so a citation can point at the words it stands on.
import type { Block, Passage, Source } from "../types.js";

/** Prose fragments shorter than this (in characters) are joined to a neighbour: "Yes.", "5." */
const MIN_SENTENCE_CHARS = { cjk: 4, other: 6 };
/** Headings and list items shorter than this carry no claim and are dropped. */
const MIN_LABEL_CHARS = 2;

/** Words ending with "." that rarely end an English sentence, so a break after them is undone. */
const ABBREVIATIONS = new Set(
  (
    "mr mrs ms dr prof sr jr st mt no vs etc inc ltd co corp gov gen sen rep col lt sgt jan feb mar apr jun jul aug " +
    "sep sept oct nov dec fig approx dept est"
  ).split(" "),
);
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

type Kind = "prose" | "label";

interface Span {
  start: number;
  end: number;
  kind: Kind;
}

/** Splits a source's article into passages with ids `${source.id}:${index}` in text order. */
export function splitPassages(source: Source): Passage[] {
  const { text, lang } = source.article;
  const spans = blockSpans(text, source.article.blocks);
  const pieces: Array<{ start: number; end: number }> = [];
  for (const span of spans) {
    if (span.kind === "label") {
      const trimmed = trimSpan(text, span.start, span.end);
      if (trimmed && visibleLength(text.slice(trimmed.start, trimmed.end)) >= MIN_LABEL_CHARS)
        pieces.push(trimmed);
    } else {
      pieces.push(...sentenceSpans(text, span.start, span.end, lang));
    }
  }
  return pieces.map((piece, index) => ({
    id: `${source.id}:${index}`,
    sourceId: source.id,
    text: text.slice(piece.start, piece.end),
    start: piece.start,
    end: piece.end,
    lang,
  }));
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

function sentenceSpans(
  text: string,
  start: number,
  end: number,
  lang: string | null,
): Array<{ start: number; end: number }> {
  const segmenter = new Intl.Segmenter(lang ?? undefined, { granularity: "sentence" });
  const raw: Array<{ start: number; end: number }> = [];
  for (const segment of segmenter.segment(text.slice(start, end))) {
    const trimmed = trimSpan(text, start + segment.index, start + segment.index + segment.segment.length);
    if (!trimmed) continue;
    const previous = raw.at(-1);
    if (
      previous &&
      continuesPrevious(text.slice(previous.start, previous.end), text.slice(trimmed.start, trimmed.end))
    ) {
      previous.end = trimmed.end;
    } else {
      raw.push(trimmed);
    }
  }
  return mergeShort(text, raw);
}

/** True when the segmenter broke where a sentence does not end: after "Dr.", "U.S.", inside 「…」. */
function continuesPrevious(previous: string, next: string): boolean {
  const lastWord = /([\p{L}.]+)\.$/u.exec(previous)?.[1] ?? "";
  if (ABBREVIATIONS.has(lastWord.toLowerCase())) return true;
  if (/^(?:\p{Lu}\.)+\p{Lu}?$/u.test(`${lastWord}.`) || /(?:^|\s)\p{Lu}\.$/u.test(previous)) return true;
  if (count(previous, "「") > count(previous, "」") || count(previous, "『") > count(previous, "』"))
    return true;
  // 「すごい。」と言った: the quotation is part of the sentence that the particle continues.
  return /[」』]$/u.test(previous) && /^[\p{Script=Hiragana}]/u.test(next);
}

function mergeShort(
  text: string,
  spans: Array<{ start: number; end: number }>,
): Array<{ start: number; end: number }> {
  const merged: Array<{ start: number; end: number }> = [];
  for (const span of spans) {
    const piece = text.slice(span.start, span.end);
    const minimum = CJK.test(piece) ? MIN_SENTENCE_CHARS.cjk : MIN_SENTENCE_CHARS.other;
    const previous = merged.at(-1);
    if (visibleLength(piece) < minimum && previous) previous.end = span.end;
    else merged.push({ ...span });
  }
  // A short first fragment is joined to the sentence after it; alone it is dropped.
  const first = merged[0];
  const second = merged[1];
  if (first && visibleLength(text.slice(first.start, first.end)) < MIN_SENTENCE_CHARS.cjk) {
    if (second) second.start = first.start;
    merged.shift();
  }
  return merged;
}

function trimSpan(text: string, start: number, end: number): { start: number; end: number } | null {
  let from = start;
  let to = end;
  while (from < to && /\s/u.test(text[from] as string)) from++;
  while (to > from && /\s/u.test(text[to - 1] as string)) to--;
  return from < to ? { start: from, end: to } : null;
}

function visibleLength(piece: string): number {
  return piece.replace(/[\s\p{P}]/gu, "").length;
}

function count(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}
