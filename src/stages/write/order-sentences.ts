// Reading order of the extractive report: source by source in text order, by date when the sentences
// tell of dated events, never opening on a sentence that points back; then paragraphs of a few claims.
import type { Claim, Paragraph } from "../../types.js";

const CLAIMS_PER_PARAGRAPH = 4;

export function paragraphs(claims: Claim[]): Paragraph[] {
  const result: Paragraph[] = [];
  for (let i = 0; i < claims.length; i += CLAIMS_PER_PARAGRAPH) {
    result.push({ claims: claims.slice(i, i + CLAIMS_PER_PARAGRAPH) });
  }
  return result;
}

/**
 * Reorders sentences (given in reading order) by the date they name when at least two name one. An
 * undated sentence keeps the date of the sentence before it from the same source, so it stays with
 * the event it explains; undated sentences before any date come first, as background.
 */
export function chronological(
  ordered: number[],
  dateOf: (i: number) => number | null,
  sourceOf: (i: number) => string,
): number[] {
  if (ordered.filter((i) => dateOf(i) !== null).length < 2) return ordered;
  const effective = new Map<number, number>();
  const lastBySource = new Map<string, number>();
  for (const i of ordered) {
    const date = dateOf(i) ?? lastBySource.get(sourceOf(i)) ?? Number.NEGATIVE_INFINITY;
    effective.set(i, date);
    if (Number.isFinite(date)) lastBySource.set(sourceOf(i), date);
  }
  return ordered
    .map((i, position) => ({ i, position }))
    .sort(
      (a, b) => (effective.get(a.i) as number) - (effective.get(b.i) as number) || a.position - b.position,
    )
    .map(({ i }) => i);
}
