// Near-duplicate detection: syndicated copies of a wire story, mirrors and reprints are one story, so
// they become one source. Texts are compared by shingles (5 words, or 5 characters of CJK) hashed into
// a MinHash signature; two texts are copies when most of the shorter one's shingles are in the other
// (containment), which still holds when a reprint adds its own lead paragraph or drops the ending.
import type { Source } from "../../types.js";

/** Words per shingle in Latin-script text; characters per shingle in CJK text. */
const WORD_SHINGLE = 5;
const CJK_SHINGLE = 5;
/** Hash functions in a signature: estimate error is about 1/√128 ≈ 0.09. */
const SIGNATURE_SIZE = 128;
/** Share of the shorter text's shingles found in the longer one above which the two are one story. */
const DEFAULT_CONTAINMENT = 0.7;
/** Texts with fewer shingles than this are too short to call copies (a one-line page). */
const MIN_SHINGLES = 8;

const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** The shingles of a text, hashed to 32-bit integers; case, width and punctuation do not matter. */
export function shingles(text: string): Set<number> {
  const folded = text.normalize("NFKC").toLowerCase();
  const tokens = folded.match(/[\p{L}\p{N}]+/gu) ?? [];
  const hashes = new Set<number>();
  const words: string[] = [];
  for (const token of tokens) {
    if (CJK_CHAR.test(token)) {
      const chars = [...token];
      for (let i = 0; i + CJK_SHINGLE <= chars.length; i++)
        hashes.add(fnv1a(chars.slice(i, i + CJK_SHINGLE).join("")));
      if (chars.length < CJK_SHINGLE) words.push(token);
    } else {
      words.push(token);
    }
  }
  for (let i = 0; i + WORD_SHINGLE <= words.length; i++)
    hashes.add(fnv1a(words.slice(i, i + WORD_SHINGLE).join(" ")));
  return hashes;
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Seeds of the hash family; fixed so signatures are comparable across runs. */
const SEEDS = Array.from({ length: SIGNATURE_SIZE }, (_, index) => fnv1a(`shirabe-minhash-${index}`) | 1);

export interface Fingerprint {
  signature: Uint32Array;
  size: number;
}

/** A MinHash signature of the shingle set: the minimum of each seeded hash over all shingles. */
export function fingerprint(text: string): Fingerprint {
  const set = shingles(text);
  const signature = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  for (const shingle of set) {
    for (let i = 0; i < SIGNATURE_SIZE; i++) {
      const value = Math.imul(shingle ^ (SEEDS[i] as number), 0x9e3779b1) >>> 0;
      const mixed = (value ^ (value >>> 16)) >>> 0;
      if (mixed < (signature[i] as number)) signature[i] = mixed;
    }
  }
  return { signature, size: set.size };
}

/** Estimated share of the smaller set's shingles contained in the larger one (0 for tiny texts). */
export function containment(a: Fingerprint, b: Fingerprint): number {
  if (a.size < MIN_SHINGLES || b.size < MIN_SHINGLES) return 0;
  let equal = 0;
  for (let i = 0; i < SIGNATURE_SIZE; i++) if (a.signature[i] === b.signature[i]) equal++;
  const jaccard = equal / SIGNATURE_SIZE;
  // |A∩B| = J·|A∪B| and |A∪B| = (|A|+|B|)/(1+J).
  const intersection = (jaccard * (a.size + b.size)) / (1 + jaccard);
  return Math.min(1, intersection / Math.min(a.size, b.size));
}

/** Groups of indexes of texts that are copies of each other (only groups of two or more). */
export function nearDuplicateGroups(texts: string[], threshold = DEFAULT_CONTAINMENT): number[][] {
  const prints = texts.map(fingerprint);
  const parent = texts.map((_, index) => index);
  const root = (index: number): number => {
    let current = index;
    while (parent[current] !== current) current = parent[current] as number;
    return current;
  };
  for (let i = 0; i < prints.length; i++) {
    for (let j = i + 1; j < prints.length; j++) {
      if (containment(prints[i] as Fingerprint, prints[j] as Fingerprint) >= threshold) {
        parent[root(j)] = root(i);
      }
    }
  }
  const groups = new Map<number, number[]>();
  texts.forEach((_, index) => {
    const key = root(index);
    groups.set(key, [...(groups.get(key) ?? []), index]);
  });
  return [...groups.values()].filter((group) => group.length > 1);
}

export interface MergedCopies {
  /** Id of the source kept for the story. */
  kept: string;
  /** Inputs of the copies folded into it. */
  copies: string[];
}

/**
 * One source per story. The kept copy is the original article if it is in the group, else the
 * earliest published (the wire story usually predates its reprints), else the longest text.
 */
export function mergeNearDuplicates(
  sources: Source[],
  threshold = DEFAULT_CONTAINMENT,
): { sources: Source[]; merged: MergedCopies[] } {
  const groups = nearDuplicateGroups(
    sources.map((source) => source.article.text),
    threshold,
  );
  const dropped = new Set<number>();
  const merged: MergedCopies[] = [];
  for (const group of groups) {
    const ordered = [...group].sort((a, b) => preference(sources[a] as Source, sources[b] as Source));
    const [keep, ...rest] = ordered as [number, ...number[]];
    for (const index of rest) dropped.add(index);
    merged.push({
      kept: (sources[keep] as Source).id,
      copies: rest.map((index) => (sources[index] as Source).input),
    });
  }
  return { sources: sources.filter((_, index) => !dropped.has(index)), merged };
}

function preference(a: Source, b: Source): number {
  if ((a.role === "article") !== (b.role === "article")) return a.role === "article" ? -1 : 1;
  const dateA = a.article.publishedAt ? Date.parse(a.article.publishedAt) : Number.NaN;
  const dateB = b.article.publishedAt ? Date.parse(b.article.publishedAt) : Number.NaN;
  if (!Number.isNaN(dateA) && !Number.isNaN(dateB) && dateA !== dateB) return dateA - dateB;
  if (Number.isNaN(dateA) !== Number.isNaN(dateB)) return Number.isNaN(dateA) ? 1 : -1;
  return b.article.text.length - a.article.text.length;
}
