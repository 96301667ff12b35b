// `shirabe report` end to end: the bundled example offline, the fixture site over real HTTP, bad input.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkReport, openStore } from "../../../src/index.js";
import { runCli, tempDir } from "../../support/cli.js";
import { type FixtureSite, startFixtureSite } from "../../support/fixture-site.js";

const EXAMPLE_DIR = resolve(import.meta.dirname, "../../../examples/china-ai");
const EXAMPLE = join(EXAMPLE_DIR, "article.html");
const exampleTitle = "DeepSeek Was No Accident: The Ecosystem Behind China's AI Breakthrough";

/** The rel=canonical URL a page of the example declares (the pages are UTF-8 or Shift_JIS, URLs ASCII). */
function canonicalOf(name: string): string {
  const html = readFileSync(join(EXAMPLE_DIR, name), "latin1");
  return /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1] ?? "";
}
let site: FixtureSite;

beforeAll(async () => {
  site = await startFixtureSite();
});
afterAll(async () => {
  await site.close();
});

function freshEnv() {
  const dataDir = tempDir();
  return { dataDir, env: { SHIRABE_DATA_DIR: dataDir } };
}

describe("shirabe report on the bundled example (offline)", () => {
  const { dataDir, env } = freshEnv();
  const out = join(dataDir, "report.md");
  let markdown = "";

  beforeAll(async () => {
    const result = await runCli(["report", EXAMPLE, "--out", out], env);
    expect(result.stderr).not.toContain("source failed");
    expect(result.code).toBe(0);
    markdown = readFileSync(out, "utf8");
  });

  it("writes a Japanese report in the seed format that passes every rule", () => {
    expect(markdown).toMatch(/^# .+\n/);
    expect(markdown).toContain("## 緒言");
    expect(markdown).toContain("## 結論");
    expect(markdown).toContain("#### 参照記事");
    expect(markdown).toContain(`**元記事:** [${exampleTitle}](${canonicalOf("article.html")})`);
    expect(checkReport(markdown, { lang: "ja" })).toEqual([]);
  });

  it("cites several of the example's pages, each by its canonical URL", () => {
    const references = [...markdown.matchAll(/^- \[\[(\d+)\]:([^\]]+)\]\(([^)]+)\)$/gm)];
    expect(references.length).toBeGreaterThanOrEqual(5);
    const canonicals = readdirSync(EXAMPLE_DIR)
      .filter((name) => name.endsWith(".html"))
      .map(canonicalOf);
    for (const [, , url] of references) expect(canonicals).toContain(url);
  });

  // The golden report, reviewed as a diff: regenerate with `npx vitest run test/cli/commands/report-command.test.ts -u`.
  it("matches the reviewed golden report", async () => {
    await expect(markdown).toMatchFileSnapshot("../../fixtures/reports/china-ai.ja.md");
  });

  it("is deterministic: the same input gives the same report text", async () => {
    const again = join(dataDir, "again.md");
    await runCli(["report", EXAMPLE, "--out", again, "--quiet"], env);
    expect(readFileSync(again, "utf8")).toBe(markdown);
  });

  it("stores the report: list, show in each format, delete", async () => {
    const listed = await runCli(["list", "--json"], env);
    const summaries = listed.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(summaries.length).toBeGreaterThanOrEqual(1);
    const id: string = summaries[0].id;

    const shown = await runCli(["show", id, "--format", "md"], env);
    expect(shown.stdout.trim()).toBe(markdown.trim());
    const html = await runCli(["show", id, "--format", "html"], env);
    expect(html.stdout).toMatch(/<html[^>]*lang="ja"/);
    const json = JSON.parse((await runCli(["show", id, "--format", "json"], env)).stdout);
    expect(json.report.id).toBe(id);
    expect(json.sources.length).toBeGreaterThanOrEqual(5);

    expect((await runCli(["delete", id], env)).code).toBe(0);
    expect((await runCli(["show", id], env)).code).toBe(1);
    expect((await runCli(["delete", id], env)).code).toBe(1);
  });

  it("checks a report from the command line", async () => {
    expect((await runCli(["check", out], env)).code).toBe(0);
    const broken = join(dataDir, "broken.md");
    writeFileSync(broken, markdown.replace("## 緒言", "## はじめに").replace(/\[1\]/, "[99]"));
    const result = await runCli(["check", broken], env);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/violation/);
  });

  it("checks each claim against its source with --provenance", async () => {
    const provenance = join(dataDir, "report.json");
    expect((await runCli(["report", EXAMPLE, "--quiet", "--out", provenance], env)).code).toBe(0);
    const checked = await runCli(["check", out, "--provenance", provenance], env);
    expect(checked.stdout).toBe(`${out}: ok, no violations\n`);

    // A figure changed after the fact is no longer what the cited source says.
    const figure = /\d{3,}/.exec(markdown.split("## 結論")[0]?.split("## 緒言")[1] ?? "")?.[0] ?? "";
    expect(figure).not.toBe("");
    const tampered = join(dataDir, "tampered.md");
    writeFileSync(tampered, markdown.replace(figure, String(Number(figure) + 7)));
    const result = await runCli(["check", tampered, "--provenance", provenance, "--json"], env);
    expect(result.code).toBe(1);
    expect(
      JSON.parse(result.stdout).violations.map((violation: { rule: string }) => violation.rule),
    ).toContain("claim-unsupported");
  });

  it("writes English on request, with English section names", async () => {
    const result = await runCli(["report", EXAMPLE, "--lang", "en", "--quiet"], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("## Introduction");
    expect(result.stdout).toContain("## Conclusion");
    await expect(result.stdout).toMatchFileSnapshot("../../fixtures/reports/china-ai.en.md");
    expect(checkReport(result.stdout, { lang: "en" })).toEqual([]);
  });
});

