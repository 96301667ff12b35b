// The extract stage: a decoded page in, its main text and metadata out.
import { stripControlCharacters as clean } from "../../text/control-characters.js";
import type { Article, Block, DecodedPage } from "../../types.js";
import { articleText } from "./article-text.js";
import { extractHtml } from "./html-article.js";
import { extractMarkdown } from "./markdown-article.js";
import { extractPdfArticle } from "./pdf-article.js";
import { extractPlainText } from "./plain-article.js";

export function extractArticle(doc: DecodedPage): Article {
  const type = doc.contentType.toLowerCase();
  if (type === "text/markdown" || type === "text/x-markdown") return withoutControls(extractMarkdown(doc));
  if (type === "text/plain") return withoutControls(extractPlainText(doc));
  if (type === "application/pdf") return withoutControls(extractPdfArticle(doc));
  return withoutControls(extractHtml(doc));
}

/**
 * Page text is untrusted: control characters (ESC from a title, or `&#27;` the parser decoded) are
 * removed from every string the article carries, after parsing, so nothing downstream can print them.
 * A PDF's text keeps its offsets (its page starts index it), so only its blocks and metadata are cleaned.
 */
function withoutControls(article: Article): Article {
  const optional = (text: string | null) => (text === null ? null : clean(text));
  const blocks = article.blocks.map(cleanBlock);
  return {
    ...article,
    title: clean(article.title),
    siteName: optional(article.siteName),
    author: optional(article.author),
    blocks,
    text: article.pageStarts ? article.text : articleText(blocks),
    links: article.links.map((link) => ({ ...link, text: clean(link.text) })),
    ...(article.citedLinks
      ? { citedLinks: article.citedLinks.map((link) => ({ ...link, text: clean(link.text) })) }
      : {}),
  };
}

function cleanBlock(block: Block): Block {
  switch (block.type) {
    case "list":
      return { ...block, items: block.items.map(clean) };
    case "table":
      return { ...block, rows: block.rows.map((row) => row.map(clean)) };
    default:
      return { ...block, text: clean(block.text) };
  }
}
