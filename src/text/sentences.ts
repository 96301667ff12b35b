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
/** Only this much of the end of a growing sentence is read for its last word, so each break costs the same. */
const TAIL_CHARS = 64;

/** The sentences of `text.slice(start, end)`, as trimmed spans of `text`. */
export function sentenceSpans(
  text: string,
  start: number,
  end: number,
  lang: string | null,
): Array<{ start: number; end: number }> {
  const segmenter = sentenceSegmenter(lang);
  const raw: Array<{ start: number; end: number }> = [];
  // Unclosed 「 and 『 of the last span, kept up to date as it grows instead of recounted at every break.
  let open = { corner: 0, white: 0 };
  for (const [from, to] of segmentBounds(segmenter, text.slice(start, end))) {
    const trimmed = trimSpan(text, start + from, start + to);
    if (!trimmed) continue;
    const piece = text.slice(trimmed.start, trimmed.end);
    const balance = { corner: quoteBalance(piece, "「", "」"), white: quoteBalance(piece, "『", "』") };
    const previous = raw.at(-1);
    const tail = previous
      ? text.slice(Math.max(previous.start, previous.end - TAIL_CHARS), previous.end)
      : "";
    if (previous && continuesPrevious(tail, piece, open.corner > 0 || open.white > 0)) {
      previous.end = trimmed.end;
      open = { corner: open.corner + balance.corner, white: open.white + balance.white };
    } else {
      raw.push(trimmed);
      open = balance;
    }
  }
  return mergeShort(text, raw);
}

const segmenters = new Map<string, Intl.Segmenter>();

/**
 * A sentence segmenter for `lang`, which comes from a page and may be no locale at all ("日本語",
 * "en US", "{{ lang }}"): Intl throws on those, so its leading language subtag is tried, then the
 * default locale. Sentence rules differ little between locales; a wrong guess costs nothing.
 */
function sentenceSegmenter(lang: string | null): Intl.Segmenter {
  const key = lang ?? "";
  let segmenter = segmenters.get(key);
  if (segmenter) return segmenter;
  const primary = /^[A-Za-z]{2,3}(?![A-Za-z])/.exec(key.trim())?.[0];
  for (const locale of [key, primary]) {
    if (!locale) continue;
    try {
      segmenter = new Intl.Segmenter(locale, { granularity: "sentence" });
      break;
    } catch {
      // Not a well-formed language tag: try the next, simpler one.
    }
  }
  segmenter ??= new Intl.Segmenter(undefined, { granularity: "sentence" });
  // Page-supplied keys are unbounded in variety; a small cache is enough for the few real ones.
  if (segmenters.size < 64) segmenters.set(key, segmenter);
  return segmenter;
}

/**
 * True when the segmenter broke where a sentence does not end: after "Dr.", "U.S.", inside 「…」.
 * `previous` is the end of the sentence so far; `quoteOpen` says whether it leaves a 「 or 『 open.
 */
function continuesPrevious(previous: string, next: string, quoteOpen: boolean): boolean {
  const lastWord = /([\p{L}.]+)\.$/u.exec(previous)?.[1] ?? "";
  if (ABBREVIATIONS.has(lastWord.toLowerCase())) return true;
  if (/^(?:\p{Lu}\.)+\p{Lu}?$/u.test(`${lastWord}.`) || /(?:^|\s)\p{Lu}\.$/u.test(previous)) return true;
  if (quoteOpen) return true;
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

/**
 * ICU's sentence segmenter takes more than linear time on long runs of breaks ("Mr. Mr. …": minutes for
 * 200 kB), and page text is attacker-controlled, so text is segmented in windows of this many characters.
 */
const SEGMENT_WINDOW = 4096;

/** Segmenter bounds, also split where ICU does not: between 。 and an opening 「 or 『. */
function segmentBounds(segmenter: Intl.Segmenter, text: string): Array<[number, number]> {
  const bounds: Array<[number, number]> = [];
  let offset = 0;
  while (offset < text.length) {
    let end = Math.min(text.length, offset + SEGMENT_WINDOW);
    if (end < text.length && /[\ud800-\udbff]/.test(text[end - 1] as string)) end--;
    const segments = [...segmenter.segment(text.slice(offset, end))];
    // A window's last segment may be cut short by the window, so it is segmented again with the next one.
    const kept = end === text.length || segments.length === 1 ? segments : segments.slice(0, -1);
    for (const { index, segment } of kept) {
      let from = offset + index;
      for (const match of segment.matchAll(/[。！？](?=[「『])/gu)) {
        const cut = offset + index + match.index + 1;
        bounds.push([from, cut]);
        from = cut;
      }
      bounds.push([from, offset + index + segment.length]);
    }
    const last = kept.at(-1);
    offset = last ? offset + last.index + last.segment.length : end;
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

function quoteBalance(piece: string, opening: string, closing: string): number {
  return count(piece, opening) - count(piece, closing);
}
