import { describe, expect, it } from "vitest";
import { renderReport } from "../../src/index.js";
import { extractiveTranslationNotice, translationNotice } from "../../src/text/translation-notice.js";
import { allSources, articleJa, buildReport } from "../support/report-sources.js";

describe("translationNotice", () => {
  it("tells the reader of an extractive report that foreign sentences are quoted, not translated", () => {
    // A Japanese article and two English sources: the Japanese report quotes English sentences.
    const { report } = buildReport(allSources, "ja");
    expect(translationNotice(report)).toBe(extractiveTranslationNotice("ja"));
    expect(extractiveTranslationNotice("ja")).toContain("翻訳せず");
    expect(renderReport(report, "html")).toContain(`<br>${extractiveTranslationNotice("ja")}</footer>`);
  });

  it("says nothing when every sentence is in the report's language or another engine wrote it", () => {
    const { report } = buildReport([articleJa], "ja");
    expect(translationNotice(report)).toBeNull();
    expect(renderReport(report, "html")).not.toContain(extractiveTranslationNotice("ja"));
    const english = buildReport(allSources, "en").report;
    expect(translationNotice({ ...english, engine: "llm:deepseek-chat" })).toBeNull();
  });

  it("falls back to English wording for languages without their own", () => {
    expect(extractiveTranslationNotice("de")).toBe(extractiveTranslationNotice("en"));
    expect(extractiveTranslationNotice("en")).toContain("verbatim");
  });
});
