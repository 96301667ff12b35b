// Which passages answer a question (an outline section, a claim, a search query): BM25 over
// script-aware terms (words for Latin text, character bigrams for CJK), then maximal marginal relevance
// so near-identical passages and one prolific site cannot fill every slot.

import { bm25Idf, bm25TermScore } from "../../text/bm25.js";
import { largest } from "../../text/numbers.js";
import { cosine, similarityTerms, type TermVector, termCounts } from "../../text/terms.js";
import type { Passage } from "../../types.js";

/** MMR trade-off between relevance (1) and novelty (0). */
const DEFAULT_LAMBDA = 0.5;
/** Subtracted once per passage already picked from the same group (site), on the 0..1 relevance scale. */
const DEFAULT_GROUP_PENALTY = 0.15;
/**
 * With embeddings, relevance = (1 − w)·BM25/max BM25 + w·cosine. An even split: BM25 keeps exact names
 * and figures on top, the embedding finds passages that say the same thing in other words or languages.
 */
const DENSE_WEIGHT = 0.5;
/** Passages without a query term that may still rank, nearest by embedding first (rankPassages: 2 × limit). */
const DEFAULT_DENSE_CANDIDATES = 10;

export interface ScoredPassage {
  passage: Passage;
  score: number;
}

/** Term statistics of a passage collection, built once and queried many times (one query per section). */
export interface Bm25Index {
  passages: Passage[];
  terms: TermVector[];
  lengths: number[];
  averageLength: number;
  documentFrequency: Map<string, number>;
}

export function buildBm25Index(passages: Passage[]): Bm25Index {
  const terms = passages.map((passage) => termCounts(similarityTerms(passage.text)));
  const lengths = terms.map((counts) => [...counts.values()].reduce((sum, count) => sum + count, 0));
  const documentFrequency = new Map<string, number>();
  for (const counts of terms) {
    for (const term of counts.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  }
  const averageLength = lengths.reduce((sum, length) => sum + length, 0) / Math.max(1, lengths.length);
  return { passages, terms, lengths, averageLength, documentFrequency };
}

/** Passages sharing at least one term with the query, best first; ties keep passage order. */
export function scoreBm25(index: Bm25Index, query: string): ScoredPassage[] {
  const queryTerms = [...new Set(similarityTerms(query))];
  const total = index.passages.length;
  const weights = queryTerms.map((term) => bm25Idf(total, index.documentFrequency.get(term) ?? 0));
  const scored: ScoredPassage[] = [];
  index.passages.forEach((passage, position) => {
    const counts = index.terms[position] as TermVector;
    const length = index.lengths[position] ?? 0;
    let score = 0;
    queryTerms.forEach((term, termIndex) => {
      const frequency = counts.get(term) ?? 0;
      score += (weights[termIndex] ?? 0) * bm25TermScore(frequency, length, index.averageLength);
    });
    if (score > 0) scored.push({ passage, score });
  });
  return scored.sort((a, b) => b.score - a.score);
}

/** Embedding vectors of one model: the query's, and one per passage of the index, in its order. */
export interface DenseVectors {
  query: number[];
  passages: number[][];
}

/** Cosine similarity of two embedding vectors; 0 when either is empty or all zeros. */
export function vectorCosine(a: number[], b: number[]): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    dot += (a[i] ?? 0) * (b[i] ?? 0);
    normA += (a[i] ?? 0) ** 2;
    normB += (b[i] ?? 0) ** 2;
  }
  return normA > 0 && normB > 0 ? dot / Math.sqrt(normA * normB) : 0;
}

/**
 * BM25 and embedding similarity combined (see DENSE_WEIGHT). Candidates are the passages sharing a term
 * with the query plus the `denseCandidates` nearest by embedding: unrelated texts are not at cosine 0
 * (real models put them at 0.1–0.5), so letting every passage in would flood the list MMR picks from.
 * Best first; ties keep passage order.
 */
export function scoreHybrid(
  index: Bm25Index,
  query: string,
  dense: DenseVectors,
  options: { weight?: number; denseCandidates?: number } = {},
): ScoredPassage[] {
  const weight = options.weight ?? DENSE_WEIGHT;
  const bm25 = new Map(scoreBm25(index, query).map((item) => [item.passage, item.score]));
  const top = largest(bm25.values()) || 1;
  const cosines = index.passages.map((_, position) =>
    Math.max(0, vectorCosine(dense.query, dense.passages[position] ?? [])),
  );
  const nearest = [...cosines].sort((a, b) => b - a);
  const cut = nearest[Math.min(nearest.length, options.denseCandidates ?? DEFAULT_DENSE_CANDIDATES) - 1] ?? 1;
  const scored: ScoredPassage[] = [];
  index.passages.forEach((passage, position) => {
    const similarity = cosines[position] ?? 0;
    if (!bm25.has(passage) && (similarity < cut || similarity === 0)) return;
    scored.push({ passage, score: (1 - weight) * ((bm25.get(passage) ?? 0) / top) + weight * similarity });
  });
  return scored.sort((a, b) => b.score - a.score);
}

