import { describe, expect, it } from "vitest";
import { languageRules, normalizeSentence } from "../../../../src/stages/write/llm/language-rules.js";

describe("report-language conventions", () => {
  it("turns ASCII punctuation next to Japanese into full-width, leaving numbers and Latin names alone", () => {
    expect(normalizeSentence("DeepSeekは2025年1月, R1を公開しました.", "ja")).toBe(
      "DeepSeekは2025年1月、R1を公開しました。",
    );
    expect(normalizeSentence("費用は5.6百万ドル(推定)です。", "ja")).toBe("費用は5.6百万ドル（推定）です。");
    expect(normalizeSentence("梁文鋒 氏 が 創業しました。", "ja")).toBe("梁文鋒氏が創業しました。");
    expect(normalizeSentence("DeepSeek released R1, an open model.", "en")).toBe(
      "DeepSeek released R1, an open model.",
    );
  });

  it("asks for です/ます and full-width punctuation in Japanese, and the language's own conventions elsewhere", () => {
    expect(languageRules("ja")).toContain("です/ます");
    expect(languageRules("ja")).toContain("、。");
    expect(languageRules("zh-TW")).toContain('"zh-TW"');
  });
});
