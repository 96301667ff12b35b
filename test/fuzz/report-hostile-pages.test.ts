// Fuzz: hostile pages through `shirabe report` (extractive engine, offline), in-process: a sample of
// every category plus every page a known bug still fails. Same seed and pages as the extract fuzz.
import { describe, expect, it } from "vitest";
import type { HostilePage } from "../support/hostile-pages.js";
import {
  expectResultOrClearError,
  fuzzPages,
  PAGE_CPU_BUDGET_MS,
  runMeasured,
  writePages,
} from "../support/hostile-run.js";
import { tempDir } from "../support/temp.js";

const { seed, pages: all } = fuzzPages();
/** Reports cost more than extraction: the first two pages of each category, and the deepest pages. */
const PER_CATEGORY = 2;
const pages = all.filter(
  (page) =>
    /deep/.test(page.name) ||
    all.filter((other) => other.category === page.category).indexOf(page) < PER_CATEGORY ||
    page.category === "controls",
);
const files = writePages(tempDir("shirabe-fuzz-"), pages);
const env = { SHIRABE_DATA_DIR: tempDir() };

function reportArgs(page: HostilePage, file: string): string[] {
  return ["report", file, "--lang", page.lang, "--no-follow-links", "--quiet", "--no-cache"];
}

describe(`report: ${pages.length} hostile pages from seed ${seed}`, () => {
  for (const page of pages) {
    const file = files.get(page) as string;
    const check = async () => {
      const result = await runMeasured(reportArgs(page, file), env);
      expectResultOrClearError(result, file, `report ${page.name}`);
      if (result.code === 0) expect(result.stdout).toMatch(/^# \S/);
      expect(result.cpuMs, `report ${page.name}: CPU ms`).toBeLessThanOrEqual(PAGE_CPU_BUDGET_MS);
    };
    it(page.name, check);
  }
});
