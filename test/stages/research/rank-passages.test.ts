// BM25 and MMR on small passage sets where the right answer is plain to a reader.
import { describe, expect, it } from "vitest";
import {
  buildBm25Index,
  diversify,
  rankForSections,
  rankPassages,
  scoreBm25,
  scoreHybrid,
  vectorCosine,
} from "../../../src/stages/research/rank-passages.js";
import type { Passage } from "../../../src/types.js";
import { fakeEmbedding } from "../../support/fake-llm-server.js";

function passage(id: string, text: string): Passage {
  return { id, sourceId: id.split(":")[0] as string, text, start: 0, end: text.length, lang: null };
}

const PASSAGES = [
  passage("a:0", "The central bank raised its policy interest rate to 0.5 percent."),
  passage("a:1", "The decision was announced after a two-day meeting."),
  passage("b:0", "Heavy snow closed roads across Hokkaido."),
  passage("c:0", "日本銀行は政策金利を0.5%に引き上げた。"),
  passage("c:1", "北海道では大雪で道路が通行止めになった。"),
];

describe("scoreBm25", () => {
  it("puts the passage about the query first and leaves out passages without its terms", () => {
    const index = buildBm25Index(PASSAGES);
    const hits = scoreBm25(index, "interest rate decision");
    expect(hits[0]?.passage.id).toBe("a:0");
    expect(hits.map((hit) => hit.passage.id)).not.toContain("b:0");
  });

  it("matches Japanese by character bigrams without a segmenter", () => {
    const index = buildBm25Index(PASSAGES);
    expect(scoreBm25(index, "政策金利の引き上げ")[0]?.passage.id).toBe("c:0");
    expect(scoreBm25(index, "大雪")[0]?.passage.id).toBe("c:1");
  });

  it("weighs a rare term above a common one", () => {
    const index = buildBm25Index([
      passage("x:0", "Rice prices rose in Tokyo."),
      passage("x:1", "Rice harvest in Niigata."),
      passage("x:2", "Rice exports to Hong Kong."),
      passage("x:3", "Tokyo weather."),
    ]);
    // "niigata" appears once, "rice" three times: the Niigata passage wins the two-term query.
    expect(scoreBm25(index, "rice niigata")[0]?.passage.id).toBe("x:1");
  });

  it("returns nothing for an empty collection or a query with no known terms", () => {
    expect(scoreBm25(buildBm25Index([]), "anything")).toEqual([]);
    expect(scoreBm25(buildBm25Index(PASSAGES), "zebra")).toEqual([]);
  });
});

describe("diversify (MMR)", () => {
  const story = "Rapidus began test production of 2-nanometre chips at its Hokkaido plant.";
  const copies = [
    passage("wire:0", story),
    passage("paper:0", story),
    passage("daily:0", `${story} Shares rose.`),
    passage(
      "ministry:0",
      "The ministry said test production of 2-nanometre chips began at the pilot line in April.",
    ),
  ];

  it("skips syndicated copies of a passage already picked", () => {
    const index = buildBm25Index(copies);
    const plain = rankPassages(index, "test production of 2-nanometre chips", { limit: 2, diversity: false });
    const diverse = rankPassages(index, "test production of 2-nanometre chips", { limit: 2 });
    expect(plain.map((hit) => hit.passage.text)).toEqual([story, story]);
    expect(diverse.map((hit) => hit.passage.id)).toContain("ministry:0");
  });

  it("keeps one site from taking every slot when groups are given", () => {
    const site = [
      passage("big:0", "Chip subsidies reached 920 billion yen."),
      passage("big:1", "Chip subsidies were approved in April."),
      passage("big:2", "Chip subsidies cover equipment."),
      passage("small:0", "Critics question chip subsidies."),
    ];
    const scored = scoreBm25(buildBm25Index(site), "chip subsidies");
    const picked = diversify(scored, { limit: 2, lambda: 1, groupOf: (item) => item.sourceId });
    expect(new Set(picked.map((hit) => hit.passage.sourceId))).toEqual(new Set(["big", "small"]));
    expect(diversify(scored, { limit: 2, lambda: 1 }).every((hit) => hit.passage.sourceId === "big")).toBe(
      true,
    );
  });

  it("returns at most the candidates it was given", () => {
    expect(diversify([], { limit: 3 })).toEqual([]);
    const scored = scoreBm25(buildBm25Index(copies), "ministry");
    expect(diversify(scored, { limit: 5 })).toHaveLength(1);
  });
});

describe("rankForSections", () => {
  it("ranks the same passages separately for each outline section", () => {
    const ranked = rankForSections(
      PASSAGES,
      [
        { heading: "Rates", query: "interest rate 金利" },
        { heading: "Weather", query: "snow 大雪" },
      ],
      { limit: 2 },
    );
    expect(
      ranked
        .get("Rates")
        ?.map((hit) => hit.passage.id)
        .sort(),
    ).toEqual(["a:0", "c:0"]);
    expect(
      ranked
        .get("Weather")
        ?.map((hit) => hit.passage.id)
        .sort(),
    ).toEqual(["b:0", "c:1"]);
  });
});

describe("BM25 with embeddings", () => {
  // The fake embedding places the Japanese sentence near its English counterpart (shared concepts),
  // which BM25 cannot see: the two share no term.
  const passages = [
    passage("en:0", "Analysts expect stiff competition from established foundries."),
    passage("en:1", "Snow closed roads across the island during the weekend."),
    passage("ja:0", "北海道千歳市の工場では、最先端の半導体を試作している。"),
  ];
  const query = "the semiconductor factory in Chitose, Hokkaido";
  const dense = { query: fakeEmbedding(query), passages: passages.map((p) => fakeEmbedding(p.text)) };

  it("ranks a passage in another language that BM25 alone misses", () => {
    const index = buildBm25Index(passages);
    expect(scoreBm25(index, query).map((hit) => hit.passage.id)).not.toContain("ja:0");
    expect(scoreHybrid(index, query, dense)[0]?.passage.id).toBe("ja:0");
    expect(rankPassages(index, query, { limit: 1, dense })[0]?.passage.id).toBe("ja:0");
  });

  it("lets in only the nearest passages that share no term with the query", () => {
    const index = buildBm25Index(passages);
    const ids = scoreHybrid(index, query, dense, { denseCandidates: 1 }).map((hit) => hit.passage.id);
    expect(ids).toEqual(["ja:0"]);
  });

  it("ranks sections with the vectors given for each", () => {
    const ranked = rankForSections(passages, [{ heading: "Fab", query }], {
      limit: 1,
      embeddings: { passages: dense.passages, sections: [dense.query] },
    });
    expect(ranked.get("Fab")?.[0]?.passage.id).toBe("ja:0");
    expect(vectorCosine([1, 0], [0, 0])).toBe(0);
    expect(vectorCosine([1, 2], [2, 4])).toBeCloseTo(1);
  });
});

describe("ranking many passages", () => {
  // A page of ~130k sentences gave as many matching passages; spreading their scores into Math.max(...)
  // overflowed the stack and failed the whole report.
  it("scores and diversifies 150,000 matching passages", () => {
    const many = Array.from({ length: 150_000 }, (_, i) => passage(`s${i % 7}:${i}`, "Snow fell."));
    const index = buildBm25Index(many);
    const dense = { query: [1, 0], passages: many.map(() => [1, 0]) };
    const hybrid = scoreHybrid(index, "snow", dense);
    expect(hybrid).toHaveLength(150_000);
    const picked = diversify(hybrid, { limit: 3 });
    expect(picked).toHaveLength(3);
  });
});
