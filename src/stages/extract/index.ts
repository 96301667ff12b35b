// The extract stage: a decoded page in, its main text and metadata out.
import type { Article, DecodedPage } from "../../types.js";
import { extractHtml } from "./html-article.js";
import { extractMarkdown } from "./markdown.js";
import { extractPlainText } from "./plain.js";

export function extractArticle(doc: DecodedPage): Article {
  const type = doc.contentType.toLowerCase();
  if (type === "text/markdown" || type === "text/x-markdown") return extractMarkdown(doc);
  if (type === "text/plain") return extractPlainText(doc);
  return extractHtml(doc);
}
