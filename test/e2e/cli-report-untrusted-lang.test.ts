// Issue 16, item 1: a cited page whose lang attribute is not a locale (seen on real sites) must not take
// the report down. It used to make the sentence splitter throw in the passages step: exit 70.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempDir } from "../support/cli.js";

const BAD_LANGS = ["日本語", "en US", "{{ lang }}"];

function page(lang: string, title: string, body: string): string {
  return `<!doctype html><html lang="${lang}"><head><title>${title}</title></head><body><article><h1>${title}</h1>${body}</article></body></html>`;
}

describe("shirabe report with cited pages that declare no valid language", () => {
  it("reads every such page as a source and writes the report (exit 0)", async () => {
    const dir = tempDir("shirabe-bad-lang-");
    const links = BAD_LANGS.map((lang, index) => {
      const file = `cited-${index}.html`;
      writeFileSync(
        join(dir, file),
        page(
          lang,
          `Harbour report ${index}`,
          `<p>The harbour authority counted ${120 + index} container ships in March. Traffic rose for the third month in a row.</p>`,
        ),
      );
      return `<p>See the <a href="${file}">harbour figures ${index}</a> for details of the month.</p>`;
    });
    const article = join(dir, "article.html");
    writeFileSync(
      article,
      page(
        "{{ lang }}",
        "Harbour traffic grows",
        `<p>Container traffic at the harbour grew again in March, the authority said on Monday.</p>${links.join("")}`,
      ),
    );
    const result = await runCli(
      ["report", article, "--lang", "en", "--format", "json", "--quiet", "--data-dir", join(dir, "data")],
      {},
    );
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as {
      sources: Array<{ input: string; article: { lang: string | null } }>;
      failures: unknown[];
    };
    expect(report.failures).toEqual([]);
    expect(report.sources.map((source) => source.input).slice(1)).toEqual(
      BAD_LANGS.map((_, index) => join(dir, `cited-${index}.html`)),
    );
    // "en US" still says English; the other values say nothing usable, so the (English) text decides.
    expect(report.sources.map((source) => source.article.lang)).toEqual(["en", "en", "en", "en"]);
  });

  it("extract judges the language from the text when the declared one is no tag", async () => {
    const dir = tempDir("shirabe-bad-lang-");
    const file = join(dir, "page.html");
    writeFileSync(
      file,
      page(
        "日本語",
        "港の取扱量",
        "<p>港湾局によると、3月に入港したコンテナ船は120隻で、3か月連続で増えました。</p>",
      ),
    );
    const result = await runCli(["extract", file, "--json"], {});
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as { article: { lang: string | null } }).article.lang).toBe("ja");
  });
});
