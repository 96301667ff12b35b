// PDF → Article, keeping where each page starts so passages can cite "p. 7". PDF text comes as visual
// lines; lines are joined back into paragraphs (a line that does not end a sentence continues on the next).
import { readFile, stat } from "node:fs/promises";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { extractText, getDocumentProxy, getMeta } from "unpdf";
import { ShirabeError } from "../../errors.js";
import type { HttpClient } from "../../ports/http.js";
import type { Article, Block, Page } from "../../types.js";

/** Reports and filings run larger than articles; past this a PDF is refused rather than read into memory. */
const MAX_PDF_BYTES = 50 * 1024 * 1024;
/** A title longer than this is a paragraph, not a title. */
const MAX_TITLE_CHARS = 200;
/** A line shorter than this share of the page's longest line ends its paragraph. */
const SHORT_LINE = 0.6;
const SENTENCE_END = /[.!?:。！？」』)）]$/u;
const CJK_END = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー、]$/u;

export interface PdfArticle {
  article: Article;
  /** Offset in `article.text` where each page begins; index 0 is page 1. */
  pageStarts: number[];
}

/** Reads a PDF's text page by page. Throws a ShirabeError (kind "input") for a file that is not a readable PDF. */
export async function extractPdf(bytes: Uint8Array, url: string): Promise<PdfArticle> {
  let pages: string[];
  let info: Record<string, unknown>;
  try {
    // pdf.js takes ownership of the buffer it is given, so it gets a copy.
    const document = await getDocumentProxy(new Uint8Array(bytes));
    pages = (await extractText(document, { mergePages: false })).text;
    info = (await getMeta(document)).info as Record<string, unknown>;
  } catch (error) {
    throw new ShirabeError(
      `${url}: not a readable PDF (${error instanceof Error ? error.message : String(error)}); check the file or export it again`,
      { code: "bad-pdf", kind: "input", input: url, cause: error },
    );
  }
  const blocks: Block[] = [];
  const pageStarts: number[] = [];
  let text = "";
  for (const page of pages) {
    pageStarts.push(text.length === 0 ? 0 : text.length + 2);
    for (const paragraph of paragraphs(page)) {
      text += text.length === 0 ? paragraph : `\n\n${paragraph}`;
      blocks.push({ type: "paragraph", text: paragraph });
    }
  }
  const declaredTitle = typeof info.Title === "string" ? info.Title.trim() : "";
  const firstLine =
    pages[0]
      ?.split("\n")
      .find((line) => line.trim() !== "")
      ?.trim() ?? "";
  const title =
    declaredTitle || (firstLine.length <= MAX_TITLE_CHARS ? firstLine : "") || url.split("/").pop() || url;
  const language = typeof info.Language === "string" ? info.Language.split("-")[0]?.toLowerCase() : undefined;
  return {
    article: {
      url,
      canonicalUrl: null,
      title,
      siteName: null,
      author: typeof info.Author === "string" && info.Author.trim() ? info.Author.trim() : null,
      publishedAt: null,
      lang: language || null,
      blocks,
      text,
      links: [],
    },
    pageStarts,
  };
}

/** The 1-based page that the character at `offset` is on. */
export function pageAt(pageStarts: number[], offset: number): number {
  let page = 1;
  pageStarts.forEach((start, index) => {
    if (start <= offset) page = index + 1;
  });
  return page;
}

/**
 * Joins a page's visual lines into paragraphs, undoing hyphenation at line ends. A line ends its
 * paragraph when it ends a sentence or is clearly shorter than a full line (a heading, a last line).
 */
function paragraphs(page: string): string[] {
  const lines = page.split("\n").map((line) => line.replace(/\s+/g, " ").trim());
  const fullLine = lines.reduce((longest, line) => Math.max(longest, [...line].length), 0);
  const result: string[] = [];
  let current = "";
  for (const line of lines) {
    if (line === "") {
      if (current) result.push(current);
      current = "";
      continue;
    }
    if (!current) current = line;
    else if (/\p{Ll}-$/u.test(current) && /^\p{Ll}/u.test(line)) current = current.slice(0, -1) + line;
    else current += CJK_END.test(current) ? line : ` ${line}`;
    if (SENTENCE_END.test(line) || [...line].length < SHORT_LINE * fullLine) {
      result.push(current);
      current = "";
    }
  }
  if (current) result.push(current);
  return result;
}

/** True for a URL or path whose name ends in .pdf: read with readPdfSource instead of as a page. */
export function looksLikePdf(input: string): boolean {
  const path = /^https?:\/\//i.test(input) ? new URL(input).pathname : input;
  return path.toLowerCase().endsWith(".pdf");
}

/** Fetches or reads a PDF source and extracts it; a PDF without a text layer is an input error. */
export async function readPdfSource(
  input: string,
  http: HttpClient,
  now: () => Date = () => new Date(),
): Promise<PdfArticle & { page: Page }> {
  const isUrl = /^https?:\/\//i.test(input);
  let page: Page;
  if (isUrl) {
    const response = await http.get(input);
    if (response.status < 200 || response.status > 299) {
      throw new ShirabeError(`${response.url}: HTTP ${response.status}; check the address`, {
        code: "http-status",
        kind: response.status >= 500 || response.status === 429 ? "network" : "input",
        input,
        retryable: response.status >= 500 || response.status === 429,
      });
    }
    page = {
      input,
      url: response.url,
      status: response.status,
      headers: response.headers,
      contentType: "application/pdf",
      body: response.body,
      fetchedAt: now().toISOString(),
      fromCache: false,
      redirects: response.redirects,
    };
  } else {
    const path = resolve(input);
    const info = await stat(path).catch((error: unknown) => {
      throw new ShirabeError(`${input}: file not found; check the path`, {
        code: "file-not-found",
        kind: "input",
        input,
        cause: error,
      });
    });
    if (info.size > MAX_PDF_BYTES) {
      throw new ShirabeError(`${input}: PDF is larger than the ${MAX_PDF_BYTES / 1024 / 1024} MiB limit`, {
        code: "too-large",
        kind: "input",
        input,
      });
    }
    const body = new Uint8Array(await readFile(path));
    page = {
      input,
      url: pathToFileURL(path).href,
      status: 200,
      headers: {},
      contentType: "application/pdf",
      body,
      fetchedAt: now().toISOString(),
      fromCache: false,
      redirects: [],
    };
  }
  const extracted = await extractPdf(page.body, page.url);
  if (extracted.article.blocks.length === 0) {
    throw new ShirabeError(`${input}: the PDF has no text layer (a scan?); run OCR on it first`, {
      code: "no-article-text",
      kind: "input",
      input,
    });
  }
  return { ...extracted, page };
}
