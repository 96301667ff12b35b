// Quality regression on the extraction dev set (skipped where the set is not present).
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { evaluate, scorePage } from "../../../bench/extraction/metric.js";
import { DEV_SET, loadPages, loadPeers } from "../../../bench/extraction/pages.js";
import { extractArticle } from "../../../src/stages/extract/index.js";

/** The dev-set F1 the extractor reached (0.981), minus a margin for harmless changes. */
const MIN_F1 = 0.97;

describe.skipIf(!existsSync(DEV_SET))("extraction dev set", () => {
  it("the metric reproduces the published peer F1 scores", () => {
    const truth = Object.fromEntries(loadPages().map((page) => [page.id, page.truth]));
    const peers = loadPeers();
    const published = { rs_trafilatura: 0.969, trafilatura: 0.963, readability_js: 0.95, goose3: 0.894 };
    for (const [name, f1] of Object.entries(published)) {
      expect(evaluate(truth, peers[name] ?? {}).f1, name).toBeCloseTo(f1, 3);
    }
  });

  it(`extracts the article bodies with F1 ≥ ${MIN_F1}`, () => {
    const pages = loadPages();
    const truth = Object.fromEntries(pages.map((page) => [page.id, page.truth]));
    const output = Object.fromEntries(pages.map((page) => [page.id, extractArticle(page.page).text]));
    expect(evaluate(truth, output).f1).toBeGreaterThanOrEqual(MIN_F1);
  });
});

describe("metric", () => {
  it("scores identical text as perfect and disjoint text as zero", () => {
    const text = "one two three four five six";
    expect(scorePage(text, text)).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(scorePage(text, "seven eight nine ten eleven").tp).toBe(0);
  });

  it("gives an empty prediction no precision entry and zero recall", () => {
    expect(evaluate({ a: "one two three four" }, { a: "" })).toEqual({ precision: 0, recall: 0, f1: 0 });
  });
});
