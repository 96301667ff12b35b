// `shirabe report` with the extractive engine says, in one line, that it quotes sources in other
// languages verbatim — and only when the report does.
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { extractiveTranslationNotice } from "../../src/index.js";
import { runCli, tempDir } from "../support/cli.js";

const EXAMPLE = resolve(import.meta.dirname, "../../examples/china-ai/article.html");

describe("shirabe report: translation notice", () => {
  it("prints the notice once for a Japanese report built from English and Japanese sources", async () => {
    const dataDir = tempDir();
    const result = await runCli(["report", EXAMPLE, "--out", join(dataDir, "r.md")], {
      SHIRABE_DATA_DIR: dataDir,
    });
    expect(result.code).toBe(0);
    const lines = result.stderr
      .split("\n")
      .filter((line) => line.includes(extractiveTranslationNotice("ja")));
    expect(lines).toEqual([`shirabe: ${extractiveTranslationNotice("ja")}`]);
  });

  it("prints nothing of the kind when every source is in the report's language", async () => {
    const dataDir = tempDir();
    const article = join(dataDir, "park.html");
    writeFileSync(
      article,
      `<!doctype html><html lang="en"><head><title>Park vote</title></head><body><article><h1>Park vote</h1>
      <p>The city council approved the riverside park on Tuesday after a long debate.</p>
      <p>The park adds four hectares of wetland and a footbridge across the river.</p>
      <p>Work starts in the spring and should end before the summer of next year.</p></article></body></html>`,
    );
    const result = await runCli(["report", article, "--lang", "en", "--out", join(dataDir, "r.md")], {
      SHIRABE_DATA_DIR: dataDir,
    });
    expect(result.code).toBe(0);
    expect(result.stderr).not.toContain(extractiveTranslationNotice("en"));
  });
});
