// Which passages the outline sees: the most central ones, biased to the original article, without
// near-duplicates, and every source represented so a minor source is not silently left out.
import { similarityTerms } from "../../../text/terms.js";
import type { Passage, Source } from "../../../types.js";
import { selectMmr, similarityMatrix, textRank, tfidfVectors } from "../rank-sentences.js";

/** Passages shorter than this are headings, captions or bylines, not evidence. */
const MIN_CHARS = { cjk: 12, other: 40 };
const CJK = /[\u3040-\u30ff\u3400-\u9fff]/u;

/** False for headings, captions and bylines: too short to support a sentence of the report. */
export function isEvidence(passage: Passage): boolean {
  return passage.text.length >= (CJK.test(passage.text) ? MIN_CHARS.cjk : MIN_CHARS.other);
}

export function rankPassages(sources: Source[], passages: Passage[], limit: number): Passage[] {
  const usable = passages.filter(isEvidence);
  if (usable.length <= limit) return usable;
  const subject = sources.find((s) => s.role === "article")?.id ?? "s0";
  const similarity = similarityMatrix(tfidfVectors(usable.map((p) => similarityTerms(p.text))));
  const scores = textRank(
    similarity,
    usable.map((p) => p.sourceId === subject),
  );
  const chosen = new Set(selectMmr(scores, similarity, limit));
  // Each source keeps at least its best passage.
  for (const source of sources) {
    if ([...chosen].some((i) => usable[i]?.sourceId === source.id)) continue;
    let best = -1;
    usable.forEach((p, i) => {
      if (p.sourceId === source.id && (best < 0 || (scores[i] ?? 0) > (scores[best] ?? 0))) best = i;
    });
    if (best >= 0) chosen.add(best);
  }
  return [...chosen].sort((a, b) => a - b).map((i) => usable[i] as Passage);
}