export interface DiversifyOptions {
  limit: number;
  /** 1 ranks by relevance alone; lower values prefer passages unlike those already picked. */
  lambda?: number;
  /** Passages of one group (e.g. one site) are penalised for each one already picked. */
  groupOf?: (passage: Passage) => string;
  groupPenalty?: number;
}

/**
 * Maximal marginal relevance: repeatedly picks the candidate with the best
 * λ·relevance − (1−λ)·(similarity to the closest pick) − penalty·(picks from its group).
 * Relevance is rescaled to 0..1 so λ means the same whatever the BM25 magnitudes.
 */
export function diversify(candidates: ScoredPassage[], options: DiversifyOptions): ScoredPassage[] {
  const lambda = options.lambda ?? DEFAULT_LAMBDA;
  const groupPenalty = options.groupPenalty ?? DEFAULT_GROUP_PENALTY;
  const top = largest(candidates.map((candidate) => candidate.score)) || 1;
  const vectors = candidates.map((candidate) => termCounts(similarityTerms(candidate.passage.text)));
  const groups = candidates.map((candidate) => options.groupOf?.(candidate.passage) ?? null);
  const closest = candidates.map(() => 0);
  const groupCounts = new Map<string, number>();
  const remaining = new Set(candidates.keys());
  const picked: ScoredPassage[] = [];
  while (picked.length < options.limit && remaining.size > 0) {
    let best = -1;
    let bestValue = Number.NEGATIVE_INFINITY;
    for (const index of remaining) {
      const group = groups[index];
      const sameGroup = group === null || group === undefined ? 0 : (groupCounts.get(group) ?? 0);
      const relevance = (candidates[index] as ScoredPassage).score / top;
      const value = lambda * relevance - (1 - lambda) * (closest[index] ?? 0) - groupPenalty * sameGroup;
      if (value > bestValue) {
        bestValue = value;
        best = index;
      }
    }
    remaining.delete(best);
    picked.push(candidates[best] as ScoredPassage);
    const group = groups[best];
    if (group !== null && group !== undefined) groupCounts.set(group, (groupCounts.get(group) ?? 0) + 1);
    const chosen = vectors[best] as TermVector;
    for (const index of remaining) {
      closest[index] = Math.max(closest[index] ?? 0, cosine(vectors[index] as TermVector, chosen));
    }
  }
  return picked;
}

export interface RankOptions {
  limit: number;
  /** Off (relevance only) when false. */
  diversity?: boolean;
  lambda?: number;
  groupOf?: (passage: Passage) => string;
  /** How many BM25 candidates MMR chooses from (default 5 × limit). */
  pool?: number;
}

/**
 * The best `limit` passages for `query`: BM25 (with `dense` vectors, BM25 and cosine combined), then
 * (by default) MMR over the top of the list.
 */
export function rankPassages(
  index: Bm25Index,
  query: string,
  options: RankOptions & { dense?: DenseVectors },
): ScoredPassage[] {
  const scored = options.dense
    ? scoreHybrid(index, query, options.dense, { denseCandidates: options.limit * 2 })
    : scoreBm25(index, query);
  if (options.diversity === false) return scored.slice(0, options.limit);
  const pool = scored.slice(0, options.pool ?? options.limit * 5);
  return diversify(pool, {
    limit: options.limit,
    ...(options.lambda === undefined ? {} : { lambda: options.lambda }),
    ...(options.groupOf ? { groupOf: options.groupOf } : {}),
  });
}

/** Embedding vectors for rankForSections: one per passage and one per section, in their orders. */
export interface SectionEmbeddings {
  passages: number[][];
  sections: number[][];
}

/** Ranks passages for each section of an outline, keyed by the section's heading. */
export function rankForSections(
  passages: Passage[],
  sections: Array<{ heading: string; query: string }>,
  options: RankOptions & { embeddings?: SectionEmbeddings },
): Map<string, ScoredPassage[]> {
  const index = buildBm25Index(passages);
  const { embeddings, ...rest } = options;
  return new Map(
    sections.map((section, position) => {
      const dense = embeddings
        ? { query: embeddings.sections[position] ?? [], passages: embeddings.passages }
        : undefined;
      return [section.heading, rankPassages(index, section.query, dense ? { ...rest, dense } : rest)];
    }),
  );
}
