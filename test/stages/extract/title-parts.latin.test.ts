// Titles in spaced scripts: the short section and site names after the headline go even when the page
// declares no site name (a saved file has no host either), because the report quotes the clean title.
import { describe, expect, it } from "vitest";
import { extractArticle } from "../../../src/stages/extract/index.js";
import { decoded, newsPage, PROSE, paragraphs } from "../../support/extract-pages.js";

const titleOf = (head: string, article = paragraphs()) =>
  extractArticle(decoded(newsPage(article, head, 'lang="en"'))).title;

describe("titles in English and other spaced scripts", () => {
  it("drops short section and site parts after the headline", () => {
    expect(titleOf("<title>Council approves the riverside park plan | Riverside Daily</title>")).toBe(
      "Council approves the riverside park plan",
    );
    expect(titleOf("<title>Bridge repairs will close two lanes - Local News - The Courier</title>")).toBe(
      "Bridge repairs will close two lanes",
    );
    expect(titleOf("<title>Striker to miss at least ten days — Posted Sports</title>")).toBe(
      "Striker to miss at least ten days",
    );
  });

  it("keeps a last part written as a headline, or that is the page's heading", () => {
    const headline = "Channel 9 - City News, Weather and Traffic | Striker signs for a second season";
    expect(titleOf(`<title>${headline}</title>`)).toBe(headline);
    const topic = "<title>Rising rivers and the farms along them | Water Policy</title>";
    expect(titleOf(topic, `<h2>Water Policy</h2>${paragraphs()}`)).toBe(
      "Rising rivers and the farms along them | Water Policy",
    );
  });

  it("keeps a title whose last part is as long as what comes before, or whose head is too short", () => {
    const even = "Markets rally on rate hopes - but bond traders stay wary of a turn";
    expect(titleOf(`<title>${even}</title>`)).toBe(even);
    expect(titleOf("<title>Jane Roe | notebook</title>")).toBe("Jane Roe | notebook");
    expect(titleOf("<title>In memory of a harbour pilot, 1931 - 2004</title>")).toBe(
      "In memory of a harbour pilot, 1931 - 2004",
    );
    expect(titleOf("<title>Four Bands Confirmed For The Festival – And One Surprise!</title>")).toBe(
      "Four Bands Confirmed For The Festival – And One Surprise!",
    );
    expect(titleOf("<title>Well-known long-term plan for the city</title>")).toBe(
      "Well-known long-term plan for the city",
    );
  });
});

describe("a page that declares no title", () => {
  it("takes its first sentence when that is short enough to be a headline", () => {
    const lead = "Council expands the riverside park.";
    expect(titleOf("", paragraphs([lead, ...PROSE]))).toBe(lead);
    // A long first sentence is no headline: the report names the page's address instead.
    expect(titleOf("", paragraphs())).toBe("");
  });
});
