// Sizes a page controls must never reach the call stack: spreading an array into push(...) or
// Math.max(...) throws a RangeError past about 120,000 items, which once failed a whole report.
import { describe, expect, it } from "vitest";
import { parseRobots } from "../../src/stages/fetch/robots-txt.js";
import { splitPassages } from "../../src/stages/passages/split-passages.js";
import { selectMmr } from "../../src/stages/write/rank-sentences.js";
import { makeSource } from "../support/report-sources.js";

const HUGE = 200_000;

describe("collections as large as a page can make them", () => {
  it("splits a single paragraph of 150,000 sentences into passages", () => {
    const text = Array.from({ length: 150_000 }, (_, i) => `Line ${i} ends.`).join(" ");
    const source = makeSource("s0", "article", "https://x.test/", "T", "en", [{ type: "paragraph", text }]);
    const passages = splitPassages(source);
    expect(passages.length).toBeGreaterThan(100_000);
    expect(passages.at(-1)?.text).toBe("Line 149999 ends.");
  });

  it("reads a robots.txt with 200,000 groups, each with its Crawl-delay", () => {
    const groups = Array.from({ length: HUGE }, (_, i) => `User-agent: *\nCrawl-delay: ${i % 7}\n`);
    const rules = parseRobots(groups.join(""), "shirabe");
    expect(rules.crawlDelaySeconds).toBe(6);
  });

  it("selects from 200,000 scored sentences", () => {
    const scores = Array.from({ length: HUGE }, (_, i) => (i === 12_345 ? 5 : i % 3));
    expect(selectMmr(scores, [], 1)).toEqual([12_345]);
  });
});