describe("shirabe report over HTTP", () => {
  it("follows the article's links, survives broken ones and decodes the Shift_JIS source", async () => {
    const { env } = freshEnv();
    const result = await runCli(
      ["report", `${site.url}/pages/report-article`, "--allow-private-network", "--format", "json"],
      env,
    );
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    const failed = report.failures.map((failure: { input: string }) => failure.input);
    expect(failed).toEqual(expect.arrayContaining([`${site.url}/status/404`, `${site.url}/status/500`]));
    const sourceUrls = report.sources.map((source: { article: { url: string } }) => source.article.url);
    expect(sourceUrls).toContain(`${site.url}/pages/report-source-c`);
    const japanese = report.sources.find(
      (source: { article: { lang: string } }) => source.article.lang === "ja",
    );
    expect(japanese?.article.text).toMatch(/[ぁ-ん]{3}/);
    expect(result.stderr).toMatch(/sources: \d+ ok, 2 failed/);
  });

  it("still writes a valid report from the article alone", async () => {
    const { env } = freshEnv();
    const result = await runCli(
      [
        "report",
        `${site.url}/pages/report-article`,
        "--allow-private-network",
        "--no-follow-links",
        "--lang",
        "en",
      ],
      env,
    );
    expect(result.code).toBe(0);
    expect(checkReport(result.stdout, { lang: "en" })).toEqual([]);
    expect(result.stdout).toContain("[1]");
    // The fixture site's port changes per run; the golden report names it fixture.test.
    const golden = result.stdout.replaceAll(site.url, "http://fixture.test");
    await expect(golden).toMatchFileSnapshot("../../fixtures/reports/report-article.en.md");
  });
});

describe("shirabe report with bad input", () => {
  it("exits 2 for an unknown --lang", async () => {
    const { env } = freshEnv();
    const result = await runCli(["report", EXAMPLE, "--lang", "xx-notalang!"], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("xx-notalang!");
  });

  it("exits 1 for an article with no text", async () => {
    const { dataDir, env } = freshEnv();
    const empty = join(dataDir, "empty.html");
    writeFileSync(empty, "<html><head><script>render()</script></head><body></body></html>");
    const result = await runCli(["report", empty], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(empty);
  });

  it("lists unreadable files of a --sources folder and still reports", async () => {
    const { dataDir, env } = freshEnv();
    const folder = join(dataDir, "more");
    mkdirSync(folder);
    writeFileSync(join(folder, "empty.html"), "<html><body><script>x()</script></body></html>");
    writeFileSync(
      join(folder, "notes.md"),
      "# Notes\n\nDeepSeek released R1 on January 20, 2025 under the MIT licence.\n",
    );
    const result = await runCli(["report", EXAMPLE, "--sources", folder, "--format", "json", "--quiet"], env);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.failures.map((failure: { input: string }) => failure.input)).toContain(
      join(folder, "empty.html"),
    );
  });

  it("exits 1 when --out cannot be written, and loses no stored report", async () => {
    const { dataDir, env } = freshEnv();
    await runCli(["report", EXAMPLE, "--quiet", "--out", join(dataDir, "first.md")], env);
    const result = await runCli(["report", EXAMPLE, "--out", join(dataDir, "no-such-dir", "r.md")], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("no-such-dir");
    const store = openStore({ path: join(dataDir, "shirabe.sqlite") });
    try {
      expect(store.listReports()).toHaveLength(1);
    } finally {
      store.close();
    }
    expect(existsSync(join(dataDir, "no-such-dir"))).toBe(false);
  });
});
