// The corpus as a user drives it: add a multilingual folder, search in Japanese, Chinese and English
// (including one- and two-kanji queries), list, replace and remove.
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { CorpusHit } from "../../src/ports/search.js";
import { runCli, tempDir } from "../support/cli.js";
import { startFixtureSite } from "../support/fixture-site.js";
import { makePdf } from "../support/make-pdf.js";

const CORPUS_DIR = resolve(import.meta.dirname, "../fixtures/research/corpus");
const file = (name: string) => join(CORPUS_DIR, name);

describe("shirabe corpus", () => {
  const dataDir = tempDir();
  const cli = (...args: string[]) => runCli([...args, "--data-dir", dataDir]);
  const search = async (query: string): Promise<CorpusHit[]> => {
    const result = await cli("corpus", "search", query, "--json");
    expect(result.code).toBe(0);
    return result.stdout
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as CorpusHit);
  };

  beforeAll(async () => {
    const added = await cli("corpus", "add", CORPUS_DIR);
    expect(added.code, added.stderr).toBe(0);
  });

  it("lists every file of the added folder with its passages", async () => {
    const listed = await cli("corpus", "list", "--json");
    const documents = listed.stdout
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { location: string; passages: number; title: string });
    expect(documents.map((document) => document.location).sort()).toEqual(
      [
        "en-chip-export-controls.md",
        "en-japan-rice-prices.txt",
        "ja-boj-rates.md",
        "ja-hokkaido-snow.txt",
        "zh-ev-exports.md",
      ].map(file),
    );
    expect(documents.every((document) => document.passages >= 3)).toBe(true);
  });

  it.each([
    ["日本銀行", "ja-boj-rates.md", "日本銀行は24日"],
    ["金利", "ja-boj-rates.md", "金利"],
    ["総裁", "ja-boj-rates.md", "植田和男総裁は記者会見で"],
    ["日銀", "ja-boj-rates.md", "日銀、政策金利を0.5%に引き上げ"],
    ["雪", "ja-hokkaido-snow.txt", "雪"],
    ["除雪", "ja-hokkaido-snow.txt", "特急を終日運休"],
    ["电动汽车", "zh-ev-exports.md", "电动汽车"],
    ["电池", "zh-ev-exports.md", "电池成本下降"],
    ["export controls", "en-chip-export-controls.md", "export controls"],
    ["ＲＩＣＥ stockpiles", "en-japan-rice-prices.txt", "government stockpiles"],
    ["円安 154", "ja-boj-rates.md", "円相場は一時1ドル=154円台"],
  ])("%s finds the right passage", async (query, document, words) => {
    const hits = await search(query);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0]?.location).toBe(file(document));
    expect(hits[0]?.passage).toContain(words);
    // Every hit contains every query term (after width and case folding).
    for (const hit of hits) {
      for (const term of query.normalize("NFKC").toLowerCase().split(" ")) {
        expect(hit.passage.normalize("NFKC").toLowerCase()).toContain(term);
      }
    }
  });

  it("finds nothing for words that are not there, and says so", async () => {
    expect(await search("量子コンピューター")).toEqual([]);
    expect(await search("鯨")).toEqual([]);
    const result = await cli("corpus", "search", "鯨");
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("no passages match 鯨");
  });

  it("prints hits with title, location and the matching passage", async () => {
    const result = await cli("corpus", "search", "利上げ");
    expect(result.stdout).toContain("1. 日銀、政策金利を0.5%に引き上げ");
    expect(result.stdout).toContain(file("ja-boj-rates.md"));
    expect(result.stdout).toContain("利上げは昨年7月以来");
  });

  it("replaces a document added again instead of duplicating its passages", async () => {
    const again = await cli("corpus", "add", file("zh-ev-exports.md"));
    expect(again.stderr).toContain("replaced");
    const hits = await search("比亚迪");
    expect(hits).toHaveLength(1);
  });

  it("removes a document so its passages are no longer found", async () => {
    const other = tempDir();
    const local = (...args: string[]) => runCli([...args, "--data-dir", other]);
    await local("corpus", "add", file("ja-hokkaido-snow.txt"), file("ja-boj-rates.md"));
    const removed = await local("corpus", "remove", file("ja-hokkaido-snow.txt"));
    expect(removed.code).toBe(0);
    const hits = await local("corpus", "search", "雪", "--json");
    expect(hits.stdout).toBe("");
    const missing = await local("corpus", "remove", file("ja-hokkaido-snow.txt"));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("not in the corpus");
  });

  it("reports an unreadable input and still adds the rest", async () => {
    const other = tempDir();
    const result = await runCli([
      "corpus",
      "add",
      file("ja-boj-rates.md"),
      "http://127.0.0.1:9/nothing",
      "--allow-private-network",
      "--data-dir",
      other,
    ]);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain("127.0.0.1:9");
    const hits = await runCli(["corpus", "search", "金利", "--json", "--data-dir", other]);
    expect(hits.stdout).toContain("ja-boj-rates.md");
  });

  it("adds a web page by URL and finds it under its final URL", async () => {
    const site = await startFixtureSite();
    try {
      const other = tempDir();
      const added = await runCli([
        "corpus",
        "add",
        `${site.url}/redirect?to=/pages/en-news-utf8`,
        "--allow-private-network",
        "--data-dir",
        other,
      ]);
      expect(added.code, added.stderr).toBe(0);
      const hits = await runCli(["corpus", "search", "gallons", "--json", "--data-dir", other]);
      const hit = JSON.parse(hits.stdout.split("\n")[0] ?? "{}") as CorpusHit;
      expect(hit.location).toBe(`${site.url}/pages/en-news-utf8`);
      expect(hit.title).toBe("Coastal town finishes $38 million flood barrier a year ahead of schedule");
      expect(hit.passage).toContain("120,000 gallons");
    } finally {
      await site.close();
    }
  });

  it("adds PDFs from a folder and by URL, with the page of each hit", async () => {
    const folder = tempDir();
    const pdf = makePdf(
      [
        ["Water supply plan", "The city will draw more water from the river."],
        ["Costs", "The new treatment plant costs 41 million euros."],
      ],
      { title: "Water Plan 2026" },
    );
    writeFileSync(join(folder, "water.pdf"), pdf);
    mkdirSync(join(folder, "site", "plan"), { recursive: true });
    writeFileSync(join(folder, "site", "plan", "source.html"), "<html><body><p>index</p></body></html>");
    writeFileSync(
      join(folder, "site", "plan", "budget.pdf"),
      makePdf([["Budget", "Bus fares fall by 10 percent."]]),
    );
    const site = await startFixtureSite({ pagesDir: join(folder, "site") });
    try {
      const other = tempDir();
      const local = (...args: string[]) => runCli([...args, "--data-dir", other]);
      const added = await local(
        "corpus",
        "add",
        join(folder, "water.pdf"),
        `${site.url}/pages/plan/budget.pdf`,
        "--allow-private-network",
      );
      expect(added.code, added.stderr).toBe(0);
      const hit = JSON.parse((await local("corpus", "search", "treatment", "--json")).stdout) as CorpusHit;
      expect(hit).toMatchObject({ title: "Water Plan 2026", page: 2, location: join(folder, "water.pdf") });
      expect(hit.passage).toBe("The new treatment plant costs 41 million euros.");
      const human = await local("corpus", "search", "treatment");
      expect(human.stdout).toContain(`${join(folder, "water.pdf")} (p. 2)`);
      const served = JSON.parse((await local("corpus", "search", "fares", "--json")).stdout) as CorpusHit;
      expect(served).toMatchObject({ location: `${site.url}/pages/plan/budget.pdf`, page: 1 });
    } finally {
      await site.close();
    }
  });

  it("refuses a PDF without a text layer and says what to do", async () => {
    const site = await startFixtureSite();
    try {
      const result = await runCli([
        "corpus",
        "add",
        `${site.url}/pdf`,
        "--allow-private-network",
        "--data-dir",
        tempDir(),
      ]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain("no text layer");
    } finally {
      await site.close();
    }
  });

  it("refuses a missing path with a usage-level message", async () => {
    const result = await cli("corpus", "add", "/no/such/folder");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("/no/such/folder: no such file or folder");
  });
});
