import { describe, expect, it } from "vitest";
import { extractArticle } from "../../../src/stages/extract/index.js";
import { decoded, html } from "../../support/extract-pages.js";

describe("blocks from markup", () => {
  it("reads hard-wrapped text (one <br> per line) as paragraphs, split where two <br>s stand", () => {
    const first = [
      "I started working at the bakery in October of last year when",
      "the factory I had worked at for twelve years closed its doors",
      "and nobody else in town was hiring people of my age",
    ];
    const second = [
      "The early shifts were hard at first but the owner was kind",
      "and I still work there today",
    ];
    const page = html(`
      <table><tr><td><a href="/">Home</a><br><a href="/stories">Stories</a><br><a href="/about">About</a></td>
      <td><font size="2">${first.join("<br>\n")}<br><br>${second.join("<br>\n")}</font></td></tr></table>`);
    const article = extractArticle(decoded(page));
    expect(article.blocks).toEqual([
      { type: "paragraph", text: first.join(" ") },
      { type: "paragraph", text: second.join(" ") },
    ]);
  });
});
