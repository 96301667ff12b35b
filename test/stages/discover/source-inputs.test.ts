// Which inputs become sources: the article's own links (no social/share/ads), and --sources folders.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { citedLinks, classifyInput, expandSourceInputs } from "../../../src/stages/discover/source-inputs.js";
import type { Article } from "../../../src/types.js";
import { tempDir } from "../../support/temp.js";

function article(url: string, links: string[]): Article {
  return {
    url,
    canonicalUrl: null,
    title: "t",
    siteName: null,
    author: null,
    publishedAt: null,
    lang: "en",
    blocks: [{ type: "paragraph", text: "x" }],
    text: "x",
    links: links.map((link) => ({ url: link, text: "anchor" })),
  };
}

describe("citedLinks", () => {
  it("keeps evidence links in order and drops social, share, ad, self and duplicate links", () => {
    const links = citedLinks(
      article("https://news.example/a#top", [
        "https://think.example/report",
        "https://twitter.com/intent/tweet?url=x",
        "https://www.facebook.com/sharer/sharer.php?u=x",
        "https://ad.doubleclick.net/click",
        "https://news.example/a",
        "https://think.example/report#section-2",
        "mailto:editor@news.example",
        "https://news.example/newsletter/",
        "https://gov.example/plan.html",
      ]),
      { maxLinks: 10 },
    );
    expect(links).toEqual(["https://think.example/report", "https://gov.example/plan.html"]);
  });

  it("stops at maxLinks", () => {
    const many = Array.from({ length: 20 }, (_, index) => `https://s${index}.example/`);
    expect(citedLinks(article("https://news.example/a", many), { maxLinks: 3 })).toHaveLength(3);
  });

  it("follows local files only from a local article, and only inside its folder", () => {
    const dir = tempDir();
    const local = article(pathToFileURL(join(dir, "article.html")).href, [
      pathToFileURL(join(dir, "source.html")).href,
      "file:///etc/passwd",
    ]);
    expect(citedLinks(local, { maxLinks: 10 })).toEqual([join(dir, "source.html")]);
    const remote = article("https://news.example/a", ["file:///etc/passwd"]);
    expect(citedLinks(remote, { maxLinks: 10 })).toEqual([]);
  });

  it("skips file links that name no local path instead of failing the whole report", () => {
    const dir = tempDir();
    const base = pathToFileURL(join(dir, "article.html")).href;
    const local = article(base, [
      "file://fileserver/share/notes.html",
      new URL("a%2Fb.html", base).href,
      pathToFileURL(join(dir, "source.html")).href,
    ]);
    expect(citedLinks(local, { maxLinks: 10 })).toEqual([join(dir, "source.html")]);
  });
});

describe("expandSourceInputs", () => {
  it("turns a folder into its readable source files, sorted, and keeps URLs", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "sub"));
    for (const name of ["b.md", "a.html", "sub/c.txt", "image.png"]) writeFileSync(join(dir, name), "x");
    const inputs = await expandSourceInputs([dir, "https://x.example/"]);
    expect(inputs).toEqual([
      join(dir, "a.html"),
      join(dir, "b.md"),
      join(dir, "sub/c.txt"),
      "https://x.example/",
    ]);
  });

  it("names a missing path", async () => {
    await expect(expandSourceInputs(["/no/such/folder"])).rejects.toThrow("/no/such/folder");
  });
});

describe("classifyInput", () => {
  it("tells URLs from files and refuses other schemes", () => {
    expect(classifyInput("https://a.example/").kind).toBe("url");
    expect(classifyInput("article.md").kind).toBe("file");
    expect(() => classifyInput("javascript:alert(1)")).toThrow(/only http\(s\) URLs and local files/);
  });
});
