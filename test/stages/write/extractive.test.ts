import { readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { createHttpClient } from "../../../src/adapters/http/http-client.js";
import { isShirabeError } from "../../../src/errors.js";
import { readArticle } from "../../../src/source-reader.js";
import { checkReport } from "../../../src/stages/check/index.js";
import { splitPassages } from "../../../src/stages/passages/split-passages.js";
import { renderMarkdown } from "../../../src/stages/render/render-markdown.js";
import { assertSupportedLang, reportLabels, writeExtractive } from "../../../src/stages/write/extractive.js";
import { headingPhrases } from "../../../src/stages/write/heading-phrases.js";
import { opensWithReference } from "../../../src/stages/write/sentence-voice.js";
import type { Claim, Draft, Paragraph, Passage, Source } from "../../../src/types.js";
import { allSources, articleJa, buildReport, makeSource } from "../../support/report-sources.js";

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
    await expect(first).toMatchFileSnapshot("../../fixtures/report/extractive-ja.md");
  });

  it("writes the same English report for the same sources (golden file)", async () => {
    const markdown = renderMarkdown(buildReport(allSources, "en").report);
    expect(renderMarkdown(buildReport(allSources, "en").report)).toBe(markdown);
    await expect(markdown).toMatchFileSnapshot("../../fixtures/report/extractive-en.md");
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

/** Words a section title must not contain: function words, pronouns and verbs of news prose. */
const NOT_IN_HEADINGS = new Set(
  (
    "the a an of to in on for with from by at as is are was were be been has have had do does did this that these " +
    "those it its they their which who what when said says say released release combines combine shows show showed " +
    "made make built trained cut reported fell rose added used became served runs set took gave called can will " +
    "would could may might should also but however not"
  ).split(" "),
);

function headingsOf(draft: Draft): Array<{ heading: string; parent: string | null }> {
  return draft.sections.flatMap((s) => [
    { heading: s.heading, parent: null },
    ...s.subsections.map((sub) => ({ heading: sub.heading, parent: s.heading })),
  ]);
}

/** Every block of prose a reader meets under its own heading. */
function sectionsOf(draft: Draft): Paragraph[][] {
  return [
    draft.introduction,
    ...draft.sections.flatMap((s) => [s.paragraphs, ...s.subsections.map((sub) => sub.paragraphs)]),
    draft.conclusion,
  ].filter((paragraphs) => paragraphs.length > 0);
}

const japanese = (text: string) => /[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(text);

describe("writeExtractive on the bundled example (five English and five Japanese pages)", () => {
  const exampleDir = resolve(import.meta.dirname, "../../../examples/china-ai");
  let sources: Source[] = [];
  let passages: Passage[] = [];
  const drafts: Record<string, Draft> = {};

  beforeAll(async () => {
    const http = createHttpClient();
    const files = [
      "article.html",
      ...readdirSync(exampleDir)
        .filter((f) => f.endsWith(".html") && f !== "article.html")
        .sort(),
    ];
    sources = await Promise.all(
      files.map(async (file, i) => {
        const { article } = await readArticle(join(exampleDir, file), { http });
        return { id: `s${i}`, role: i === 0 ? "article" : "cited", input: file, article } as Source;
      }),
    );
    passages = sources.flatMap((s) => splitPassages(s));
    const printed = vi.spyOn(console, "error");
    const logged = vi.spyOn(console, "log");
    for (const lang of ["ja", "en"]) drafts[lang] = writeExtractive({ sources, passages, lang });
    // The writer is a library stage: anything it printed would land in the user's terminal.
    expect(printed).not.toHaveBeenCalled();
    expect(logged).not.toHaveBeenCalled();
    vi.restoreAllMocks();
  });

  it("titles sections with nouns and names, never function words or verbs, and never twice", () => {
    for (const lang of ["ja", "en"]) {
      const headings = headingsOf(drafts[lang] as Draft);
      expect(new Set(headings.map((h) => h.heading)).size).toBe(headings.length);
      for (const { heading, parent } of headings) {
        expect(heading).not.toBe(parent);
        expect(heading, "a numbered fallback").not.toMatch(/ \d+$/);
        const words = heading
          .toLowerCase()
          .split(/[^\p{L}\d.-]+/u)
          .filter((w) => w !== "and");
        expect(
          words.filter((w) => NOT_IN_HEADINGS.has(w)),
          heading,
        ).toEqual([]);
        if (lang === "ja") {
          // Hiragana in a Japanese title is grammar (a verb ending, a particle): only の and と may join nouns.
          expect(
            heading.replace(/(?<=[^\p{Script=Hiragana}])[のと](?=[^\p{Script=Hiragana}])/gu, ""),
            heading,
          ).not.toMatch(/\p{Script=Hiragana}/u);
          // Each joined part is Japanese or a Latin name (Nvidia, Zhipu AI), never an English common word.
          for (const part of heading.split("と")) {
            expect(part, heading).toMatch(/[\p{Script=Han}\p{Script=Katakana}]|^[\p{Lu}\d][\p{L}\d .-]*$/u);
          }
        }
      }
    }
  });

  it("opens no section with a sentence that points back to one the reader has not seen", () => {
    for (const lang of ["ja", "en"]) {
      for (const section of sectionsOf(drafts[lang] as Draft)) {
        const first = section[0]?.claims[0]?.text ?? "";
        expect(opensWithReference(first), first).toBe(false);
      }
    }
  });

  it("writes a Japanese report mostly in Japanese and an English one mostly in English", () => {
    const ja = claimsOf(drafts.ja as Draft);
    expect(ja.filter((c) => japanese(c.text)).length / ja.length).toBeGreaterThan(0.6);
    const en = claimsOf(drafts.en as Draft);
    expect(en.filter((c) => !japanese(c.text)).length / en.length).toBeGreaterThan(0.8);
  });

  it("opens the Japanese report in its own voice and states the training cost once", () => {
    const draft = drafts.ja as Draft;
    expect(draft.introduction[0]?.claims[0]?.quotation).toBeUndefined();
    for (const lang of ["ja", "en"]) {
      const cost = claimsOf(drafts[lang] as Draft).filter((c) => /5\.6 million|560万/.test(c.text));
      expect(cost.length).toBeLessThanOrEqual(1);
    }
  });

  it("builds 2–4 themes, each under a heading, from verbatim passages", () => {
    for (const lang of ["ja", "en"]) {
      const draft = drafts[lang] as Draft;
      expect(draft.sections.length).toBeGreaterThanOrEqual(2);
      expect(draft.sections.length).toBeLessThanOrEqual(4);
      const introduction = draft.introduction.flatMap((p) => p.claims);
      expect(introduction.length).toBeGreaterThanOrEqual(2);
      expect(introduction.length).toBeLessThanOrEqual(4);
      for (const claim of claimsOf(draft)) {
        expect(passages.find((p) => p.id === claim.passageIds[0])?.text).toBe(claim.text);
      }
    }
  });
});

describe("opensWithReference", () => {
  it("flags sentences that lean on an earlier one and passes those that stand alone", () => {
    for (const text of [
      "This figure excludes research costs.",
      "However, the rules were tightened in 2023.",
      "The company was founded in 2023.",
      "その創業者は金融業界の出身です。",
      "また、計画の公表後に支援策が出ました。",
      "メンバーは、DeepSeekなど6社です。",
    ]) {
      expect(opensWithReference(text), text).toBe(true);
    }
    for (const text of [
      "DeepSeek was founded in 2023 by Liang Wenfeng.",
      "The October 2022 rules cut off access to the A100.",
      "2025年1月20日、DeepSeekが推論モデルを公開しました。",
      "これまで、研究は米国帰りの研究者がけん引してきました。",
    ]) {
      expect(opensWithReference(text), text).toBe(false);
    }
  });
});

describe("headingPhrases", () => {
  it("offers nouns and names, not the verbs around them", () => {
    const english = headingPhrases(
      "The company combines central planning, competing local governments and US export controls on Nvidia's H800.",
    ).map((p) => p.text);
    expect(english).toEqual(
      expect.arrayContaining(["local governments", "export controls", "Nvidia", "H800"]),
    );
    expect(english.filter((p) => /\b(?:combines|competing|the|and|on)\b/i.test(p))).toEqual([]);
    const japanese = headingPhrases("2025年1月20日、DeepSeekが推論モデル「DeepSeek-R1」を公開しました。").map(
      (p) => p.text,
    );
    expect(japanese).toEqual(expect.arrayContaining(["推論モデル", "DeepSeek-R1"]));
    // 公開しました is a verb; 年/月/日 after digits are a date.
    expect(japanese.filter((p) => /公開|^[年月日]$/.test(p))).toEqual([]);
    expect(
      headingPhrases("米国の輸出規制により、最先端のGPUの調達は難しくなっています。").map((p) => p.text),
    ).toContain("米国の輸出規制");
  });
});
