import { describe, expect, it } from "vitest";
import { extractArticle } from "../../../src/stages/extract/index.js";
import { decoded, html, PROSE } from "../../support/extract-pages.js";

describe("boilerplate named in the plural", () => {
  it("reads a box in 'sidebars' as a sidebar, so its long notice does not beat the post", () => {
    const notice =
      "The information in this blog is given as is, without warranty of any kind. The owner may have a financial relationship with some of the companies mentioned here, and nothing written here is advice: ask a professional before you act on it, and read the terms of use before you comment.";
    const page = html(`
      <div id="content">
        <div class="post"><h1>Books to understand the future</h1>
          <p>${PROSE[0]}</p><p>${PROSE[1]}</p>
        </div>
        <div id="sidebars_r"><div class="text-box"><p>${notice}</p></div></div>
      </div>`);
    const text = extractArticle(decoded(page)).text;
    expect(text).toContain(PROSE[0]);
    expect(text).toContain(PROSE[1]);
    expect(text).not.toContain("without warranty");
  });
});

describe("boilerplate named in run-together words", () => {
  it("reads 'rightsidebar' as a sidebar and 'relatedposts' as related posts", () => {
    const bio =
      "Our editor has written about city halls, parks and transport for twenty years, first for a weekly and then for this site, and still answers every letter, every comment and every phone call from readers who care about their neighbourhoods.";
    const teasers =
      "Last year the council argued for months about the parking garage by the river. The vote was close, and the garage was never built, which is why the wetland is still there today.";
    const page = html(`
      <div id="page">
        <div class="post"><h1>Park vote</h1><p>${PROSE[0]}</p><p>${PROSE[1]}</p></div>
        <div class="relatedposts"><p>${teasers}</p></div>
        <div id="rightsidebar"><p>${bio}</p></div>
      </div>`);
    const text = extractArticle(decoded(page)).text;
    expect(text).toContain(PROSE[0]);
    expect(text).toContain(PROSE[1]);
    expect(text).not.toContain("twenty years");
    expect(text).not.toContain("never built");
  });
});

describe("comment boxes named in one word", () => {
  const reply =
    "I took this course last spring and the homework was hard but fair; the lectures on proofs were the best part, and the forum answered every question within a day.";

  it("drops a 'commentform' holding 'commentbody' replies under a short post", () => {
    const page = html(`
      <div class="indivbody"><p>${PROSE[0]}</p></div>
      <div class="commentform">
        <div class="commentbody"><p>${reply}</p></div>
        <div class="commentbody"><p>${reply.replace("spring", "autumn")}</p></div>
      </div>`);
    const text = extractArticle(decoded(page)).text;
    expect(text).toBe(PROSE[0]);
  });

  it("keeps an article marked 'commentary'", () => {
    const page = html(`<div class="commentary"><p>${PROSE[0]}</p><p>${PROSE[1]}</p></div>`);
    expect(extractArticle(decoded(page)).text).toBe(`${PROSE[0]}\n\n${PROSE[1]}`);
  });
});
