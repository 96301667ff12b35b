// The Markdown export rendered the way a reader opens it: by a CommonMark renderer at its defaults (and
// with GitHub's extensions). Nothing that came from a page may reach that renderer as HTML or as a link.
import type { Nodes, Root } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfm } from "micromark-extension-gfm";
import { describe, expect, it } from "vitest";
import { checkReport } from "../../../src/stages/check/index.js";
import { renderMarkdown } from "../../../src/stages/render/render-markdown.js";
import { hasControlCharacters } from "../../../src/text/control-characters.js";
import { MARKUP_PAYLOADS, markupReport } from "../../support/hostile-report.js";

/** Every node of the tree in document order. */
function nodes(tree: Root): Nodes[] {
  const all: Nodes[] = [];
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop() as Nodes;
    all.push(node);
    if ("children" in node)
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes);
  }
  return all;
}

/** The text a reader sees in a node, as the renderer decoded it. */
function shown(node: Nodes): string {
  if ("value" in node) return node.value;
  return "children" in node ? node.children.map(shown).join("") : "";
}

const TREES = {
  commonmark: (markdown: string) => fromMarkdown(markdown),
  gfm: (markdown: string) =>
    fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }),
};

describe("renderMarkdown with hostile pages", () => {
  const report = markupReport();
  const markdown = renderMarkdown(report);

  for (const [name, parse] of Object.entries(TREES)) {
    it(`gives a ${name} renderer no HTML, no page-made link and no control character`, () => {
      const all = nodes(parse(markdown));
      expect(all.filter((node) => node.type === "html").map(shown)).toEqual([]);
      expect(all.filter((node) => node.type === "image")).toEqual([]);
      const links = all.filter((node) => node.type === "link");
      // The two references and the original article; GFM also autolinks the bare https:// address.
      for (const link of links) expect(link.url).not.toMatch(/^\s*javascript:/i);
      expect(links.filter((link) => /^\[\d+\]:/.test(shown(link)))).toHaveLength(2);
      expect(hasControlCharacters(shown(parse(markdown)))).toBe(false);
      expect(hasControlCharacters(markdown)).toBe(false);
    });
  }

  it("shows every sentence, title and heading exactly as the page wrote it", () => {
    const all = nodes(TREES.commonmark(markdown));
    const paragraphs = all.filter((node) => node.type === "paragraph").map(shown);
    const claims = report.passages.map((passage) => passage.text);
    expect(claims.length).toBeGreaterThan(MARKUP_PAYLOADS.length);
    for (const claim of claims)
      expect(paragraphs).toContain(`${claim}[${claim.startsWith("A second") ? 2 : 1}]`);
    expect(paragraphs.join(" ")).toContain(MARKUP_PAYLOADS[0]);
    const headings = all.filter((node) => node.type === "heading").map(shown);
    expect(headings).toContain("Report <script>alert(8)</script> 31m");
    expect(headings).toContain("Theme <img src=x onerror=alert(9)> [t](javascript:1)");
    expect(headings).toContain("Sub <u>theme</u> ##");
    const original = all.filter((node) => node.type === "link").at(-1);
    expect(original && shown(original)).toBe(
      "Title <svg onload=alert(4)> ]0;pwned [x](javascript:alert(5)) #",
    );
    expect(original?.type === "link" && original.url).toBe("https://x.test/a?q=%5B1%5D&copy;%282%29");
  });

  it("still passes the format checker, every sentence found in its source", () => {
    expect(checkReport(markdown, { lang: "en", sources: report.sources, passages: report.passages })).toEqual(
      [],
    );
  });
});
