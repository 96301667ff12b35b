// The one BM25: passage ranking for reports and the corpus search's own scoring use these formulas.

/** Term-frequency saturation: past a few occurrences, more of the same term adds little. */
const K1 = 1.2;
/** Length normalisation: 0 ignores passage length, 1 scales fully by it. */
const B = 0.75;

/**
 * Inverse document frequency of a term found in `containing` of `documents` passages. The "+1" form
 * stays positive for terms in more than half the passages, so a common term still counts a little.
 */
export function bm25Idf(documents: number, containing: number): number {
  return Math.log(1 + (documents - containing + 0.5) / (containing + 0.5));
}

/** One term's BM25 contribution for a passage of `length` terms, before weighting by its IDF. */
export function bm25TermScore(frequency: number, length: number, averageLength: number): number {
  if (frequency <= 0) return 0;
  const norm = K1 * (1 - B + (B * length) / (averageLength || 1));
  return (frequency * (K1 + 1)) / (frequency + norm);
}
