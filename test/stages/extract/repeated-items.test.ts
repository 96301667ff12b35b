import { describe, expect, it } from "vitest";
import { extractArticle } from "../../../src/stages/extract/index.js";
import { decoded, html, PROSE } from "../../support/extract-pages.js";

const EPISODES = [
  "The crew reaches the island at dawn and finds the lighthouse keeper gone, his logbook open on the table.",
  "A storm cuts the island off from the mainland while the crew argues over who last saw the keeper alive.",
  "The missing keeper's daughter arrives by boat with a map that does not match any chart the crew has seen.",
  "The lighthouse lamp is lit again for the first time in years, and a ship answers its signal from the fog.",
];

describe("pages of like items", () => {
  it("reads every item of an episode list, though each item's buttons outweigh its description", () => {
    const items = EPISODES.map(
      (text, at) => `<div class="item ${at % 2 ? "odd" : "even"}"><div class="info">
        <h4><a href="/ep/${at}">Episode ${at + 1}</a></h4><div class="description">${text}</div></div>
        <div class="tools"><a href="/rate/${at}">Rate this episode</a> <a href="/list/${at}">Add it to your watchlist</a>
        <a href="/share/${at}">Share with friends</a> <a href="/trailer/${at}">Watch the trailer</a></div></div>`,
    ).join("");
    const page = html(`
      <nav><a href="/">Home</a> <a href="/shows">Shows</a> <a href="/news">News</a></nav>
      <div class="main"><h1>The Keeper: episode list</h1><div class="episodes">${items}</div></div>
      <footer><p>© 2025 Example Listings. All rights reserved.</p></footer>`);
    const text = extractArticle(decoded(page)).text;
    for (const episode of EPISODES) expect(text).toContain(episode);
    expect(text).not.toContain("All rights reserved");
  });

  it("keeps an article's own paragraphs, not the teaser cards listed under it", () => {
    const cards = EPISODES.map(
      (text, at) => `<div class="card"><h4><a href="/story/${at}">Story ${at}</a></h4><p>${text}</p></div>`,
    ).join("");
    const page = html(`
      <article><h1>Park vote</h1>${PROSE.map((text) => `<p>${text}</p>`).join("")}</article>
      <aside class="more"><h3>More stories</h3>${cards}</aside>`);
    const text = extractArticle(decoded(page)).text;
    for (const paragraph of PROSE) expect(text).toContain(paragraph);
    for (const teaser of EPISODES) expect(text).not.toContain(teaser);
  });
});
