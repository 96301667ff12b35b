// See-also lines, bylines and caption credits stay out of the passages, so no report quotes them;
// sentences that merely start like them stay in.
import { describe, expect, it } from "vitest";
import { splitPassages } from "../../../src/stages/passages/index.js";
import type { Block, Source } from "../../../src/types.js";

function passagesOf(lines: string[]): string[] {
  const blocks: Block[] = lines.map((text) => ({ type: "paragraph", text }));
  const article = {
    url: "https://x.example/a",
    canonicalUrl: null,
    title: "T",
    siteName: null,
    author: null,
    publishedAt: null,
    lang: null,
    blocks,
    text: lines.join("\n\n"),
    links: [],
  };
  const source: Source = { id: "s1", role: "cited", input: article.url, article };
  return splitPassages(source).map((passage) => passage.text);
}

describe("boilerplate lines", () => {
  it("never become passages", () => {
    const boilerplate = [
      "See also Trade report (Customs Office).",
      "Read more: Why bread prices lag behind wheat",
      "Related: The harbour's new berth",
      "関連記事 港湾局の月報",
      "相关阅读：港务局公报",
      "By Jane Doe and John Roe",
      "Photo: Photo Agency",
      "文：山田太郎",
    ];
    const claim = "Exports rose by 12 percent in April.";
    expect(passagesOf([claim, ...boilerplate])).toEqual([claim]);
  });

  it("keeps sentences that only begin like them", () => {
    const sentences = [
      "By Monday, January 27, the app had climbed to first place.",
      "Sources said the talks would resume next week.",
      "Related cases were found in two other provinces.",
    ];
    expect(passagesOf(sentences)).toEqual(sentences);
  });
});
