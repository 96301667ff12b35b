// Sentence centrality: TextRank over a TF-IDF cosine graph, biased toward the original article, then
// maximal marginal relevance so the chosen sentences do not repeat each other.
import { cosine, type TermVector, termCounts } from "../../text/terms.js";

const DAMPING = 0.85;
const ITERATIONS = 60;
/** Teleport weight of the original article's sentences relative to other sources'. */
const SUBJECT_WEIGHT = 3;
/** Edges weaker than this are noise (a shared stop-bigram) and left out of the graph. */
const MIN_EDGE = 0.05;
/** MMR trade-off between centrality (1) and novelty (0). */
const MMR_LAMBDA = 0.7;
/** A sentence this similar to one already chosen says the same thing. */
const MAX_REDUNDANCY = 0.6;

/** TF-IDF vectors over the given term lists, so shared rare terms weigh more than common ones. */
export function tfidfVectors(termLists: string[][]): TermVector[] {
  const documentFrequency = new Map<string, number>();
  for (const terms of termLists) {
    for (const term of new Set(terms)) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  }
  const total = termLists.length;
  return termLists.map((terms) => {
    const vector: TermVector = new Map();
    for (const [term, count] of termCounts(terms)) {
      vector.set(term, count * Math.log(1 + total / (documentFrequency.get(term) ?? 1)));
    }
    return vector;
  });
}

export function similarityMatrix(vectors: TermVector[]): number[][] {
  return vectors.map((a, i) => vectors.map((b, j) => (i === j ? 0 : cosine(a, b))));
}

/**
 * Personalized PageRank: a random reader follows similarity edges and, when jumping, lands on a
 * subject sentence more often. Returns one score per sentence; deterministic (fixed iterations).
 */
export function textRank(similarity: number[][], isSubject: boolean[]): number[] {
  const n = similarity.length;
  const teleportWeights = isSubject.map((subject) => (subject ? SUBJECT_WEIGHT : 1));
  const teleportTotal = teleportWeights.reduce((sum, w) => sum + w, 0);
  const teleport = teleportWeights.map((w) => w / teleportTotal);
  const edges = similarity.map((row) => row.map((w) => (w >= MIN_EDGE ? w : 0)));
  const outWeight = edges.map((row) => row.reduce((sum, w) => sum + w, 0));
  let rank = [...teleport];
  for (let iteration = 0; iteration < ITERATIONS; iteration++) {
    // A sentence without edges hands its rank back through the teleport distribution.
    let dangling = 0;
    for (let j = 0; j < n; j++) if (outWeight[j] === 0) dangling += rank[j] as number;
    const next = teleport.map((t) => (1 - DAMPING) * t + DAMPING * dangling * t);
    for (let j = 0; j < n; j++) {
      const out = outWeight[j] as number;
      if (out === 0) continue;
      const share = (DAMPING * (rank[j] as number)) / out;
      const row = edges[j] as number[];
      for (let i = 0; i < n; i++) next[i] = (next[i] as number) + share * (row[i] as number);
    }
    rank = next;
  }
  return rank;
}

export interface MmrOptions {
  /** Only these sentences may be chosen (all when omitted). */
  eligible?: boolean[];
  /** A sentence at least this similar to a chosen one is skipped (default 0.6). */
  maxRedundancy?: number;
  /** Similarity that `maxRedundancy` applies to (default: `similarity`, which always weighs as a penalty). */
  blocking?: number[][];
}

/** Indices of up to `limit` sentences, best first, each novel with respect to those before it. */
export function selectMmr(
  scores: number[],
  similarity: number[][],
  limit: number,
  options: MmrOptions = {},
): number[] {
  const { eligible, maxRedundancy = MAX_REDUNDANCY, blocking = similarity } = options;
  const best = scores.reduce((a, b) => Math.max(a, b), 0);
  const normalized = scores.map((s) => (best > 0 ? s / best : 0));
  const chosen: number[] = [];
  const open = new Set(scores.flatMap((_, i) => (eligible && !eligible[i] ? [] : [i])));
  while (chosen.length < limit && open.size > 0) {
    let pick = -1;
    let pickValue = Number.NEGATIVE_INFINITY;
    for (const i of open) {
      if (chosen.some((j) => (blocking[i]?.[j] ?? 0) > maxRedundancy)) continue;
      const redundancy = chosen.reduce((most, j) => Math.max(most, similarity[i]?.[j] ?? 0), 0);
      const value = MMR_LAMBDA * (normalized[i] as number) - (1 - MMR_LAMBDA) * redundancy;
      if (value > pickValue) {
        pick = i;
        pickValue = value;
      }
    }
    if (pick < 0) break;
    chosen.push(pick);
    open.delete(pick);
  }
  return chosen;
}

/**
 * Similarity that also sees facts across languages: a Japanese and an English sentence share few
 * terms but the same numbers and names, so the higher of the two similarities counts.
 */
export function blendSimilarity(text: number[][], facts: number[][], factWeight: number): number[][] {
  return text.map((row, i) => row.map((value, j) => Math.max(value, factWeight * (facts[i]?.[j] ?? 0))));
}

/** Fewer shared facts than this is coincidence (one date, one model name), not the same statement. */
const MIN_SHARED_FACTS = 2;
/** A fact term in more than this share of sentences (DeepSeek, AI, 2025) identifies no statement. */
const MAX_FACT_SHARE = 0.04;

/** Cosine over the rare fact terms (numbers, names) of two sentences that share at least two of them. */
export function factSimilarity(factLists: string[][]): number[][] {
  const documentFrequency = new Map<string, number>();
  for (const terms of factLists) {
    for (const term of new Set(terms)) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  }
  const limit = Math.max(3, MAX_FACT_SHARE * factLists.length);
  const vectors = tfidfVectors(
    factLists.map((terms) => terms.filter((term) => (documentFrequency.get(term) ?? 0) <= limit)),
  );
  return vectors.map((a, i) =>
    vectors.map((b, j) => {
      if (i === j) return 0;
      let shared = 0;
      for (const term of a.keys()) if (b.has(term)) shared++;
      return shared >= MIN_SHARED_FACTS ? cosine(a, b) : 0;
    }),
  );
}
