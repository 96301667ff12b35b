import { describe, expect, it } from "vitest";
import { parseCorpusQuery, stem } from "../../../src/adapters/store/corpus-query.js";

describe("stem", () => {
  it.each([
    ["investment", "invest"],
    ["investments", "invest"],
    ["investing", "invest"],
    ["invested", "invest"],
    ["centres", "centre"],
    ["taxes", "tax"],
    ["tariffs", "tariff"],
    ["regulations", "regulat"],
    ["status", "status"],
    ["analysis", "analysis"],
    ["bring", "bring"],
  ])("cuts %s to %s, a prefix every form shares", (word, expected) => {
    expect(stem(word)).toBe(expected);
  });
});

describe("parseCorpusQuery", () => {
  const matches = (query: string) => parseCorpusQuery(query).terms.map((term) => term.match);

  it("keeps content words of a question, stemmed, and drops function words", () => {
    expect(matches("What did the central bank say about investments?")).toEqual([
      "central",
      "bank",
      "say",
      "invest",
    ]);
  });

  it("splits Japanese where kana ends a word and Chinese where particles do", () => {
    expect(matches("北海道の大雪で工場が止まった")).toEqual(["北海道", "大雪", "工場", "止"]);
    expect(matches("芯片的出口")).toEqual(["芯片", "出口"]);
    expect(matches("人工智能")).toEqual(["人工智", "工智能", "人工", "工智", "智能"]);
  });

  it("takes quoted phrases whole, in ASCII, curly or corner quotes", () => {
    expect(
      parseCorpusQuery('"Interest Rate" “rice price” 「日本銀行」 up').phrases.map((p) => p.match),
    ).toEqual(["interest rate", "rice price", "日本銀行"]);
  });

  it("folds full-width letters and case like the stored passages", () => {
    expect(matches("ＲＩＣＥ")).toEqual(["rice"]);
  });
});
