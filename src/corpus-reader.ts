// Wiring for the local corpus: reads an input with the same reader as reports (and the PDF reader), splits
// it into passages, and hands the corpus store a document to index.
import type { CorpusDocumentInput } from "./adapters/store/corpus-store.js";
import { ShirabeError } from "./errors.js";
import { readArticle } from "./pipeline.js";
import type { HttpClient, HttpResponse } from "./ports/http.js";
import { splitPassages } from "./stages/passages.js";
import { extractPdf, looksLikePdf, pageAt, readPdfSource } from "./stages/research/pdf.js";
import type { Article } from "./types.js";

/** Reads one corpus input (URL, file or PDF) into the document the corpus stores, with its passages. */
export async function readCorpusDocument(
  input: string,
  http: HttpClient,
  encoding: string | undefined,
): Promise<CorpusDocumentInput> {
  const isUrl = /^https?:\/\//i.test(input);
  if (!isUrl && looksLikePdf(input)) {
    const { article, pageStarts } = await readPdfSource(input, http);
    return document(input, article, "application/pdf", pageStarts);
  }
  let client = http;
  if (isUrl) {
    // One request decides PDF or page; a page is then read from that same response, not fetched again.
    const response = await http.get(input);
    const ok = response.status >= 200 && response.status <= 299;
    if (ok && isPdf(response)) return pdfDocument(response.url, response.body);
    client = { get: (url, options) => (url === input ? Promise.resolve(response) : http.get(url, options)) };
  }
  const { page, article } = await readArticle(input, { http: client }, encoding ? { encoding } : {});
  return document(isUrl ? page.url : input, article, page.contentType, null);
}

function isPdf(response: HttpResponse): boolean {
  const type = (response.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase();
  return (
    type === "application/pdf" || Buffer.from(response.body.subarray(0, 5)).toString("latin1") === "%PDF-"
  );
}

async function pdfDocument(location: string, bytes: Uint8Array): Promise<CorpusDocumentInput> {
  const { article, pageStarts } = await extractPdf(bytes, location);
  if (article.blocks.length === 0) {
    throw new ShirabeError(`${location}: the PDF has no text layer (a scan?); run OCR on it first`, {
      code: "no-article-text",
      kind: "input",
      input: location,
    });
  }
  return document(location, article, "application/pdf", pageStarts);
}

function document(
  location: string,
  article: Article,
  contentType: string,
  pageStarts: number[] | null,
): CorpusDocumentInput {
  const passages = splitPassages({ id: "c", role: "provided", input: location, article });
  // A headline the body does not repeat is still what people search for, so it is kept as a passage.
  const title = article.title.trim();
  const headline = title && !passages.some((passage) => passage.text.includes(title)) ? [title] : [];
  return {
    location,
    title: article.title,
    siteName: article.siteName,
    lang: article.lang,
    publishedAt: article.publishedAt,
    contentType,
    passages: [
      ...headline.map((text) => ({ text, page: pageStarts ? 1 : null })),
      ...passages.map((passage) => ({
        text: passage.text,
        page: pageStarts ? pageAt(pageStarts, passage.start) : null,
      })),
    ],
  };
}
