// Arithmetic over lists whose length comes from input (passages of a page, hits of a corpus): spreading
// them into Math.max(...) or push(...) passes one argument per item and overflows the stack past ~120k.

/** The largest value, or `floor` when there is none or every value is below it (default 0). */
export function largest(values: Iterable<number>, floor = 0): number {
  let best = floor;
  for (const value of values) if (value > best) best = value;
  return best;
}
