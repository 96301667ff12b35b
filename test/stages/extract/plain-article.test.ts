import { describe, expect, it } from "vitest";
import { extractArticle } from "../../../src/stages/extract/index.js";
import { decoded, PROSE } from "../../support/extract-pages.js";

describe("plain text input", () => {
  it("splits paragraphs on blank lines and takes the title from the first line", () => {
    const text = `Park vote: council says yes\n\n${PROSE[0]}\n\n${PROSE[1]}\nstill the same paragraph.\n\n\n${PROSE[2]}\n`;
    const article = extractArticle(decoded(text, "file:///tmp/park.txt", "text/plain"));
    expect(article.title).toBe("Park vote: council says yes");
    expect(article.blocks).toEqual([
      { type: "paragraph", text: PROSE[0] },
      { type: "paragraph", text: `${PROSE[1]} still the same paragraph.` },
      { type: "paragraph", text: PROSE[2] },
    ]);
    expect(article.text).toBe(
      article.blocks.map((block) => ("text" in block ? block.text : "")).join("\n\n"),
    );
  });
});
