// `shirabe extract` over many inputs: each gets its own result line whatever happens to the others, and
// the exit code is the worst failure's. A one-line text file is an article.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isErrorCode } from "../../../src/errors.js";
import { runCli, tempDir } from "../../support/cli.js";

const PARAGRAPH = "The council voted on the budget this week and the mayor said the vote was close. ";
/** JSON-LD nested 5,000 levels: once a stack overflow inside the extractor (an internal error). */
const DEEP_JSON_LD = `<html><head><script type="application/ld+json">${'{"@graph":['.repeat(5000)}1${"]}".repeat(5000)}</script>
<title>Deep</title></head><body><article><p>${PARAGRAPH.repeat(5)}</p></article></body></html>`;
const EXIT_BY_KIND: Record<string, number> = { input: 1, usage: 2, network: 3, store: 4, internal: 70 };

interface ResultLine {
  input: string;
  ok: boolean;
  error?: { code: string; kind: string; message: string };
  article?: { title: string; text: string };
}

describe("shirabe extract with several inputs", () => {
  it("gives every input its own line, even after an unexpected error on one, and exits with the worst", async () => {
    const dir = tempDir();
    const good = join(dir, "good.html");
    const deep = join(dir, "deep.html");
    const missing = join(dir, "missing.html");
    writeFileSync(
      good,
      `<html><head><title>Budget</title></head><body><article><p>${PARAGRAPH.repeat(4)}</p></article></body></html>`,
    );
    writeFileSync(deep, DEEP_JSON_LD);
    const inputs = [good, deep, missing, good];
    const result = await runCli(["extract", ...inputs, "--json", "--no-cache"]);
    const lines = result.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as ResultLine);
    expect(lines.map((line) => line.input)).toEqual(inputs);
    expect(lines.map((line) => line.ok)).toEqual([true, lines[1]?.ok, false, true]);
    const failed = lines.filter((line) => !line.ok);
    for (const line of failed) {
      expect(isErrorCode(line.error?.code)).toBe(true);
      expect(result.stderr).toContain(`shirabe: ${line.input}: `);
    }
    expect(result.stderr.trim().split("\n")).toHaveLength(failed.length);
    expect(result.code).toBe(Math.max(...failed.map((line) => EXIT_BY_KIND[line.error?.kind ?? ""] ?? -1)));
  });

  it("reads a text file of one short line as an article whose text is that line", async () => {
    const file = join(tempDir(), "note.txt");
    writeFileSync(file, "Council passes the budget.\n");
    const result = await runCli(["extract", file, "--json", "--no-cache"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const line = JSON.parse(result.stdout) as ResultLine;
    expect(line.article?.title).toBe("Council passes the budget.");
    expect(line.article?.text).toBe("Council passes the budget.");
  });
});
