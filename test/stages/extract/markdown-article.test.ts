// Markdown read by a real CommonMark + GFM parser: the constructs a line reader loses, front matter,
// and hostile nesting. (Floods of brackets are timed against a deadline in test/extract/unit/content.)
import { describe, expect, it } from "vitest";
import { extractMarkdown } from "../../../src/stages/extract/markdown-article.js";
import type { DecodedPage } from "../../../src/types.js";

function read(text: string, url = "file:///tmp/notes/park.md") {
  const page: DecodedPage = {
    url,
    contentType: "text/markdown",
    text,
    charset: "utf-8",
    charsetSource: "default",
  };
  return extractMarkdown(page);
}

describe("extractMarkdown", () => {
  it("reads setext headings, the first of level 1 as the title", () => {
    const article = read(
      "Park vote\n=========\n\nThe council approved the park on Tuesday.\n\nWhat changes\n------------\n\nFour hectares of wetland are added.\n",
    );
    expect(article.title).toBe("Park vote");
    expect(article.blocks).toEqual([
      { type: "paragraph", text: "The council approved the park on Tuesday." },
      { type: "heading", level: 2, text: "What changes" },
      { type: "paragraph", text: "Four hectares of wetland are added." },
    ]);
  });

  it("keeps a lazy continuation line inside its blockquote", () => {
    const article = read(
      "# Quote\n\n> This is a park for the next\ncentury, the mayor said.\n\nThe vote was 7 to 2.\n",
    );
    expect(article.blocks).toEqual([
      { type: "quote", text: "This is a park for the next century, the mayor said." },
      { type: "paragraph", text: "The vote was 7 to 2." },
    ]);
  });

  it("resolves reference links, full, collapsed and shortcut, wherever the definition is", () => {
    const article = read(
      "[minutes]: https://city.example/minutes.pdf\n\n# Links\n\nSee the [vote record][votes], the [minutes][] and the [map].\n\n" +
        '[votes]: https://city.example/votes "Votes"\n[MAP]: <https://maps.example.org/park>\n',
    );
    expect(article.blocks).toEqual([
      { type: "paragraph", text: "See the vote record, the minutes and the map." },
    ]);
    expect(article.links).toEqual([
      { url: "https://city.example/votes", text: "vote record" },
      { url: "https://city.example/minutes.pdf", text: "minutes" },
      { url: "https://maps.example.org/park", text: "map" },
    ]);
  });

  it("keeps footnotes as a numbered list at the end, with their links, and drops the markers", () => {
    const article = read(
      "# Notes\n\nThe park costs 4 million euros.[^cost] It opens in May.[^2]\n\n" +
        "[^cost]: City budget, [page 12](https://city.example/budget.pdf).\n[^2]: Council minutes of 4 February.\n",
    );
    expect(article.blocks).toEqual([
      { type: "paragraph", text: "The park costs 4 million euros. It opens in May." },
      { type: "list", ordered: true, items: ["City budget, page 12.", "Council minutes of 4 February."] },
    ]);
    expect(article.links).toEqual([{ url: "https://city.example/budget.pdf", text: "page 12" }]);
  });

  it("reads GFM tables, nested lists, code and strikethrough", () => {
    const article = read(
      "# Table\n\n| Item | Cost |\n|---|---:|\n| Bridge | 1.2 |\n| **Paths** | 0.4 |\n\n- Wetland\n  - North bank\n- Footbridge\n\n```\nnpm test\n```\n\nThe ~~old~~ plan.\n",
    );
    expect(article.blocks).toEqual([
      {
        type: "table",
        rows: [
          ["Item", "Cost"],
          ["Bridge", "1.2"],
          ["Paths", "0.4"],
        ],
      },
      { type: "list", ordered: false, items: ["Wetland", "North bank", "Footbridge"] },
      { type: "code", text: "npm test" },
      { type: "paragraph", text: "The old plan." },
    ]);
  });

  it("keeps front matter: title, date, author and language", () => {
    const article = read(
      '---\ntitle: "Park vote"\ndate: 2025-02-04\nauthor: City desk\nlang: en-GB\n---\n\n# A heading\n\nThe council approved it.\n',
    );
    expect([article.title, article.publishedAt, article.author, article.lang]).toEqual([
      "Park vote",
      "2025-02-04",
      "City desk",
      "en-GB",
    ]);
    expect(article.blocks[0]).toEqual({ type: "heading", level: 1, text: "A heading" });
  });

  it("detects the language of a document that does not declare one", () => {
    expect(read("# Parc\n\nLe conseil municipal a approuvé le nouveau parc mardi soir.\n").lang).toBe("fr");
  });

  // Quotes nested tens of thousands deep overflowed the parser's stack.
  it("reads quotes nested 20,000 deep and keeps their text", () => {
    const deep = read(`# Deep\n\n${">".repeat(20_000)} The council approved the park.\n`);
    expect(deep.text).toContain("The council approved the park.");
  });
});
