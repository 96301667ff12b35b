import { describe, expect, it } from "vitest";
import { extractArticle } from "../../../src/stages/extract/index.js";
import { closeRunawayTitle } from "../../../src/stages/extract/runaway-title.js";
import { decoded, PROSE, paragraphs } from "../../support/extract-pages.js";

const article = `<div class="story">${paragraphs()}</div>`;

describe("malformed pages keep their body", () => {
  it("closes a <title> whose end tag is misspelt, so the body is not read as the title", () => {
    const page = `<html><head><title>Park vote - Daily</titlevalue="true" -->\n</head><body>${article}</body></html>`;
    const extracted = extractArticle(decoded(page));
    expect(extracted.text).toBe(PROSE.join("\n\n"));
    expect(extracted.title).toBe("Park vote - Daily");
  });

  it("closes a <title> that a cut-off page never closes", () => {
    const page = `<html><head><title>Park vote\n<script src="a.js"></script></head><body>${article}</body></html>`;
    expect(extractArticle(decoded(page)).text).toBe(PROSE.join("\n\n"));
  });

  it("leaves a properly closed title alone", () => {
    const page = "<title>Park <vote> & more</title><p>x</p>";
    expect(closeRunawayTitle("<title>Park vote</title><p>x</p>")).toBe("<title>Park vote</title><p>x</p>");
    expect(closeRunawayTitle(page)).toBe(page);
  });

  it("reads content after an early </html> as body, as browsers do", () => {
    const page = `<html><head><title>Park vote</title></head><body><div class="nav">Home</div></html>
      <div class="content">${article}</div></body></html>`;
    expect(extractArticle(decoded(page)).text).toBe(PROSE.join("\n\n"));
  });

  it("does not read a page wrapped in an unclosed named anchor as one big link", () => {
    const page = `<html><body><a name="top"><div class="nav"><a href="/">Home</a></div>${article}</body></html>`;
    expect(extractArticle(decoded(page)).text).toBe(PROSE.join("\n\n"));
  });
});
