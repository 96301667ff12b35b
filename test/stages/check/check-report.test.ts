import { describe, expect, it } from "vitest";
import { checkReport } from "../../../src/stages/check/index.js";
import { splitPassages } from "../../../src/stages/passages/split-passages.js";
import { renderMarkdown } from "../../../src/stages/render/render-markdown.js";
import { allSources, buildReport } from "../../support/report-sources.js";

const ARTICLE = "https://news.example.jp/articles/ai-chips";
const MARKETS = "https://markets.example.com/deepseek-selloff";
const POLICY = "https://policy.example.org/export-controls";

/** A correct report; one sentence uses the "です[1]。" placement, the others "です。[1]". */
const GOOD = `# 半導体規制についての調査レポート

## 緒言

米国政府は2024年12月、先端半導体の輸出規制を強化すると発表しました。[1]「Shares of NVIDIA fell 17% in a single day after DeepSeek released its new model.」[2]

## 市場の反応

### 株価

NVIDIAの株価は一日で17%下がりました[1]。「The rules cover high-end GPUs and the equipment used to make them.」[3]

## 結論

今後の規制の行方が注目されます。[1]

#### 参照記事
- [[1]:${ARTICLE}](${ARTICLE})
- [[2]:${MARKETS}](${MARKETS})
- [[3]:${POLICY}](${POLICY})

**元記事:** [半導体輸出規制とAIスタートアップの行方](${ARTICLE})
`;

const passages = allSources.flatMap((s) => splitPassages(s));
const withSources = { lang: "ja", sources: allSources, passages };

function rulesAfter(from: string, to: string, options = {}): string[] {
  expect(GOOD).toContain(from);
  return checkReport(GOOD.replace(from, to), options).map((v) => v.rule);
}

