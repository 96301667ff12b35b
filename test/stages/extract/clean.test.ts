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
