import { describe, expect, it } from "vitest";
import { sentenceSpans } from "../../src/text/sentences.js";

const texts = (text: string, lang: string | null) =>
  sentenceSpans(text, 0, text.length, lang).map((span) => text.slice(span.start, span.end));

describe("sentenceSpans", () => {
  // A page's lang attribute is untrusted: these values were seen on real sites and made Intl throw.
  it.each(["日本語", "en US", "{{ lang }}", "", "x", "en_GB", "zh-Hans-CN-u-bogus-@@"])(
    "splits text whose declared language is %j as if none were declared",
    (lang) => {
      const english = "The council met on Monday. It approved the new park.";
      expect(texts(english, lang)).toEqual(["The council met on Monday.", "It approved the new park."]);
      const japanese = "市議会は月曜日に開かれた。新しい公園が承認された。";
      expect(texts(japanese, lang)).toEqual(["市議会は月曜日に開かれた。", "新しい公園が承認された。"]);
    },
  );

  it("keeps its abbreviation rules for a valid tag with a region written with an underscore", () => {
    expect(texts("Dr. Smith spoke first. Then the mayor spoke.", "en_US")).toEqual([
      "Dr. Smith spoke first.",
      "Then the mayor spoke.",
    ]);
  });

  it("splits a paragraph of 150,000 sentences into each of them", () => {
    const text = "Rain fell. ".repeat(150_000).trim();
    const spans = sentenceSpans(text, 0, text.length, "en");
    expect(spans).toHaveLength(150_000);
    expect(text.slice(spans[149_999]?.start, spans[149_999]?.end)).toBe("Rain fell.");
  });
});
