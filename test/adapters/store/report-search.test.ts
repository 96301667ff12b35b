// Full-text search over reports: every word of a query in the report's title, headings or sentences,
// Japanese without a word segmenter, short words by LIKE; reports stored before the index existed too.

import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openStore } from "../../../src/index.js";
import type { Report } from "../../../src/types.js";
import { oldStoreWith, runFor as run } from "../../support/stored-reports.js";
import { tempDir } from "../../support/temp.js";

function report(id: string, title: string, sentences: string[]): Report {
  return {
    id,
    lang: "ja",
    engine: "extractive",
    createdAt: "2026-03-01T09:00:00Z",
    title,
    introduction: [{ claims: sentences.map((text) => ({ text, passageIds: [] })) }],
    sections: [{ heading: "半導体の輸出規制", paragraphs: [], subsections: [] }],
    conclusion: [],
    references: [],
    original: { title, url: `https://news.example/${id}` },
    sources: [],
    passages: [],
    grounding: { claims: 0, supported: 0, repaired: 0, dropped: 0 },
    failures: [],
  };
}

describe("full-text search over reports", () => {
  it("finds every word of the query in the text, Japanese and short words included, with a snippet", () => {
    const store = openStore({ path: join(tempDir(), "s.sqlite") });
    try {
      store.saveRun(
        run(
          report("a", "市の予算", ["市議会は新しい路面電車の予算を可決した。", "ＡＩ の利用も議論された。"]),
        ),
      );
      store.saveRun(run(report("b", "天気", ["大雨の警報が解除された。"])));
      const ids = (query: string) => store.listReports({ query, fullText: true }).map((hit) => hit.id);
      expect(ids("路面電車")).toEqual(["a"]);
      expect(ids("路面電車 予算")).toEqual(["a"]);
      expect(ids("路面電車 警報")).toEqual([]);
      expect(ids("輸出規制")).toEqual(["b", "a"]);
      // Full-width ＡＩ is folded like the query, and a two-letter word is matched without the index.
      expect(ids("ai")).toEqual(["a"]);
      expect(store.listReports({ query: "路面電車", fullText: true })[0]?.snippet).toContain("路面電車");
      // Without fullText only titles and addresses count, as before.
      expect(store.listReports({ query: "路面電車" })).toEqual([]);
      expect(store.deleteReport("a")).toBe(true);
      expect(ids("路面電車")).toEqual([]);
    } finally {
      store.close();
    }
  });

  it("indexes reports stored before the index existed", () => {
    const stored = report("old", "古いレポート", ["図書館の開館時間が延長された。"]);
    const store = openStore({ path: oldStoreWith(4, stored) });
    try {
      expect(store.listReports({ query: "開館時間", fullText: true }).map((hit) => hit.id)).toEqual(["old"]);
    } finally {
      store.close();
    }
  });
});
