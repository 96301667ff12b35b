// Groups chosen sentences into themes by similarity and names each group by its distinctive terms.
import { keyTerms } from "../../text/terms.js";

/** A group this small is folded into its nearest neighbour rather than standing as a theme. */
const MIN_GROUP = 2;

/**
 * Average-linkage agglomerative clustering of `members` (indices into `similarity`) down to `k` groups.
 * Ties go to the earliest pair, so the result depends only on the input order.
 */
export function clusterBySimilarity(members: number[], similarity: number[][], k: number): number[][] {
  const groups = members.map((m) => [m]);
  const linkage = (a: number[], b: number[]) => {
    let total = 0;
    for (const i of a) for (const j of b) total += similarity[i]?.[j] ?? 0;
    return total / (a.length * b.length);
  };
  const mergeClosest = (candidates: (a: number[], b: number[]) => boolean) => {
    let best: [number, number] | null = null;
    let bestValue = Number.NEGATIVE_INFINITY;
    for (let a = 0; a < groups.length; a++) {
      for (let b = a + 1; b < groups.length; b++) {
        const ga = groups[a] as number[];
        const gb = groups[b] as number[];
        if (!candidates(ga, gb)) continue;
        const value = linkage(ga, gb);
        if (value > bestValue) {
          best = [a, b];
          bestValue = value;
        }
      }
    }
    if (!best) return false;
    const [a, b] = best;
    groups[a] = [...(groups[a] as number[]), ...(groups[b] as number[])].sort((x, y) => x - y);
    groups.splice(b, 1);
    return true;
  };
  while (groups.length > Math.max(1, k)) mergeClosest(() => true);
  // Singletons read as stray sentences under their own heading; fold them into the closest theme.
  while (groups.length > 1 && groups.some((g) => g.length < MIN_GROUP)) {
    mergeClosest((a, b) => a.length < MIN_GROUP || b.length < MIN_GROUP);
  }
  return groups;
}

/**
 * Splits a theme into two sub-themes: seeded by its two least similar sentences, then each sentence
 * moves to the half it is more similar to on average, keeping at least two sentences in each half.
 */
export function splitInTwo(members: number[], similarity: number[][]): number[][] {
  const sim = (i: number, j: number) => similarity[i]?.[j] ?? 0;
  let seeds: [number, number] = [members[0] as number, members[1] as number];
  let lowest = Number.POSITIVE_INFINITY;
  for (let a = 0; a < members.length; a++) {
    for (let b = a + 1; b < members.length; b++) {
      const value = sim(members[a] as number, members[b] as number);
      if (value < lowest) {
        lowest = value;
        seeds = [members[a] as number, members[b] as number];
      }
    }
  }
  // Start from the split by which seed each sentence is closer to, with at least two sentences a side.
  const others = members
    .filter((m) => m !== seeds[0] && m !== seeds[1])
    .map((m) => ({ m, lean: sim(m, seeds[1]) - sim(m, seeds[0]) }))
    .sort((a, b) => b.lean - a.lean || a.m - b.m);
  const towardSecond = Math.min(
    others.length - (MIN_GROUP - 1),
    Math.max(MIN_GROUP - 1, others.filter((o) => o.lean > 0).length),
  );
  const side = new Map<number, number>([
    [seeds[0], 0],
    [seeds[1], 1],
  ]);
  for (const [index, o] of others.entries()) side.set(o.m, index < towardSecond ? 1 : 0);
  for (let round = 0; round < 5; round++) {
    let moved = false;
    for (const m of members) {
      const halves = [0, 1].map((s) => members.filter((o) => o !== m && side.get(o) === s));
      const mine = side.get(m) as number;
      if ((halves[mine] as number[]).length < MIN_GROUP) continue;
      const affinity = halves.map((h) =>
        h.length === 0 ? 0 : h.reduce((t, o) => t + sim(m, o), 0) / h.length,
      );
      const other = 1 - mine;
      if ((affinity[other] as number) > (affinity[mine] as number)) {
        side.set(m, other);
        moved = true;
      }
    }
    if (!moved) break;
  }
  const halves = [0, 1].map((s) => members.filter((m) => side.get(m) === s));
  return halves.every((h) => h.length >= MIN_GROUP) ? halves : [members];
}

