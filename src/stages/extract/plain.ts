// Plain text → Article: the first line is the title, blank lines separate paragraphs.
import type { Article, Block, DecodedPage } from "../../types.js";
import { articleText, detectLang, hostOf } from "./_text.js";

export function extractPlainText(page: DecodedPage): Article {
  const paragraphs = page.text
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((chunk) => chunk.replace(/\s+/g, " ").trim())
    .filter(Boolean);
  const firstLine = page.text.trim().split("\n")[0]?.replace(/\s+/g, " ").trim() ?? "";
  // A first paragraph that is only the title line is the title, not body text — unless it is all there is.
  if (paragraphs[0] === firstLine && paragraphs.length > 1) paragraphs.shift();
  const blocks: Block[] = paragraphs.map((text) => ({ type: "paragraph", text }));
  const text = articleText(blocks);
  return {
    url: page.url,
    canonicalUrl: null,
    title: firstLine,
    siteName: hostOf(page.url),
    author: null,
    publishedAt: null,
    lang: detectLang(text || firstLine),
    blocks,
    text,
    links: [],
  };
}
