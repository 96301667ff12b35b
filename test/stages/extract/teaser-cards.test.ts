import { describe, expect, it } from "vitest";
import { extractArticle } from "../../../src/stages/extract/index.js";
import { decoded, html, PROSE, paragraphs } from "../../support/extract-pages.js";

const SUMMARIES = [
  "The resale housing market in the region's largest cities had a record year for sales and prices, the association said on Tuesday.",
  "A shortage of hops is forcing small breweries across the province to rewrite the recipes of the beers they are best known for.",
  "A man has been charged in connection with a hit-and-run on a dark and winding stretch of road north of the city last week.",
  "Nine people have been arrested after an investigation that lasted two years and reached into four provinces, police said.",
];

/** The story is longer than the box beside it, as stories are. */
const STORY = [
  ...PROSE,
  "The parks department said the wetland would be planted with native reeds and sedges in the first year, and that a boardwalk would follow once the soil had settled.",
  "Residents of the streets nearest the river asked for the boardwalk to be lit at night, and the council agreed to consider lighting in the second phase of the work.",
  "The vote passed seven to two, with both councillors who voted against saying they supported the park but wanted a new parking plan presented at the same time.",
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
    `<div id="c1"><div id="c2"><h1>Park plan approved</h1>${paragraphs(STORY)}</div><div id="c3"><h3>Headlines</h3>${box}</div></div>`,
  );

const text = (body: string) => extractArticle(decoded(body)).text;

describe("teaser cards beside the story", () => {
  it("leaves out a box of headline links with summaries that stands beside the story", () => {
    const got = text(page(cards(4)));
    expect(got).toBe(STORY.join("\n\n"));
  });

  it("keeps a single link-and-summary pair, which may be the article's own", () => {
    const got = text(html(`<div id="c1"><h1>Park plan approved</h1>${paragraphs(STORY)}${cards(1)}</div>`));
    for (const line of STORY) expect(got).toContain(line);
    expect(got).toContain(SUMMARIES[0]);
  });

  it("leaves out a grid of cards, each in its own element with a category label", () => {
    const grid = SUMMARIES.map(
      (summary, index) =>
        `<div class="card"><div class="card-tag">News</div><div class="card-body"><h2><a href="/s/${index}">Other headline number ${index + 1}</a></h2><p>${summary}</p></div></div>`,
    ).join("");
    const got = text(
      html(
        `<main><article><h1>Park plan approved</h1>${paragraphs(STORY)}</article><div>${grid}</div></main>`,
      ),
    );
    expect(got).toBe(STORY.join("\n\n"));
  });

  it("keeps an FAQ whose questions are links that open their answers", () => {
    const faq = SUMMARIES.map(
      (answer, index) =>
        `<h3><a href="#q${index}">What happens to question number ${index + 1}?</a></h3><p>${answer}</p>`,
    ).join("");
    const got = text(
      html(`<div id="c1"><div id="c2"><h1>Park plan approved</h1>${paragraphs(STORY)}${faq}</div></div>`),
    );
    for (const line of [...STORY, ...SUMMARIES]) expect(got).toContain(line);
  });
});
