// Every numeric flag outside its range is a usage error (exit 2) naming the flag: a huge --timeout once
// overflowed the timer so that every fetch timed out at once, and a bad --limit was silently 50.
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempDir } from "../support/cli.js";

const ARTICLE = resolve(import.meta.dirname, "../../examples/china-ai/article.html");

const BAD: Array<[string, string[]]> = [
  ["--timeout", ["extract", ARTICLE, "--no-cache", "--timeout", "1e10"]],
  ["--timeout", ["extract", ARTICLE, "--no-cache", "--timeout", "0"]],
  ["--timeout", ["report", ARTICLE, "--timeout", "2147484"]],
  ["--max-links", ["report", ARTICLE, "--max-links", "1e9"]],
  ["--max-links", ["report", ARTICLE, "--max-links", "2.5"]],
  ["--max-sources", ["report", ARTICLE, "--max-sources", "9007199254740993"]],
  ["--max-cost", ["report", ARTICLE, "--max-cost", "-1"]],
  ["--max-cost", ["report", ARTICLE, "--max-cost", "Infinity"]],
  ["--max-tokens", ["report", ARTICLE, "--max-tokens", "1.5"]],
  ["--limit", ["list", "--limit", "0"]],
  ["--limit", ["list", "--limit", "ten"]],
];

describe("numeric flags", () => {
  for (const [flag, args] of BAD) {
    it(`${args[0]} ${flag} ${args.at(-1)} is a usage error naming the flag and its range`, async () => {
      const result = await runCli(args, { SHIRABE_DATA_DIR: tempDir() });
      expect(result.code).toBe(2);
      const lines = result.stderr.trim().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(
        new RegExp(`^shirabe: ${flag} \\S+: expected a (whole )?number from \\S+ to \\S+`),
      );
    });
  }

  it("accepts the ends of each range", async () => {
    const extract = await runCli(["extract", ARTICLE, "--no-cache", "--timeout", "3600"]);
    expect(extract.code).toBe(0);
    const list = await runCli(["list", "--limit", "1"], { SHIRABE_DATA_DIR: tempDir() });
    expect(list.code).toBe(0);
  });
});