describe("checkReport", () => {
  it("passes a report that follows every rule, with and without sources", () => {
    expect(checkReport(GOOD)).toEqual([]);
    expect(checkReport(GOOD, withSources)).toEqual([]);
  });

  it("passes the extractive engine's own reports in both languages", () => {
    for (const lang of ["ja", "en"]) {
      const { report, passages: own } = buildReport(allSources, lang);
      expect(checkReport(renderMarkdown(report), { lang, sources: allSources, passages: own })).toEqual([]);
    }
  });

  it("title: exactly one # title, first", () => {
    expect(rulesAfter("# 半導体規制についての調査レポート\n", "")).toContain("title");
    expect(rulesAfter("## 結論", "# 結論")).toContain("title");
    expect(rulesAfter("# 半導体", "前書き\n\n# 半導体")).toContain("title");
  });

  it("introduction-first: 緒言 is the first section", () => {
    expect(rulesAfter("## 緒言", "## はじめに")).toEqual(["introduction-first"]);
  });

  it("conclusion-last: 結論 is the last section before the references", () => {
    expect(rulesAfter("## 結論", "## まとめ")).toEqual(["conclusion-last"]);
  });

  it("subsection-parent: ### sits under a theme", () => {
    expect(rulesAfter("## 緒言\n", "## 緒言\n\n### 背景\n")).toContain("subsection-parent");
  });

  it("heading-level: no other heading levels", () => {
    expect(rulesAfter("### 株価", "##### 株価")).toContain("heading-level");
  });

  it("empty-section: a section has text", () => {
    const violations = checkReport(GOOD.replace("## 結論", "## 空のテーマ\n\n## 結論"));
    expect(violations).toEqual([{ rule: "empty-section", line: 13, message: '"空のテーマ" has no text' }]);
  });

  it("citation-ascii: no full-width bracket citations", () => {
    expect(rulesAfter("注目されます。[1]", "注目されます。［1］")).toContain("citation-ascii");
  });

  it("citation-order: numbers start at 1 and follow first appearance", () => {
    const swapped = GOOD.replace("発表しました。[1]", "発表しました。[2]").replace(
      "model.」[2]",
      "model.」[1]",
    );
    expect(checkReport(swapped).map((v) => v.rule)).toContain("citation-order");
  });

  it("citation-unlisted: every number used is in the reference list", () => {
    expect(rulesAfter("注目されます。[1]", "注目されます。[1][4]")).toEqual(["citation-unlisted"]);
  });

  it("reference-uncited: every listed source is cited", () => {
    expect(
      rulesAfter("the equipment used to make them.」[3]", "the equipment used to make them.」[2]"),
    ).toEqual(["reference-uncited"]);
  });

  it("citation-missing: sentences outside the conclusion carry a citation", () => {
    expect(rulesAfter("下がりました[1]。", "下がりました[1]。出典のない文です。")).toEqual([
      "citation-missing",
    ]);
  });

  it("references-missing: the 参照記事 list is there", () => {
    expect(rulesAfter("#### 参照記事\n", "")).toContain("references-missing");
  });

  it("reference-form: exactly - [[n]:URL](URL)", () => {
    expect(rulesAfter(`- [[2]:${MARKETS}](${MARKETS})`, `- [2] ${MARKETS}`)).toContain("reference-form");
    expect(rulesAfter(`- [[2]:${MARKETS}](${MARKETS})`, `- [[2]:${MARKETS}](${POLICY})`)).toContain(
      "reference-form",
    );
  });

  it("reference-order and reference-duplicate: each source once, in number order", () => {
    const reordered = GOOD.replace(
      `- [[2]:${MARKETS}](${MARKETS})\n- [[3]:${POLICY}](${POLICY})`,
      `- [[3]:${POLICY}](${POLICY})\n- [[2]:${MARKETS}](${MARKETS})`,
    );
    expect(checkReport(reordered).map((v) => v.rule)).toContain("reference-order");
    expect(
      rulesAfter(
        `- [[3]:${POLICY}](${POLICY})`,
        `- [[3]:${POLICY}](${POLICY})\n- [[3]:${POLICY}](${POLICY})`,
      ),
    ).toContain("reference-duplicate");
  });

  it("original: a **元記事:** line linking the article", () => {
    expect(rulesAfter(`**元記事:** [半導体輸出規制とAIスタートアップの行方](${ARTICLE})`, "")).toContain(
      "original",
    );
    expect(rulesAfter(`行方](${ARTICLE})`, "行方](not a url)")).toContain("original");
  });

  it("original-title: a clean title without line breaks or a site-name suffix", () => {
    expect(
      rulesAfter("[半導体輸出規制とAIスタートアップの行方]", "[\n 半導体輸出規制とAIスタートアップの行方\n]"),
    ).toContain("original-title");
    expect(rulesAfter("スタートアップの行方]", "スタートアップの行方 | 経済ニュース]")).toContain(
      "original-title",
    );
    expect(rulesAfter("スタートアップの行方]", "スタートアップの行方 - Example News]")).toContain(
      "original-title",
    );
  });

  it("ja-register: です/ます, not だ/である, outside quotations", () => {
    expect(rulesAfter("注目されます。[1]", "注目される状況である。[1]")).toContain("ja-register");
    expect(
      rulesAfter("今後の規制の行方が注目されます。[1]", "「規制の行方が注目される状況である。」[1]"),
    ).not.toContain("ja-register");
  });

  it("ja-punctuation: full-width 、 and 。 in Japanese sentences", () => {
    expect(rulesAfter("発表しました。[1]", "発表しました.[1]")).toContain("ja-punctuation");
    expect(rulesAfter("2024年12月、", "2024年12月,")).toContain("ja-punctuation");
  });

  it("claim-unsupported: a cited sentence is found in the source it cites", () => {
    const violations = checkReport(GOOD.replace("model.」[2]", "model.」[3]"), withSources);
    expect(violations.map((v) => v.rule)).toContain("claim-unsupported");
    expect(violations.find((v) => v.rule === "claim-unsupported")?.line).toBe(5);
    const invented = GOOD.replace(
      "今後の規制の行方が注目されます。[1]",
      "規制は2030年に撤廃される見通しです。[1]",
    );
    expect(checkReport(invented, withSources).map((v) => v.rule)).toEqual(["claim-unsupported"]);
  });

  it("reads an English report with English section names", () => {
    const english = GOOD.replace("## 緒言", "## Introduction")
      .replace("## 結論", "## Conclusion")
      .replace("#### 参照記事", "#### References")
      .replace("**元記事:**", "**Original article:**");
    expect(checkReport(english, { lang: "en" })).toEqual([]);
    expect(checkReport(english).map((v) => v.rule)).toEqual([]);
  });
});
