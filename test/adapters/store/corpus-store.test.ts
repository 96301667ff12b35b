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

  it("with match all, requires every term, mixing indexed and short terms, and respects the limit", () => {
    const corpus = openCorpus({ path: join(tempDir(), "shirabe.sqlite") });
    corpus.addDocument(
      document("/mixed.txt", [
        "台湾の半導体メーカーが米国に新工場。",
        "半導体の輸出が減った。",
        "米国の景気。",
      ]),
    );
    expect(corpus.searchCorpus("半導体 米国", { match: "all" }).map((hit) => hit.passage)).toEqual([
      "台湾の半導体メーカーが米国に新工場。",
    ]);
    expect(corpus.searchCorpus("半導体", { limit: 1 })).toHaveLength(1);
    expect(corpus.searchCorpus("   ")).toEqual([]);
    // Quotes make a phrase, matched as written words and all: FTS operators and LIKE wildcards inside
    // or outside it are never query syntax.
    expect(corpus.searchCorpus('半導体 "輸出 AND" %', { match: "all" })).toEqual([]);
    expect(corpus.searchCorpus('"半導体の輸出" OR %').map((hit) => hit.passage)).toEqual([
      "半導体の輸出が減った。",
    ]);
    corpus.close();
  });

  it("with match any, finds passages with some of the terms, those with more first", () => {
    const corpus = openCorpus({ path: join(tempDir(), "shirabe.sqlite") });
    corpus.addDocument(
      document("/any.txt", ["Bridge tolls rise in April.", "Bridge tolls and ferry fares rise.", "Weather."]),
    );
    expect(corpus.searchCorpus("ferry bridge april", { match: "all" })).toEqual([]);
    expect(corpus.searchCorpus("ferry tolls fares", { match: "any" }).map((hit) => hit.passage)).toEqual([
      "Bridge tolls and ferry fares rise.",
      "Bridge tolls rise in April.",
    ]);
    expect(corpus.searchCorpus("雪 tolls", { match: "any" })).toHaveLength(2);
    corpus.close();
  });

  it("ranks the passages with more of the words first and drops none for a word that is absent", () => {
    const corpus = openCorpus({ path: join(tempDir(), "shirabe.sqlite") });
    corpus.addDocument(
      document("/city.txt", [
        "The city will invest in new community centres next year.",
        "Investment in the library was cut last year.",
        "A new bridge opened in the city.",
        "Weather was mild.",
      ]),
    );
    // "tramway" is in no passage: it costs nothing but its own weight.
    const hits = corpus.searchCorpus("investment community centres tramway");
    expect(hits.map((hit) => hit.passage)).toEqual([
      "The city will invest in new community centres next year.",
      "Investment in the library was cut last year.",
    ]);
    expect(corpus.searchCorpus("centre invest").map((hit) => hit.passage)).toHaveLength(2);
    expect(hits[0]?.matched).toEqual(["invest", "community", "centres"]);
    const first = hits[0];
    expect(first?.highlights.map(({ start, end }) => first.passage.slice(start, end))).toEqual([
      "invest",
      "community",
      "centres",
    ]);
    corpus.close();
  });

  it("matches a quoted phrase only as written", () => {
    const corpus = openCorpus({ path: join(tempDir(), "shirabe.sqlite") });
    corpus.addDocument(
      document("/rates.txt", ["The interest rate rose to 0.5%.", "The rate of interest on savings fell."]),
    );
    expect(corpus.searchCorpus('"interest rate"').map((hit) => hit.passage)).toEqual([
      "The interest rate rose to 0.5%.",
    ]);
    expect(corpus.searchCorpus("interest rate")).toHaveLength(2);
    expect(corpus.searchCorpus("「金利」")).toEqual([]);
    corpus.addDocument(document("/ja.txt", ["日銀は金利を上げた。", "日本銀行は金利を上げた。"]));
    expect(corpus.searchCorpus("「日本銀行」 金利").map((hit) => hit.passage)).toEqual([
      "日本銀行は金利を上げた。",
    ]);
    corpus.close();
  });

  it("finds Japanese and Chinese by one or two characters and by natural questions", () => {
    const corpus = openCorpus({ path: join(tempDir(), "shirabe.sqlite") });
    corpus.addDocument(
      document("/cjk.txt", [
        "北海道で大雪が降り、工場の操業が止まった。",
        "日銀は政策金利を引き上げた。",
        "人工智能芯片的出口大幅增长。",
        "电动汽车销量创新高。",
      ]),
    );
    const top = (query: string) => corpus.searchCorpus(query)[0]?.passage;
    expect(top("雪")).toBe("北海道で大雪が降り、工場の操業が止まった。");
    expect(top("日銀")).toBe("日銀は政策金利を引き上げた。");
    expect(top("北海道の工場は雪でどうなったか")).toBe("北海道で大雪が降り、工場の操業が止まった。");
    expect(top("日銀が金利を上げた理由")).toBe("日銀は政策金利を引き上げた。");
    expect(top("芯片")).toBe("人工智能芯片的出口大幅增长。");
    expect(top("人工智能芯片出口增长了吗")).toBe("人工智能芯片的出口大幅增长。");
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
