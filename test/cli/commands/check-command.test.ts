// `shirabe check --provenance` with a JSON file of the wrong shape: a clear input error, not a crash.
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempDir } from "../../support/cli.js";

const REPORT = resolve(import.meta.dirname, "../../fixtures/reports/report-article.en.md");

describe("shirabe check --provenance", () => {
  for (const [name, json] of [
    ["sources that are not objects", '{"sources":[1,{"article":null}],"passages":[{"x":1}]}'],
    ["passages without text", '{"sources":[],"passages":[{"id":"s0:0","sourceId":"s0"}]}'],
    ["no JSON at all", "not json"],
  ]) {
    it(`refuses ${name} in one line naming the file (exit 1)`, async () => {
      const file = join(tempDir(), "provenance.json");
      writeFileSync(file, json as string);
      const result = await runCli(["check", REPORT, "--provenance", file]);
      expect(result.code).toBe(1);
      expect(result.stderr.trim().split("\n")).toEqual([
        `shirabe: ${file}: not a report's JSON; write one with \`shirabe report … --format json\``,
      ]);
    });
  }
});
