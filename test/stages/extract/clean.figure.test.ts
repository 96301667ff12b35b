import { describe, expect, it } from "vitest";
import { extractArticle } from "../../../src/stages/extract/index.js";
import { decoded, newsPage, PROSE, paragraphs } from "../../support/extract-pages.js";

const text = (article: string) =>
  extractArticle(decoded(newsPage(article), "https://example.com/tools")).text;

describe("figures in the story", () => {
  it("keeps a table wrapped in a figure (a WordPress table block)", () => {
    const table = `<figure class="wp-block-table"><table>
      <tr><th>Tool</th><th>Best for</th><th>Starting price</th></tr>
      <tr><td>Ledgerly</td><td>Freelancers</td><td>$9 a month</td></tr>
      <tr><td>Booksmith</td><td>Small shops</td><td>$25 a month</td></tr></table></figure>`;
    const got = text(
      `<h1>Three accounting tools compared</h1>${paragraphs(PROSE.slice(0, 2))}${table}<p>${PROSE[2]}</p>`,
    );
    expect(got).toContain("Booksmith\tSmall shops\t$25 a month");
    for (const line of PROSE) expect(got).toContain(line);
  });

  it("still drops a picture's figure and its caption", () => {
    const figure = `<figure><img src="/park.jpg" alt=""><figcaption>The park on Tuesday. (Photo: Jane Doe)</figcaption></figure>`;
    expect(text(`<h1>Park plan approved</h1>${figure}${paragraphs()}`)).toBe(PROSE.join("\n\n"));
  });
});
