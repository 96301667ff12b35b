// Fuzz: generated hostile pages (malformed, deeply nested, huge, binary, mis-declared, JSON-LD-abusing,
// control-character and CJK) through `shirabe extract`, in-process. Reproducible: every page comes from
// the seed; replay one run with FUZZ_SEED=<seed>, widen it with FUZZ_ROUNDS=<n>.
import { describe, expect, it } from "vitest";
import { MAX_PAGE_BYTES } from "../support/hostile-pages.js";
import {
  expectResultOrClearError,
  fuzzPages,
  PAGE_CPU_BUDGET_MS,
  runMeasured,
  writePages,
} from "../support/hostile-run.js";
import { tempDir } from "../support/temp.js";

const { seed, pages } = fuzzPages();
const files = writePages(tempDir("shirabe-fuzz-"), pages);

describe(`extract: ${pages.length} hostile pages from seed ${seed}`, () => {
  it("are all under the 2 MiB upload limit", () => {
    for (const page of pages) expect(page.bytes.length, page.name).toBeLessThanOrEqual(MAX_PAGE_BYTES);
  });

  for (const page of pages) {
    const file = files.get(page) as string;
    const check = async () => {
      const result = await runMeasured(["extract", file, "--json", "--no-cache"]);
      expectResultOrClearError(result, file, `extract ${page.name}`);
      if (result.code === 0) expect(JSON.parse(result.stdout).ok).toBe(true);
      expect(result.cpuMs, `extract ${page.name}: CPU ms`).toBeLessThanOrEqual(PAGE_CPU_BUDGET_MS);
    };
    it(page.name, check);
  }
});
