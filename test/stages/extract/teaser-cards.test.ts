import { describe, expect, it } from "vitest";
import { extractArticle } from "../../../src/stages/extract/index.js";
import { decoded, html, PROSE, paragraphs } from "../../support/extract-pages.js";

const SUMMARIES = [
  "The resale housing market in the region's largest cities had a record year for sales and prices, the association said on Tuesday.",
  "A shortage of hops is forcing small breweries across the province to rewrite the recipes of the beers they are best known for.",
  "A man has been charged in connection with a hit-and-run on a dark and winding stretch of road north of the city last week.",
  "Nine people have been arrested after an investigation that lasted two years and reached into four provinces, police said.",
];

/** Headline links with a summary each, in neutral markup: nothing in the names says "sidebar". */
function cards(count: number): string {
  return `<dl>${SUMMARIES.slice(0, count)
    .map(
      (summary, index) =>
        `<dt><a href="/story/${index}">Other headline number ${index + 1}</a></dt><dd>${summary}</dd>`,
    )
    .join("\n")}</dl>`;
}

const page = (box: string) =>
  html(
    `<div id="c1"><div id="c2"><h1>Park plan approved</h1>${paragraphs()}</div><div id="c3"><h3>Headlines</h3>${box}</div></div>`,
  );

const text = (body: string) => extractArticle(decoded(body)).text;

describe("teaser cards beside the story", () => {
  it("leaves out a box of headline links with summaries that stands beside the story", () => {
    const got = text(page(cards(4)));
    expect(got).toBe(PROSE.join("\n\n"));
  });

  it("keeps a single link-and-summary pair, which may be the article's own", () => {
    const got = text(html(`<div id="c1"><h1>Park plan approved</h1>${paragraphs()}${cards(1)}</div>`));
    for (const line of PROSE) expect(got).toContain(line);
    expect(got).toContain(SUMMARIES[0]);
  });
});
