// Research benchmarks: corpus search latency (p50/p95) and indexing throughput at 10k and 100k passages
// of mixed Japanese, Chinese and English text; ranking quality (recall@5 over labelled facts) of BM25
// alone against BM25 + MMR diversity on the labelled set in ./labelled-set.ts, and of BM25 + the test
// suite's fake embeddings (a plumbing check, not a claim about real embedding models).
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { type CorpusDocumentInput, openCorpus } from "../../src/adapters/store/corpus-store.js";
import { buildBm25Index, type RankOptions, rankPassages } from "../../src/stages/research/rank-passages.js";
import type { Passage } from "../../src/types.js";
import { fakeEmbedding } from "../../test/support/fake-llm-server.js";
import { DOCUMENTS, QUERIES as LABELLED_QUERIES } from "./corpus-queries.js";
import { CLAIMS, PASSAGES } from "./labelled-set.js";

const ROOT = resolve(import.meta.dirname, "../..");
const SIZES = [10_000, 100_000];
const PASSAGES_PER_DOCUMENT = 50;
const QUERY_REPEATS = 20;

// Word lists the synthetic passages are drawn from; queries use words of each kind and length.
const JA =
  "政策金利 日本銀行 物価 賃金 円安 輸出 半導体 工場 北海道 大雪 選挙 首相 予算 人口 観光 地震 台風 原発 米 株価".split(
    " ",
  );
const ZH = "电动汽车 出口 电池 关税 人工智能 芯片 经济 增长 消费 房地产 银行 政策 能源 气候 城市 农村".split(
  " ",
);
const EN =
  "inflation tariffs election chips factory rice snow budget energy climate bank exports growth battery".split(
    " ",
  );
const JA_GLUE = ["は", "が", "を", "に", "で", "と", "の"];
const QUERIES = [
  "米",
  "雪",
  "円安",
  "日銀",
  "金利",
  "半導体",
  "北海道 工場",
  "电池",
  "电动汽车",
  "人工智能 芯片",
  "tariffs",
  "rice exports",
  "battery factory",
  // Added with forgiving search (issue 11): a question, an inflected word, a phrase, a Japanese question.
  "what did the bank say about rice exports",
  "tariff",
  '"rice exports"',
  "北海道の工場は雪でどうなった",
];

/** Deterministic PRNG (mulberry32) so every run indexes the same text. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sentence(next: () => number, index: number): string {
  const pick = (words: string[]) => words[Math.floor(next() * words.length)] as string;
  const length = 6 + Math.floor(next() * 10);
  const kind = index % 3;
  if (kind === 0) return `${Array.from({ length }, () => pick(JA) + pick(JA_GLUE)).join("")}。`;
  if (kind === 1) return `${Array.from({ length }, () => pick(ZH)).join("，")}。`;
  return `${Array.from({ length }, () => pick(EN)).join(" ")}.`;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

function corpusBench(size: number) {
  const dir = mkdtempSync(join(tmpdir(), "shirabe-bench-corpus-"));
  const path = join(dir, "shirabe.sqlite");
  const corpus = openCorpus({ path });
  const next = random(size);
  const started = performance.now();
  for (let document = 0; document * PASSAGES_PER_DOCUMENT < size; document++) {
    const input: CorpusDocumentInput = {
      location: `/bench/doc-${document}.txt`,
      title: `Document ${document}`,
      siteName: null,
      lang: null,
      publishedAt: null,
      contentType: "text/plain",
      passages: Array.from({ length: PASSAGES_PER_DOCUMENT }, (_, index) => ({
        text: sentence(next, index),
      })),
    };
    corpus.addDocument(input);
  }
  const indexSeconds = (performance.now() - started) / 1000;
  const byQuery: Record<string, { p50Ms: number; p95Ms: number; hits: number }> = {};
  const all: number[] = [];
  for (const query of QUERIES) {
    const times: number[] = [];
    let hits = 0;
    for (let repeat = 0; repeat < QUERY_REPEATS; repeat++) {
      const begin = performance.now();
      hits = corpus.searchCorpus(query, { limit: 10 }).length;
      times.push(performance.now() - begin);
    }
    all.push(...times);
    byQuery[query] = { p50Ms: round(percentile(times, 50)), p95Ms: round(percentile(times, 95)), hits };
  }
  corpus.close();
  const megabytes = statSync(path).size / 1024 / 1024;
  rmSync(dir, { recursive: true, force: true });
  return {
    passages: size,
    indexPassagesPerSecond: Math.round(size / indexSeconds),
    databaseMb: round(megabytes),
    searchP50Ms: round(percentile(all, 50)),
    searchP95Ms: round(percentile(all, 95)),
    byQuery,
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Mean over claims of the share of labelled facts with at least one passage in the top 5. */
function recallAt5(
  options: Omit<RankOptions, "limit"> & { embeddings?: boolean; japaneseOnly?: boolean },
): number {
  const { embeddings, japaneseOnly, ...rankOptions } = options;
  const passages: Passage[] = PASSAGES.map((item) => ({
    id: item.id,
    sourceId: item.site,
    text: item.text,
    start: 0,
    end: item.text.length,
    lang: null,
  }));
  const index = buildBm25Index(passages);
  const vectors = embeddings ? passages.map((passage) => fakeEmbedding(passage.text)) : [];
  const perClaim = CLAIMS.map(({ claim, facts }) => {
    const dense = embeddings ? { dense: { query: fakeEmbedding(claim), passages: vectors } } : {};
    const hits = rankPassages(index, claim, { limit: 5, ...rankOptions, ...dense });
    const top = new Set(hits.map((hit) => hit.passage.id));
    const counted = japaneseOnly ? facts.filter((fact) => fact.every((id) => id.startsWith("ja:"))) : facts;
    return { found: counted.filter((fact) => fact.some((id) => top.has(id))).length, total: counted.length };
  });
  // Japanese facts: found over all of them (few claims have one); otherwise the mean over claims.
  if (japaneseOnly) {
    const sum = (key: "found" | "total") => perClaim.reduce((total, claim) => total + claim[key], 0);
    return round(sum("found") / sum("total"));
  }
  return round(perClaim.reduce((sum, claim) => sum + claim.found / claim.total, 0) / perClaim.length);
}

