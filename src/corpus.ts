// Wiring for the local corpus: reads an input with the same reader as reports (PDF included), splits it
// into passages, and hands the corpus store a document to index.
import type { CorpusDocumentInput } from "./adapters/store/corpus.js";
import type { HttpClient } from "./ports/http.js";
import { readArticle } from "./source-reader.js";
import { splitPassages } from "./stages/passages/index.js";

/** Reads one corpus input (URL, file or PDF) into the document the corpus stores, with its passages. */
export async function readCorpusDocument(
  input: string,
  http: HttpClient,
  encoding: string | undefined,
): Promise<CorpusDocumentInput> {
  const isUrl = /^https?:\/\//i.test(input);
  const { page, article } = await readArticle(input, { http }, encoding ? { encoding } : {});
  const location = isUrl ? page.url : input;
  const passages = splitPassages({ id: "c", role: "provided", input: location, article });
  const paged = article.pageStarts !== undefined;
  // A headline the body does not repeat is still what people search for, so it is kept as a passage.
  const title = article.title.trim();
  const headline = title && !passages.some((passage) => passage.text.includes(title)) ? [title] : [];
  return {
    location,
    title: article.title,
    siteName: article.siteName,
    lang: article.lang,
    publishedAt: article.publishedAt,
    contentType: page.contentType,
    passages: [
      ...headline.map((text) => ({ text, page: paged ? 1 : null })),
      ...passages.map((passage) => ({ text: passage.text, page: passage.page ?? null })),
    ],
  };
}
