import { describe, expect, it } from "vitest";
import { judgeClaimSupport } from "../../src/text/support.js";
import type { Passage } from "../../src/types.js";

const passage = (text: string, lang: string): Passage => ({
  id: "s1:0",
  sourceId: "s1",
  text,
  start: 0,
  end: text.length,
  lang,
});

/**
 * For each class of reversal, in each language: a passage, a faithful paraphrase the fast check confirms,
 * and the same paraphrase turned the other way, which shares every content word and must not pass.
 */
const CASES: Array<{ kind: string; lang: string; passage: string; faithful: string; reversed: string }> = [
  {
    kind: "negation",
    lang: "en",
    passage: "Toyota did not raise its forecast for 2025, the company said.",
    faithful: "Toyota did not raise its 2025 forecast, the company said.",
    reversed: "Toyota raised its 2025 forecast, the company said.",
  },
  {
    kind: "direction",
    lang: "en",
    passage: "Exports of Nvidia chips to China rose 12% in March.",
    faithful: "In March, exports of Nvidia chips to China rose 12%.",
    reversed: "In March, exports of Nvidia chips to China fell 12%.",
  },
  {
    kind: "comparative",
    lang: "en",
    passage: "Rapidus spent more than 500 billion yen on the Chitose plant.",
    faithful: "Rapidus spent more than 500 billion yen on its Chitose plant.",
    reversed: "Rapidus spent less than 500 billion yen on its Chitose plant.",
  },
  {
    kind: "time order",
    lang: "en",
    passage: "Sony cut prices before Nintendo announced its new console in June.",
    faithful: "Sony cut its prices before Nintendo announced a new console in June.",
    reversed: "Sony cut its prices after Nintendo announced a new console in June.",
  },
  {
    kind: "modality",
    lang: "en",
    passage: "Analysts said TSMC may build a third plant in Kumamoto by 2027.",
    faithful: "Analysts said TSMC may build a third Kumamoto plant by 2027.",
    reversed: "Analysts said TSMC will build a third Kumamoto plant by 2027.",
  },
  {
    kind: "quantifier",
    lang: "en",
    passage: "All five carmakers in the survey, including Honda, raised wages in 2024.",
    faithful: "All five carmakers in the survey, Honda included, raised wages in 2024.",
    reversed: "Some of the five carmakers in the survey, Honda included, raised wages in 2024.",
  },
  {
    kind: "negation",
    lang: "ja",
    passage: "トヨタは2025年の業績予想を引き上げなかった。",
    faithful: "トヨタは2025年の業績予想を引き上げませんでした。",
    reversed: "トヨタは2025年の業績予想を引き上げました。",
  },
  {
    kind: "direction",
    lang: "ja",
    passage: "ソニーの半導体部門の売上高は2024年度に15%増加した。",
    faithful: "ソニーの半導体部門の売上高は2024年度に15%増加しました。",
    reversed: "ソニーの半導体部門の売上高は2024年度に15%減少しました。",
  },
  {
    kind: "comparative",
    lang: "ja",
    passage: "ラピダスの投資額は政府の想定を上回った。",
    faithful: "ラピダスの投資額は政府の想定を上回りました。",
    reversed: "ラピダスの投資額は政府の想定を下回りました。",
  },
  {
    kind: "existence",
    lang: "ja",
    passage: "北海道の工場には水を再利用する設備がある。",
    faithful: "北海道の工場には水を再利用する設備があります。",
    reversed: "北海道の工場には水を再利用する設備がありません。",
  },
  {
    kind: "time order",
    lang: "ja",
    passage: "キオクシアは上場の前に新工場の建設を決めた。",
    faithful: "キオクシアは上場の前に新工場の建設を決めました。",
    reversed: "キオクシアは上場の後に新工場の建設を決めました。",
  },
  {
    kind: "modality",
    lang: "ja",
    passage: "ホンダの新工場は2026年に稼働する可能性がある。",
    faithful: "ホンダの新工場は2026年に稼働する可能性があります。",
    reversed: "ホンダの新工場は2026年に確実に稼働します。",
  },
  {
    kind: "quantifier",
    lang: "ja",
    passage: "調査対象の全ての自動車メーカーが2024年に賃金を引き上げた。",
    faithful: "調査対象の全ての自動車メーカーが2024年に賃金を引き上げました。",
    reversed: "調査対象の一部の自動車メーカーが2024年に賃金を引き上げました。",
  },
  {
    kind: "negation",
    lang: "zh",
    passage: "华为今年没有提高手机价格。",
    faithful: "华为今年没有提高其手机价格。",
    reversed: "华为今年提高了其手机价格。",
  },
  {
    kind: "direction",
    lang: "zh",
    passage: "比亚迪2024年的销量增长了20%。",
    faithful: "比亚迪2024年销量增长20%。",
    reversed: "比亚迪2024年销量下降20%。",
  },
  {
    kind: "time order",
    lang: "zh",
    passage: "小米在发布新车之前调整了价格。",
    faithful: "小米在发布新车之前调整价格。",
    reversed: "小米在发布新车之后调整价格。",
  },
  {
    kind: "modality",
    lang: "zh",
    passage: "分析师认为阿里巴巴可能在2026年上市该业务。",
    faithful: "分析师认为阿里巴巴可能于2026年上市该业务。",
    reversed: "分析师认为阿里巴巴必将于2026年上市该业务。",
  },
  {
    kind: "quantifier",
    lang: "zh",
    passage: "所有接受调查的工厂都在2024年提高了工资。",
    faithful: "所有接受调查的工厂在2024年提高工资。",
    reversed: "部分接受调查的工厂在2024年提高工资。",
  },
];

