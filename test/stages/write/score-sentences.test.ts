// Target language first: of two sentences that state the same fact (the same numbers and names) in
// different languages, a report uses the one in its own language, even when that one is quoted.
import { describe, expect, it } from "vitest";
import { splitPassages } from "../../../src/stages/passages/split-passages.js";
import { writeExtractive } from "../../../src/stages/write/extractive.js";
import { makeSource } from "../../support/report-sources.js";

const p = (text: string) => ({ type: "paragraph" as const, text });
// The Japanese statement of the fact is in the plain だ register, so a Japanese report can only quote it;
// the English one is told more centrally, by a source with more to say about it.
const JAPANESE_FACT = "NVIDIAの株価は1月27日に17%下落し、時価総額は5890億ドル減った。";
const ENGLISH_FACT = "Nvidia shares fell 17% on January 27, wiping out $589 billion in market value.";
const article = makeSource("s0", "article", "https://news.example.jp/ai", "中国のAI開発と半導体", "ja", [
  p(
    "中国のAI企業は限られたGPUで高性能なモデルを開発しています。中国のAI企業の開発費用は米国の企業より低いと言われています。",
  ),
  p(`中国のAI企業の多くは大学の研究者が創業しました。${JAPANESE_FACT}`),
  p("中国のAI開発は政府の支援も受けています。"),
]);
const cited = makeSource("s1", "cited", "https://markets.example.com/nvidia", "Nvidia's record loss", "en", [
  p(`${ENGLISH_FACT} Nvidia shares had never lost so much market value in one day.`),
  p(
    "Investors sold Nvidia shares because cheap Chinese AI models could cut demand for Nvidia chips. Market value losses spread to other chip shares.",
  ),
]);

function claimTexts(lang: string): string[] {
  const sources = [article, cited];
  const draft = writeExtractive({ sources, passages: sources.flatMap(splitPassages), lang, maxSentences: 5 });
  return [
    ...draft.introduction,
    ...draft.sections.flatMap((s) => [...s.paragraphs, ...s.subsections.flatMap((sub) => sub.paragraphs)]),
    ...draft.conclusion,
  ].flatMap((paragraph) => paragraph.claims.map((claim) => claim.text));
}

describe("target language first", () => {
  it("states a fact in the report's language when a source in it says the same as a foreign one", () => {
    const japanese = claimTexts("ja");
    expect(japanese).toContain(JAPANESE_FACT);
    expect(japanese).not.toContain(ENGLISH_FACT);
    const english = claimTexts("en");
    expect(english).toContain(ENGLISH_FACT);
    expect(english).not.toContain(JAPANESE_FACT);
  });
});
