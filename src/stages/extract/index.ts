// The extract stage: a decoded page in, its main text and metadata out.
import type { Article, DecodedPage } from "../../types.js";
import { extractHtml } from "./html.js";
import { extractMarkdown } from "./markdown.js";
import { extractPdfArticle } from "./pdf-article.js";
import { extractPlainText } from "./plain.js";

export function extractArticle(doc: DecodedPage): Article {
  const type = doc.contentType.toLowerCase();
  if (type === "text/markdown" || type === "text/x-markdown") return extractMarkdown(doc);
  if (type === "text/plain") return extractPlainText(doc);
  if (type === "application/pdf") return extractPdfArticle(doc);
  return extractHtml(doc);
}