describe("the fast check sees polarity", () => {
  for (const c of CASES) {
    it(`${c.lang} ${c.kind}: confirms the faithful sentence, never the reversed one`, () => {
      const source = passage(c.passage, c.lang);
      expect(judgeClaimSupport(c.faithful, source).verdict).toBe("supported");
      const reversed = judgeClaimSupport(c.reversed, source);
      expect(reversed.verdict).not.toBe("supported");
    });
  }

  it("judges a clause by the passage clause it is about, not by another clause's direction", () => {
    const source = passage("Revenue at Nvidia rose 20% in 2024, while costs at AMD fell 3%.", "en");
    expect(judgeClaimSupport("Revenue at Nvidia rose 20% in 2024.", source).verdict).toBe("supported");
    expect(judgeClaimSupport("Revenue at Nvidia fell 20% in 2024.", source).verdict).not.toBe("supported");
    expect(judgeClaimSupport("Costs at AMD rose 3%.", source).verdict).not.toBe("supported");
  });

  it("keeps words that only look like cues apart: 売上, 少なくとも, not only, the month of May", () => {
    const sales = passage("任天堂の売上高は2024年に少なくとも10%伸びた。", "ja");
    expect(judgeClaimSupport("任天堂の売上高は2024年に少なくとも10%伸びました。", sales).verdict).toBe(
      "supported",
    );
    const launch = passage("Not only Sony but also Canon launched new cameras in May 2025.", "en");
    expect(judgeClaimSupport("Sony and Canon launched new cameras in May 2025.", launch).verdict).toBe(
      "supported",
    );
  });

  it("takes words of a sentence only when the rest of it does not negate or hedge them", () => {
    const source = passage("It is not true that Toyota raised prices in 2024.", "en");
    expect(judgeClaimSupport("Toyota raised prices in 2024.", source).verdict).not.toBe("supported");
    const plain = passage("Toyota raised prices in 2024. Honda did not.", "en");
    expect(judgeClaimSupport("Toyota raised prices in 2024.", plain)).toEqual({
      verdict: "supported",
      method: "verbatim",
    });
  });
});