/** Words that name no topic: common kanji words (一方 "on the other hand", 今後 …), months, amounts. */
const GENERIC_TERMS = new Set(
  (
    "一方 今後 翌日 一日 同社 以上 以下 場合 可能 必要 今回 発表 説明 指摘 関係 問題 時間 現在 影響 結果 方法 多く 自身 " +
    "全体 内容 状況 大手 大き 種類 january february march april may june july august september october november " +
    "december monday tuesday wednesday thursday friday saturday sunday million billion trillion percent"
  ).split(" "),
);

/** Score factor for names over common words in headings. */
const NAME_WEIGHT = 2;

const CJK_TERM = /^[\p{Script=Han}\p{Script=Katakana}ー々]+$/u;

export interface TermStats {
  /** Number of candidate sentences each folded term occurs in. */
  documentFrequency: Map<string, number>;
  total: number;
}

export function termStats(texts: string[]): TermStats {
  const documentFrequency = new Map<string, number>();
  for (const text of texts) {
    for (const term of new Set(keyTerms(text).map(fold))) {
      documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    }
  }
  return { documentFrequency, total: texts.length };
}

/**
 * The `count` most distinctive terms of a group of sentences, as first written, skipping `used`.
 * A Japanese or Chinese report prefers kanji/katakana terms and other reports Latin ones, when the
 * group has any; otherwise the terms are taken as they are.
 */
export function headingTerms(
  texts: string[],
  stats: TermStats,
  options: { cjk: boolean; used: Set<string>; count: number },
): string[] {
  const frequency = new Map<string, number>();
  const display = new Map<string, string>();
  const names = new Set<string>();
  for (const text of texts) {
    for (const term of new Set(keyTerms(text))) {
      const key = fold(term);
      if (options.used.has(key) || GENERIC_TERMS.has(key)) continue;
      frequency.set(key, (frequency.get(key) ?? 0) + 1);
      if (!display.has(key)) display.set(key, term);
      // Capitalized inside a sentence: a name (DeepSeek, Alibaba), which makes a telling heading.
      if (/\p{Lu}/u.test(term) && text.indexOf(term) > 0) names.add(key);
    }
  }
  const scored = [...frequency].map(([key, count]) => ({
    key,
    // Squared count: a term several sentences share names the group better than a rare one.
    score:
      count *
      count *
      Math.log(1 + stats.total / (stats.documentFrequency.get(key) ?? 1)) *
      (names.has(key) ? NAME_WEIGHT : 1),
    preferred: CJK_TERM.test(key) === options.cjk,
  }));
  // Without terms in the report's script, names read better in a heading than foreign common words.
  const pool = scored.some((s) => s.preferred)
    ? scored.filter((s) => s.preferred)
    : options.cjk && scored.some((s) => names.has(s.key))
      ? scored.filter((s) => names.has(s.key))
      : scored;
  pool.sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const picked: string[] = [];
  for (const { key } of pool) {
    // "AI" and "AI政策" as one heading would say the same word twice.
    if (picked.some((p) => p.includes(key) || key.includes(p))) continue;
    picked.push(key);
    if (picked.length === options.count) break;
  }
  for (const key of picked) options.used.add(key);
  return picked.map((key) => display.get(key) as string);
}

/** Case- and width-folded term; an English plural counts as its singular ("GPUs" is "GPU"). */
function fold(term: string): string {
  const folded = term.normalize("NFKC").toLowerCase();
  return /^[a-z-]{3,}s$/.test(folded) && !folded.endsWith("ss") ? folded.slice(0, -1) : folded;
}
