// Hostile markup: the parser's work is bounded while it parses, so a page under the 2 MiB upload limit is
// read (as far as it is reachable) instead of blocking for minutes, and no later walk overflows the stack.
import { describe, expect, it } from "vitest";
import { elements } from "../../../src/stages/extract/dom.js";
import { extractArticle } from "../../../src/stages/extract/index.js";
import { PARSE_LIMITS, parseHtml } from "../../../src/stages/extract/parse-html.js";
import { runWithDeadline } from "../../support/deadline.js";
import { decoded, html, PROSE, paragraphs } from "../../support/extract-pages.js";

function depthOf(root: ReturnType<typeof parseHtml>["document"]): number {
  let deepest = 0;
  for (const element of elements(root)) {
    let depth = 0;
    for (let node = element.parent; node && node.type !== "root"; node = node.parent) depth++;
    deepest = Math.max(deepest, depth);
  }
  return deepest;
}

describe("bounded parsing", () => {
  it("builds no element deeper than the depth limit, and keeps the text inside", () => {
    const { document, truncated } = parseHtml(`<main>${"<div>".repeat(5000)}deep text</main><p>after</p>`);
    expect(depthOf(document)).toBeLessThanOrEqual(PARSE_LIMITS.maxDepth);
    expect(truncated).toBe(false);
    const texts = [...elements(document)].map((element) =>
      element.children.map((c) => ("data" in c ? c.data : "")).join(""),
    );
    expect(texts).toContain("deep text");
    // The closing tags of ignored elements do not close their ancestors: <p> is still a sibling of <main>.
    const p = [...elements(document)].find((element) => element.name === "p");
    expect(p?.parent && "name" in p.parent ? p.parent.name : "root").toBe("root");
  });

  it("stops at the element limit and says so, keeping what came before", () => {
    const { document, truncated } = parseHtml(`<p>first</p>${"<i>x</i>".repeat(100)}`, {
      ...PARSE_LIMITS,
      maxElements: 20,
    });
    expect(truncated).toBe(true);
    expect([...elements(document)].length).toBeLessThanOrEqual(20);
    expect([...elements(document)][0]?.name).toBe("p");
  });

  it("reads the prose around a nesting bomb", () => {
    const page = html(
      `${paragraphs(PROSE.slice(0, 2))}${"<div><font>".repeat(20_000)}${paragraphs(PROSE.slice(2))}`,
    );
    const text = extractArticle(decoded(page)).text;
    expect(text).toContain(PROSE[0]);
    expect(text).toContain(PROSE[2]);
  });

  // Unclosed tags made htmlparser2's parse quadratic in their depth: minutes for a 2 MiB page, with the
  // server's event loop blocked. Run in a child process so a hang fails at the deadline.
  it("extracts 2 MiB pages of unclosed or stray tags instead of hanging", async () => {
    const modules = ["../../../src/stages/extract/index.ts", "../../support/extract-pages.ts"].map(
      (path) => new URL(path, import.meta.url).href,
    );
    const code = `const { extractArticle } = await import(${JSON.stringify(modules[0])});
      const { decoded, PROSE } = await import(${JSON.stringify(modules[1])});
      const size = 2 * 1024 * 1024 - 4096;
      for (const unit of ["<div>", "<span a=1>", "<table><tr><td>", "<ul><li>", "<p>x", "<i>x</i>", "</span>"]) {
        const page = "<p>" + PROSE[0] + "</p>" + "<div>".repeat(400) + unit.repeat(Math.floor(size / unit.length));
        console.log(extractArticle(decoded(page)).text.includes(PROSE[0]));
      }`;
    const { exitCode, output } = await runWithDeadline(code);
    expect(exitCode).toBe(0);
    expect(output.split("\n")).toEqual(Array(7).fill("true"));
  }, 30_000);
});

describe("JSON-LD nested thousands of levels deep", () => {
  it("is read without overflowing the stack", () => {
    const depth = 100_000;
    const blocks = [
      "[".repeat(depth) + "]".repeat(depth),
      `${'{"@graph":'.repeat(depth)}{}${"}".repeat(depth)}`,
      `{"@type":"NewsArticle","author":${"[".repeat(depth)}"Ann"${"]".repeat(depth)}}`,
      `{"@type":"NewsArticle","publisher":${'{"name":'.repeat(depth)}"X"${"}".repeat(depth)}}`,
    ];
    for (const block of blocks) {
      const page = html(paragraphs(), `<script type="application/ld+json">${block}</script>`);
      expect(extractArticle(decoded(page)).text).toContain(PROSE[0]);
    }
  });
});
