// Groups chosen sentences into themes by similarity (headings.ts names them).

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
  // Average linkage chains everything into one theme through names all sentences share (DeepSeek);
  // a size cap keeps themes even, and is lifted only when no other merge is left.
  const cap = Math.ceil(members.length / Math.max(1, k)) + 1;
  while (groups.length > Math.max(1, k)) {
    if (!mergeClosest((a, b) => a.length + b.length <= cap)) mergeClosest(() => true);
  }
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
