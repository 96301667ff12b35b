// Sentence boundaries for every script: Intl.Segmenter, corrected where it breaks inside a sentence
// (after "Dr." or "U.S.", inside 「…」) and with tiny fragments joined to a neighbour.

/** Prose fragments shorter than this (in characters) are joined to a neighbour: "Yes.", "5." */
const MIN_SENTENCE_CHARS = { cjk: 4, other: 6 };

/** Words ending with "." that rarely end an English sentence, so a break after them is undone. */
const ABBREVIATIONS = new Set(
  (
    "mr mrs ms dr prof sr jr st mt no vs etc inc ltd co corp gov gen sen rep col lt sgt jan feb mar apr jun jul aug " +
    "sep sept oct nov dec fig approx dept est"
  ).split(" "),
);
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** The sentences of `text.slice(start, end)`, as trimmed spans of `text`. */
export function sentenceSpans(
  text: string,
  start: number,
  end: number,
  lang: string | null,
): Array<{ start: number; end: number }> {
  const segmenter = new Intl.Segmenter(lang ?? undefined, { granularity: "sentence" });
  const raw: Array<{ start: number; end: number }> = [];
  for (const [from, to] of segmentBounds(segmenter, text.slice(start, end))) {
    const trimmed = trimSpan(text, start + from, start + to);
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

/** Segmenter bounds, also split where ICU does not: between 。 and an opening 「 or 『. */
function segmentBounds(segmenter: Intl.Segmenter, text: string): Array<[number, number]> {
  const bounds: Array<[number, number]> = [];
  for (const { index, segment } of segmenter.segment(text)) {
    let from = index;
    for (const match of segment.matchAll(/[。！？](?=[「『])/gu)) {
      const cut = index + match.index + 1;
      bounds.push([from, cut]);
      from = cut;
    }
    bounds.push([from, index + segment.length]);
  }
  return bounds;
}

export function trimSpan(text: string, start: number, end: number): { start: number; end: number } | null {
  let from = start;
  let to = end;
  while (from < to && /\s/u.test(text[from] as string)) from++;
  while (to > from && /\s/u.test(text[to - 1] as string)) to--;
  return from < to ? { start: from, end: to } : null;
}

/** Characters that are neither space nor punctuation. */
export function visibleLength(piece: string): number {
  return piece.replace(/[\s\p{P}]/gu, "").length;
}

function count(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}
