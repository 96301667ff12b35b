// The corpus tables on a real SQLite file: shared with the report store, index kept in step with
// replaced and removed documents, and ranking that prefers the passage that says more about the query.
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { type CorpusDocumentInput, openCorpus } from "../../../src/adapters/store/corpus-store.js";
import { openStore } from "../../../src/adapters/store/sqlite.js";
import { tempDir } from "../../support/temp.js";

function document(location: string, texts: string[], extra: Partial<CorpusDocumentInput> = {}) {
  return {
    location,
    title: `Title of ${location}`,
    siteName: null,
    lang: null,
    publishedAt: null,
    contentType: "text/plain",
    passages: texts.map((text) => ({ text })),
    ...extra,
  };
}

describe("corpus store", () => {
  it("lives in the same file as the report store, whichever opens it first", () => {
    const path = join(tempDir(), "shirabe.sqlite");
    const corpus = openCorpus({ path });
    corpus.addDocument(document("/a.txt", ["東京都の人口は増え続けている。"]));
    corpus.close();
    const store = openStore({ path });
    expect(store.listReports()).toEqual([]);
    store.close();
    const reopened = openCorpus({ path });
    expect(reopened.searchCorpus("人口").map((hit) => hit.location)).toEqual(["/a.txt"]);
    reopened.close();
  });

  it("keeps the full-text index in step when a document is replaced or removed", () => {
    const path = join(tempDir(), "shirabe.sqlite");
    const corpus = openCorpus({ path });
    corpus.addDocument(
      document("/a.txt", ["The old harbour bridge was closed.", "Traffic moved to the ferry."]),
    );
    const { replaced } = corpus.addDocument(document("/a.txt", ["The new harbour bridge opened."]));
    expect(replaced).toBe(true);
    expect(corpus.searchCorpus("ferry")).toEqual([]);
    expect(corpus.searchCorpus("harbour").map((hit) => hit.passage)).toEqual([
      "The new harbour bridge opened.",
    ]);
    expect(corpus.removeDocument("/a.txt")).toBe(true);
    expect(corpus.searchCorpus("harbour")).toEqual([]);
    expect(corpus.removeDocument("/a.txt")).toBe(false);
    corpus.close();
    // The external-content FTS index has no rows left that point at deleted passages.
    const db = new Database(path);
    db.exec("INSERT INTO corpus_fts (corpus_fts) VALUES ('integrity-check')");
    expect(db.prepare("SELECT COUNT(*) AS n FROM corpus_passages").get()).toEqual({ n: 0 });
    db.close();
  });

  it("ranks passages that repeat a short term above ones that mention it once", () => {
    const corpus = openCorpus({ path: join(tempDir(), "shirabe.sqlite") });
    corpus.addDocument(document("/once.txt", ["今年は米の値段が上がったと農家の人々は話している。"]));
    corpus.addDocument(document("/twice.txt", ["米の不作で米の値段が上昇。"]));
    const hits = corpus.searchCorpus("米");
    expect(hits.map((hit) => hit.location)).toEqual(["/twice.txt", "/once.txt"]);
    expect(hits[0]?.score).toBeGreaterThan(hits[1]?.score ?? Number.POSITIVE_INFINITY);
    corpus.close();
  });

  it("requires every term, mixing indexed and short terms, and respects the limit", () => {
    const corpus = openCorpus({ path: join(tempDir(), "shirabe.sqlite") });
    corpus.addDocument(
      document("/mixed.txt", [
        "台湾の半導体メーカーが米国に新工場。",
        "半導体の輸出が減った。",
        "米国の景気。",
      ]),
    );
    expect(corpus.searchCorpus("半導体 米国").map((hit) => hit.passage)).toEqual([
      "台湾の半導体メーカーが米国に新工場。",
    ]);
    expect(corpus.searchCorpus("半導体", { limit: 1 })).toHaveLength(1);
    expect(corpus.searchCorpus("   ")).toEqual([]);
    // Quotes and LIKE wildcards in a query are matched literally, never as syntax.
    expect(corpus.searchCorpus('"半導体" OR %')).toEqual([]);
    corpus.close();
  });

  it("with match any, finds passages with some of the terms, those with more first", () => {
    const corpus = openCorpus({ path: join(tempDir(), "shirabe.sqlite") });
    corpus.addDocument(
      document("/any.txt", ["Bridge tolls rise in April.", "Bridge tolls and ferry fares rise.", "Weather."]),
    );
    expect(corpus.searchCorpus("ferry bridge april")).toEqual([]);
    expect(corpus.searchCorpus("ferry tolls fares", { match: "any" }).map((hit) => hit.passage)).toEqual([
      "Bridge tolls and ferry fares rise.",
      "Bridge tolls rise in April.",
    ]);
    expect(corpus.searchCorpus("雪 tolls", { match: "any" })).toHaveLength(2);
    corpus.close();
  });

  it("keeps PDF page numbers on the hits", () => {
    const corpus = openCorpus({ path: join(tempDir(), "shirabe.sqlite") });
    corpus.addDocument({
      ...document("/r.pdf", [], { contentType: "application/pdf" }),
      passages: [
        { text: "Summary of findings.", page: 1 },
        { text: "Detailed tariff schedule.", page: 7 },
      ],
    });
    expect(corpus.searchCorpus("tariff")[0]?.page).toBe(7);
    corpus.close();
  });
});
