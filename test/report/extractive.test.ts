import { describe, expect, it } from "vitest";
import { isShirabeError } from "../../src/errors.js";
import { checkReport } from "../../src/stages/check/check.js";
import { splitPassages } from "../../src/stages/passages.js";
import { renderMarkdown } from "../../src/stages/render/markdown.js";
import { assertSupportedLang, reportLabels, writeExtractive } from "../../src/stages/write/extractive.js";
import type { Claim, Draft } from "../../src/types.js";
import { allSources, articleJa, buildReport, makeSource } from "./sources.js";

function claimsOf(draft: Draft): Claim[] {
  return [
    ...draft.introduction,
    ...draft.sections.flatMap((s) => [...s.paragraphs, ...s.subsections.flatMap((sub) => sub.paragraphs)]),
    ...draft.conclusion,
  ].flatMap((p) => p.claims);
}

describe("writeExtractive", () => {
  it("writes the same Japanese report for the same sources (golden file)", async () => {
    const first = renderMarkdown(buildReport(allSources, "ja").report);
    const second = renderMarkdown(buildReport(allSources, "ja").report);
    expect(second).toBe(first);
    await expect(first).toMatchFileSnapshot("../fixtures/report/extractive-ja.md");
  });

  it("writes the same English report for the same sources (golden file)", async () => {
    const markdown = renderMarkdown(buildReport(allSources, "en").report);
    expect(renderMarkdown(buildReport(allSources, "en").report)).toBe(markdown);
    await expect(markdown).toMatchFileSnapshot("../fixtures/report/extractive-en.md");
  });

  it("copies every claim verbatim from the passage it cites", () => {
    const passages = allSources.flatMap((s) => splitPassages(s));
    const draft = writeExtractive({ sources: allSources, passages, lang: "ja" });
    const claims = claimsOf(draft);
    expect(claims.length).toBeGreaterThan(8);
    for (const claim of claims) {
      expect(claim.passageIds).toHaveLength(1);
      expect(passages.find((p) => p.id === claim.passageIds[0])?.text).toBe(claim.text);
    }
    expect(new Set(claims.map((c) => c.text)).size).toBe(claims.length);
  });

  it("marks sentences in another language than the report as quotations", () => {
    const passages = allSources.flatMap((s) => splitPassages(s));
    for (const lang of ["ja", "en"]) {
      for (const claim of claimsOf(writeExtractive({ sources: allSources, passages, lang }))) {
        const english = !/[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u.test(claim.text);
        expect(claim.quotation === true).toBe(lang === "ja" ? english : !english);
      }
    }
  });

  it("groups the body into themes with headings and puts the article's sentences first in the introduction", () => {
    const passages = allSources.flatMap((s) => splitPassages(s));
    const draft = writeExtractive({ sources: allSources, passages, lang: "ja" });
    expect(draft.sections.length).toBeGreaterThanOrEqual(2);
    expect(draft.sections.length).toBeLessThanOrEqual(4);
    const headings = draft.sections.flatMap((s) => [s.heading, ...s.subsections.map((sub) => sub.heading)]);
    expect(new Set(headings).size).toBe(headings.length);
    expect(draft.introduction[0]?.claims[0]?.passageIds[0]).toMatch(/^s0:/);
    expect(draft.title).toBe("半導体輸出規制とAIスタートアップの行方についての調査レポート");
  });

  it("titles a report on a foreign-language article with the title in quotation marks", () => {
    const passages = allSources.flatMap((s) => splitPassages(s));
    const english = { ...allSources[1], role: "article" as const, id: "s0" } as (typeof allSources)[number];
    const draft = writeExtractive({ sources: [english], passages: splitPassages(english), lang: "ja" });
    expect(draft.title).toBe("「New rules on advanced chip exports」に関する調査レポート");
    expect(writeExtractive({ sources: allSources, passages, lang: "en" }).title).toBe(
      "Research report: 半導体輸出規制とAIスタートアップの行方",
    );
  });

  it("builds a valid report from the article alone", () => {
    const { report, passages } = buildReport([articleJa], "ja");
    expect(report.references.map((r) => r.sourceId)).toEqual(["s0"]);
    expect(checkReport(renderMarkdown(report), { lang: "ja", sources: [articleJa], passages })).toEqual([]);
  });

  it("builds a valid report from an article of one sentence", () => {
    const tiny = makeSource("s0", "article", "https://x.test/one", "One line", "en", [
      { type: "paragraph", text: "The committee approved the new chip export rules on Tuesday." },
    ]);
    const { report, passages } = buildReport([tiny], "en");
    expect(claimsOf(report)).toHaveLength(2);
    expect(checkReport(renderMarkdown(report), { lang: "en", sources: [tiny], passages })).toEqual([]);
  });

  it("refuses an article without complete sentences", () => {
    const empty = makeSource("s0", "article", "https://x.test/", "Empty", "en", [
      { type: "heading", level: 1, text: "Menu" },
    ]);
    expect(() => writeExtractive({ sources: [empty], passages: splitPassages(empty), lang: "en" })).toThrow(
      /no complete sentences/,
    );
  });
});

describe("report labels", () => {
  it("names the sections in the report language and falls back to English", () => {
    expect(reportLabels("ja").introduction).toBe("緒言");
    expect(reportLabels("ja-JP").references).toBe("参照記事");
    expect(reportLabels("en").conclusion).toBe("Conclusion");
    expect(reportLabels("fr").original).toBe("Original article");
    expect(assertSupportedLang("zh-Hant-TW")).toBe("zh");
  });

  it("rejects a tag that is not BCP 47 as a usage error", () => {
    try {
      assertSupportedLang("not a language!");
      expect.unreachable();
    } catch (error) {
      expect(isShirabeError(error) && error.kind === "usage" && error.code === "unknown-lang").toBe(true);
    }
  });
});

describe("writeExtractive on plain-style Japanese news", () => {
  it("quotes sentences in the だ/である register so the report keeps です/ます", () => {
    const plain = makeSource("s0", "article", "https://news.example.jp/plain", "輸出規制の転換点", "ja", [
      {
        type: "paragraph",
        text: "今回の輸出規制は業界にとって大きな転換点である。政府は新しい規制を来年から適用すると発表しました。企業の多くは規制への対応を急いでいます。",
      },
      {
        type: "paragraph",
        text: "専門家によれば規制の影響は長期に及ぶ見込みだ。半導体企業は新しい規制への対応費用を見積もっています。規制の詳細は来月に公表される予定です。",
      },
    ]);
    const { report, passages } = buildReport([plain], "ja");
    const claims = claimsOf(report);
    const quoted = claims.filter((c) => c.quotation).map((c) => c.text);
    for (const claim of claims) {
      expect(claim.quotation === true).toBe(/(?:である|だ)。$/.test(claim.text));
    }
    expect(quoted.length).toBeGreaterThan(0);
    const markdown = renderMarkdown(report);
    expect(markdown).toContain(`「${quoted[0]}」[1]`);
    expect(checkReport(markdown, { lang: "ja", sources: [plain], passages })).toEqual([]);
  });
});