/** Recall@5 of corpus search on the labelled queries: overall, per kind of query and per language. */
function corpusRecall() {
  const dir = mkdtempSync(join(tmpdir(), "shirabe-bench-queries-"));
  const corpus = openCorpus({ path: join(dir, "shirabe.sqlite") });
  for (const [name, passages] of Object.entries(DOCUMENTS)) {
    corpus.addDocument({
      location: name,
      title: name,
      siteName: null,
      lang: null,
      publishedAt: null,
      contentType: "text/plain",
      passages: passages.map((text) => ({ text })),
    });
  }
  const scored = LABELLED_QUERIES.map(({ query, kind, lang, relevant }) => {
    const top = new Set(
      corpus.searchCorpus(query, { limit: 5 }).map((hit) => `${hit.location}:${hit.position}`),
    );
    const found = relevant.filter((id) => top.has(id));
    return {
      query,
      kind,
      lang,
      recall: found.length / Math.min(5, relevant.length),
      missed: relevant.filter((id) => !top.has(id)),
    };
  });
  corpus.close();
  rmSync(dir, { recursive: true, force: true });
  const mean = (items: typeof scored) =>
    round(items.reduce((sum, item) => sum + item.recall, 0) / items.length);
  const by = (key: "kind" | "lang") =>
    Object.fromEntries(
      [...new Set(scored.map((item) => item[key]))].map((value) => [
        value,
        mean(scored.filter((item) => item[key] === value)),
      ]),
    );
  return {
    queries: scored.length,
    recallAt5: mean(scored),
    byKind: by("kind"),
    byLanguage: by("lang"),
    misses: scored.filter((item) => item.recall < 1).map(({ query, missed }) => ({ query, missed })),
  };
}

const queries = corpusRecall();
console.log("corpus queries", JSON.stringify(queries));

const ranking = {
  claims: CLAIMS.length,
  passages: PASSAGES.length,
  recallAt5: {
    bm25: recallAt5({ diversity: false }),
    bm25Mmr: recallAt5({}),
    bm25MmrSite: recallAt5({ groupOf: (passage) => passage.sourceId }),
    fakeEmbeddings: {
      bm25: recallAt5({ diversity: false, embeddings: true }),
      bm25MmrSite: recallAt5({ groupOf: (passage) => passage.sourceId, embeddings: true }),
    },
  },
  /** Only the facts stated by the Japanese site alone, for the English claims: the cross-language case. */
  japaneseFactsRecallAt5: {
    bm25MmrSite: recallAt5({ groupOf: (passage) => passage.sourceId, japaneseOnly: true }),
    bm25MmrSiteFakeEmbeddings: recallAt5({
      groupOf: (passage) => passage.sourceId,
      embeddings: true,
      japaneseOnly: true,
    }),
  },
};
console.log("ranking", JSON.stringify(ranking));
const corpus = SIZES.map((size) => {
  const result = corpusBench(size);
  console.log("corpus", JSON.stringify({ ...result, byQuery: undefined }));
  return result;
});

const result = {
  benchmark: "research: corpus search and passage ranking",
  date: new Date().toISOString(),
  node: process.version,
  corpus,
  corpusQueries: queries,
  ranking,
};
writeFileSync(join(ROOT, "bench/results/research.json"), `${JSON.stringify(result, null, 2)}\n`);
