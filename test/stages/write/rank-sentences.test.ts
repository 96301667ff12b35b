// Sentence ranking of the extractive writer.
import { describe, expect, it } from "vitest";
import { selectMmr } from "../../../src/stages/write/rank-sentences.js";

describe("selectMmr on many sentences", () => {
  // Scores were spread into Math.max(...), which overflows the stack past ~120k values.
  it("picks the best of 150,000 scores", () => {
    const scores = Array.from({ length: 150_000 }, (_, i) => (i === 123_456 ? 2 : 1));
    expect(selectMmr(scores, [], 1)).toEqual([123_456]);
  });
});
