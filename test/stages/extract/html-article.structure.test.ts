import { describe, expect, it } from "vitest";
import { extractArticle } from "../../../src/stages/extract/index.js";
import { decoded, html } from "../../support/extract-pages.js";

const CAST = [
  ["Harriet Vane", "Detective Inspector Moss", "(6 episodes, 2024)"],
  ["Peter Lindqvist", "Sergeant Okafor", "(6 episodes, 2024)"],
  ["Amira Haddad", "Dr. Eleanor Price", "(5 episodes, 2024)"],
  ["Tomás Ferreira", "Young Moss", "(3 episodes, 2024)"],
  ["Grace Whitfield", "The Harbourmaster", "(2 episodes, 2024)"],
  ["Oliver Mbeki", "Constable Reyes", "(2 episodes, 2024)"],
];

describe("a page of tables with one short sentence", () => {
  it("reads the cast table, not the app blurb in the footer", () => {
    const rows = CAST.map((row) => `<tr>${row.map((cell) => `<td>${cell}</td>`).join("")}</tr>`).join("");
    const page = html(`
      <nav><a href="/">Home</a> <a href="/shows">Shows</a> <a href="/people">People</a></nav>
      <div class="main"><h1>Harbour Lights: full cast</h1><h2>Series cast</h2><table>${rows}</table></div>
      <footer><p>Find showtimes, watch trailers and rate your favourite shows on your phone or tablet!</p></footer>`);
    const text = extractArticle(decoded(page)).text;
    for (const [actor, role] of CAST) {
      expect(text).toContain(actor);
      expect(text).toContain(role);
    }
    expect(text).not.toContain("Find showtimes");
  });
});
