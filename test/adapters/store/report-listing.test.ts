// Reports as readers are sent them: the stored view (no source's full text, the cited address) and list
// entries read without parsing the report, for reports saved now and for reports stored before the view
// columns existed (migration 8 fills them in).

import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openStore } from "../../../src/index.js";
import type { Report } from "../../../src/types.js";
import { oldStoreWith, runFor as run } from "../../support/stored-reports.js";
import { tempDir } from "../../support/temp.js";

const FULL_TEXT = "全文。".repeat(200);

function report(id: string, title: string, createdAt: string): Report {
  return {
    id,
    lang: "ja",
    engine: "extractive",
    createdAt,
    title,
    introduction: [{ claims: [{ text: "図書館が開館した。", passageIds: ["s0:0"] }] }],
    sections: [],
    conclusion: [],
    references: [],
    original: { title, url: `https://news.example/${id}?utm_source=x` },
    sources: [
      {
        id: "s0",
        role: "article",
        input: `https://news.example/${id}?utm_source=x`,
        article: {
          url: `https://news.example/${id}?utm_source=x`,
          canonicalUrl: `https://www.news.example/${id}`,
          title,
          siteName: "News",
          author: null,
          publishedAt: "2026-03-01",
          lang: "ja",
          blocks: [{ type: "paragraph", text: FULL_TEXT }],
          text: FULL_TEXT,
          links: [],
        },
      },
    ],
    passages: [{ id: "s0:0", sourceId: "s0", text: "図書館が開館した。", start: 0, end: 9, lang: "ja" }],
    grounding: { claims: 1, supported: 1, repaired: 0, dropped: 0 },
    failures: [],
  } as Report;
}

const decode = (bytes: Uint8Array) => JSON.parse(Buffer.from(bytes).toString("utf8"));

/** What a reader must get: every field of the report, each source as its metadata and cited address. */
function expectView(view: unknown, stored: Report): void {
  const { sources, ...rest } = stored;
  expect(view).toEqual({
    ...rest,
    sources: [
      {
        id: "s0",
        role: "article",
        url: `https://www.news.example/${stored.id}`,
        title: stored.title,
        siteName: "News",
        author: null,
        publishedAt: "2026-03-01",
      },
    ],
  });
  expect(JSON.stringify(view)).not.toContain("全文");
}

describe("reports as readers are sent them", () => {
  it("reads a saved report's view and lists entries newest first, snippets on text hits", () => {
    const store = openStore({ path: join(tempDir(), "shirabe.sqlite") });
    try {
      const older = report("a", "市の予算", "2026-03-01T09:00:00Z");
      const newer = report("b", "図書館の新館", "2026-03-02T09:00:00Z");
      store.saveRun(run(older));
      store.saveRun(run(newer));
      const encoded = store.getEncodedReport("a");
      expect(encoded?.summary).toEqual({
        id: "a",
        title: "市の予算",
        lang: "ja",
        engine: "extractive",
        createdAt: older.createdAt,
        originalUrl: older.original.url,
      });
      expectView(decode(encoded?.view ?? new Uint8Array()), older);
      expect(store.getEncodedReport("missing")).toBeNull();
      expect(decode(store.listEncodedReports())).toEqual(store.listReports());
      expect(store.listReports().map((entry) => entry.id)).toEqual(["b", "a"]);
      expect(store.listReports({ limit: 1 }).map((entry) => entry.id)).toEqual(["b"]);
      const hits = decode(store.listEncodedReports({ query: "開館", fullText: true }));
      expect(hits.map((hit: { id: string }) => hit.id)).toEqual(["b", "a"]);
      expect(hits[0].snippet).toContain("開館");
      expect(hits[0].title).toBe("図書館の新館");
    } finally {
      store.close();
    }
  });

  it("fills the view and list entry in for reports stored before they existed", () => {
    const stored = report("old", "古いレポート", "2026-01-01T00:00:00Z");
    const store = openStore({ path: oldStoreWith(7, stored) });
    try {
      expectView(decode(store.getEncodedReport("old")?.view ?? new Uint8Array()), stored);
      expect(store.listReports()).toEqual([
        {
          id: "old",
          title: "古いレポート",
          lang: "ja",
          engine: "extractive",
          createdAt: stored.createdAt,
          originalUrl: stored.original.url,
        },
      ]);
      expect(store.getReport("old")).toEqual(stored);
    } finally {
      store.close();
    }
  });
});
