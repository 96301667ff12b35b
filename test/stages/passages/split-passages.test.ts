import { describe, expect, it } from "vitest";
import { splitPassages } from "../../../src/stages/passages/split-passages.js";
import type { Block } from "../../../src/types.js";
import { runWithDeadline } from "../../support/deadline.js";
import { allSources, makeSource } from "../../support/report-sources.js";

const p = (text: string): Block => ({ type: "paragraph", text });

function texts(lang: string, blocks: Block[]): string[] {
  return splitPassages(makeSource("s1", "cited", "https://x.test/a", "T", lang, blocks)).map((x) => x.text);
}

describe("splitPassages", () => {
  it("keeps exact offsets into article.text for every passage", () => {
    for (const source of allSources) {
      const passages = splitPassages(source);
      expect(passages.length).toBeGreaterThan(3);
      passages.forEach((passage, index) => {
        expect(passage.text).toBe(source.article.text.slice(passage.start, passage.end));
        expect(passage.id).toBe(`${source.id}:${index}`);
        expect(passage.sourceId).toBe(source.id);
        expect(passage.lang).toBe(source.article.lang);
        expect(passage.text).toBe(passage.text.trim());
      });
    }
  });

  it("does not split English sentences after Dr., U.S. or Jan.", () => {
    expect(
      texts("en", [
        p("Dr. Alice Moreno met the U.S. Senate on Jan. 5 about chips. The hearing lasted three hours."),
      ]),
    ).toEqual([
      "Dr. Alice Moreno met the U.S. Senate on Jan. 5 about chips.",
      "The hearing lasted three hours.",
    ]);
  });

  it("splits Japanese at 。！？ but keeps a quotation in 「」 with the sentence it belongs to", () => {
    expect(
      texts("ja", [p("「規制は強すぎる。」と社長は述べました。政府は反論しました！本当でしょうか？")]),
    ).toEqual(["「規制は強すぎる。」と社長は述べました。", "政府は反論しました！", "本当でしょうか？"]);
  });

  it("splits Chinese sentences", () => {
    expect(texts("zh", [p("中国政府发布了新的人工智能计划。这是一个重要的决定！")])).toEqual([
      "中国政府发布了新的人工智能计划。",
      "这是一个重要的决定！",
    ]);
  });

  it("keeps headings and list items as their own passages and folds away tiny fragments", () => {
    const result = texts("en", [
      { type: "heading", level: 2, text: "Market reaction" },
      p("Chip stocks fell sharply on Monday. Why? Investors feared lower demand."),
      { type: "list", ordered: false, items: ["Export rules tightened", "x"] },
    ]);
    expect(result).toEqual([
      "Market reaction",
      "Chip stocks fell sharply on Monday. Why?",
      "Investors feared lower demand.",
      "Export rules tightened",
    ]);
  });

  it("falls back to blank-line chunks when the blocks do not match the text", () => {
    const source = makeSource("s3", "provided", "file:///tmp/a.txt", "T", "en", [p("One paragraph here.")]);
    source.article.blocks = [];
    source.article.text = "First paragraph of the file.\n\nSecond paragraph of the file.";
    const passages = splitPassages(source);
    expect(passages.map((x) => x.text)).toEqual([
      "First paragraph of the file.",
      "Second paragraph of the file.",
    ]);
    for (const x of passages) expect(source.article.text.slice(x.start, x.end)).toBe(x.text);
  });
});

describe("sentence splitting of hostile text", () => {
  // Page text is attacker-controlled: "Mr. " or "「a。" repeated made the sentence splitter take minutes per
  // 200 kB (ICU's segmenter and a recount of the growing sentence at every break), blocking the server.
  // Run in a child process so a hang fails the test at the deadline instead of freezing the runner.
  it("splits long runs of abbreviations and open quotes instead of hanging", async () => {
    const module = new URL("../../../src/text/sentences.ts", import.meta.url).href;
    const code = `const { sentenceSpans } = await import(${JSON.stringify(module)});
      for (const [junk, lang] of [["Mr. ", "en"], ["「a。", "ja"]]) {
        const text = junk.repeat(400000 / junk.length) + "The council approved the park.";
        const spans = sentenceSpans(text, 0, text.length, lang);
        console.log(spans.length > 0 && spans.at(-1).end === text.length);
      }`;
    const { exitCode, output } = await runWithDeadline(code);
    expect(exitCode).toBe(0);
    expect(output.split("\n")).toEqual(["true", "true"]);
  }, 30_000);
});
