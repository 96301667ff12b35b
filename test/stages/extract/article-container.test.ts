import { describe, expect, it } from "vitest";
import { extractArticle } from "../../../src/stages/extract/index.js";
import { decoded, html, PROSE } from "../../support/extract-pages.js";

describe("choosing the article's container", () => {
  it("reads a post that is one short intro line and a long list of sentences", () => {
    const items = [
      ...PROSE,
      "Residents who spoke at the hearing mostly backed the plan, though several asked for more lighting on the paths.",
    ];
    const page = html(`
      <div class="post"><h1>Notes from the week</h1>
        <p>Here is what happened this week:</p>
        <ul>${items.map((item) => `<li>${item}</li>`).join("")}</ul>
      </div>
      <div class="sidebar"><p>This blog is written by one person in her spare time, since 2009, about the
        city, its parks, its council and the people who turn up to its meetings on Tuesday nights.</p></div>`);
    const text = extractArticle(decoded(page)).text;
    for (const item of items) expect(text).toContain(item);
    expect(text).not.toContain("spare time");
  });
});

/** A short post whose two paragraphs sit either side of a link list longer than the first of them. */
function postAroundLinkList(lastParagraph: string): string {
  const links = [
    "All of our garden projects, from raised beds to rain barrels",
    "A greenhouse built from old windows in one weekend",
    "Drip irrigation for balconies with a soda bottle",
    "Twelve herbs that grow in the shade of a city yard",
    "Composting in a flat without a garden or a balcony",
  ];
  return html(`
    <div class="entry"><h1>Balcony tomatoes in buckets</h1>
      <p>${PROSE[0]}</p>
      <h3>Popular projects:</h3>
      <ul>${links.map((text, at) => `<li><a href="/p/${at}">${text}</a></li>`).join("")}</ul>
      ${lastParagraph}
    </div>`);
}

describe("a lone paragraph and its siblings", () => {
  it("keeps a short post's paragraphs together when a link list between them outweighs one of them", () => {
    const text = extractArticle(decoded(postAroundLinkList(`<p>${PROSE[1]}</p>`))).text;
    expect(text).toContain(PROSE[0]);
    expect(text).toContain(PROSE[1]);
    expect(text).not.toContain("greenhouse");
  });

  it("keeps a closing paragraph well under half the length of the first", () => {
    const closing = "We picked the first ripe ones in the middle of July.";
    expect(closing.length).toBeLessThan((PROSE[0] as string).length / 2);
    const text = extractArticle(decoded(postAroundLinkList(`<p>${closing}</p>`))).text;
    expect(text).toContain(PROSE[0]);
    expect(text).toContain(closing);
    expect(text).not.toContain("greenhouse");
  });

  it("treats a <p> broken by blank lines as one paragraph", () => {
    const last = `<p>${PROSE[1]}<br><br>Seedlings go out after the last frost, in May.</p>`;
    const text = extractArticle(decoded(postAroundLinkList(last))).text;
    expect(text).toContain(PROSE[0]);
    expect(text).toContain("Seedlings go out after the last frost");
    expect(text).not.toContain("greenhouse");
  });
});

describe("link-dense lines inside the article", () => {
  it("keeps a sentence naming what it links, and still drops a menu line", () => {
    const page = html(`
      <div class="post"><h1>Bright coats for grey days</h1>
        <p>${PROSE[0]} ${PROSE[1]}</p>
        <p>Left to right, as worn on the runway:
          <a href="/shop/1">an ASOS woven floral tee with puff sleeves and a round neck</a> ($26, originally $49),
          <a href="/shop/2">a Victoria's Secret cocoon coat in tomato red boiled wool</a> ($109, originally $158),
          and <a href="/shop/3">Iris and Ink leather ankle boots with a stacked block heel</a> ($95), every one of
          them for less.</p>
        <p>${PROSE[2]}</p>
        <p><a href="/news">News</a> | <a href="/sport">Sport</a> | <a href="/money">Money</a> |
          <a href="/travel">Travel</a> | <a href="/culture">Culture</a> | <a href="/weather">Weather</a></p>
      </div>`);
    const text = extractArticle(decoded(page)).text;
    expect(text).toContain("Left to right, as worn on the runway: an ASOS woven floral tee");
    expect(text).toContain(PROSE[2]);
    expect(text).not.toContain("Weather");
  });
});

describe("the article's edges", () => {
  const lede =
    "The city has long been called a place where anyone can buy a home, whatever their income, and a new report says that is no longer so.";

  it("keeps an opening sentence set in a heading tag, and drops a short section label before the story", () => {
    const page = html(
      `<article><h3>Housing</h3><h2>${lede}</h2>${PROSE.map((text) => `<p>${text}</p>`).join("")}</article>`,
    );
    const text = extractArticle(decoded(page)).text;
    expect(text.startsWith(lede)).toBe(true);
    expect(text).not.toContain("Housing");
  });

  it("drops an 'ADVERTISING' label left where an ad was", () => {
    const [first, ...rest] = PROSE;
    const page = html(
      `<article><p>${first}</p><div class="slot"><div>ADVERTISING</div></div>${rest.map((text) => `<p>${text}</p>`).join("")}</article>`,
    );
    expect(extractArticle(decoded(page)).text).toBe(PROSE.join("\n\n"));
  });
});
