import { describe, expect, it } from "vitest";
import { extractArticle } from "../../../src/stages/extract/index.js";
import { runWithDeadline } from "../../support/deadline.js";
import { decoded, PROSE } from "../../support/extract-pages.js";

describe("Markdown input", () => {
  const markdown = `# Park vote: council says yes

The council voted to expand the [riverside park](https://city.example/park) on Tuesday.

## What changes

- Four hectares of *wetland*
- A new footbridge

> This is a park for the next century.

1. Survey
2. Build

See the [minutes][m] and <https://maps.example.org/park>.

[m]: https://city.example/minutes.pdf
`;

  it("parses headings, lists, quotes and paragraphs into blocks; title from the first # heading", () => {
    const article = extractArticle(decoded(markdown, "file:///tmp/park.md", "text/markdown"));
    expect(article.title).toBe("Park vote: council says yes");
    expect(article.blocks).toEqual([
      { type: "paragraph", text: "The council voted to expand the riverside park on Tuesday." },
      { type: "heading", level: 2, text: "What changes" },
      { type: "list", ordered: false, items: ["Four hectares of wetland", "A new footbridge"] },
      { type: "quote", text: "This is a park for the next century." },
      { type: "list", ordered: true, items: ["Survey", "Build"] },
      { type: "paragraph", text: "See the minutes and https://maps.example.org/park." },
    ]);
    expect(article.lang).toBe("en");
  });

  it("takes the title from front matter, else the first heading, else the first line", () => {
    const fromFront = extractArticle(
      decoded(
        `---\ntitle: "Park vote"\ndate: 2025-02-04\n---\n\n${PROSE[0]}\n`,
        "file:///p.md",
        "text/markdown",
      ),
    );
    expect([fromFront.title, fromFront.publishedAt, fromFront.text]).toEqual([
      "Park vote",
      "2025-02-04",
      PROSE[0],
    ]);
    const fromH2 = extractArticle(
      decoded(`## What changes\n\n${PROSE[0]}\n`, "file:///p.md", "text/markdown"),
    );
    expect(fromH2.title).toBe("What changes");
    const fromLine = extractArticle(decoded(`${PROSE[0]}\n\n${PROSE[1]}\n`, "file:///p.md", "text/markdown"));
    expect([fromLine.title, fromLine.blocks.length]).toEqual([PROSE[0], 2]);
  });

  it("resolves a local document's relative links to files beside it, but not a fetched one's", () => {
    const text = "See [the source](source.html) and [the map](https://maps.example.org/park).\n";
    const local = extractArticle(decoded(text, "file:///tmp/notes/park.md", "text/markdown"));
    expect(local.links.map((link) => link.url)).toEqual([
      "file:///tmp/notes/source.html",
      "https://maps.example.org/park",
    ]);
    const fetched = extractArticle(decoded(text, "https://x.example/park.md", "text/markdown"));
    expect(fetched.links.map((link) => link.url)).toEqual([
      "https://x.example/source.html",
      "https://maps.example.org/park",
    ]);
  });

  it("collects inline, reference and autolinks", () => {
    const article = extractArticle(decoded(markdown, "file:///tmp/park.md", "text/markdown"));
    expect(article.links).toEqual([
      { url: "https://city.example/park", text: "riverside park" },
      { url: "https://city.example/minutes.pdf", text: "minutes" },
      { url: "https://maps.example.org/park", text: "https://maps.example.org/park" },
    ]);
  });

  // A fetched or uploaded Markdown file of unclosed brackets or tags made every inline scan run to the end
  // of the text: hours for 2 MiB, with the server's event loop blocked. Run in a child process so a hang
  // fails the test at the deadline instead of freezing the test runner.
  it("reads a file of unclosed brackets and tags instead of hanging", async () => {
    const modules = ["../../../src/stages/extract/index.ts", "../../support/extract-pages.ts"].map(
      (path) => new URL(path, import.meta.url).href,
    );
    const code = `const { extractArticle } = await import(${JSON.stringify(modules[0])});
      const { decoded } = await import(${JSON.stringify(modules[1])});
      for (const junk of ["[", "<a", "![](", "[a]("]) {
        const text = "# Junk\\n\\n" + junk.repeat(400000 / junk.length) + "\\n\\nThe council approved the park.\\n";
        const article = extractArticle(decoded(text, "https://x.example/junk.md", "text/markdown"));
        console.log(article.text.includes("The council approved the park."));
      }`;
    const { exitCode, output } = await runWithDeadline(code);
    expect(exitCode).toBe(0);
    expect(output.split("\n")).toEqual(["true", "true", "true", "true"]);
  }, 30_000);
});
