// A PDF's bytes → its text layer, page by page. PDF is decoded here like any other content type so that
// fetch, cache and extract treat it the way they treat HTML; extract turns the pages into paragraphs.
import { extractText, getDocumentProxy, getMeta } from "unpdf";
import { ShirabeError } from "../../errors.js";
import type { DecodedPage, Page } from "../../types.js";

/** Separates the pages of a decoded PDF in `DecodedPage.text` (form feed, as pdftotext writes it). */
export const PAGE_BREAK = "\f";

/** Reads a PDF's text layer. Throws a ShirabeError (kind "input") for bytes that are not a readable PDF. */
export async function decodePdf(page: Page): Promise<DecodedPage> {
  let pages: string[];
  let info: Record<string, unknown>;
  try {
    // pdf.js takes ownership of the buffer it is given, so it gets a copy.
    // verbosity 0: pdf.js would otherwise print its repair warnings to the terminal.
    const document = await getDocumentProxy(new Uint8Array(page.body), { verbosity: 0 });
    pages = (await extractText(document, { mergePages: false })).text;
    info = (await getMeta(document)).info as Record<string, unknown>;
  } catch (error) {
    throw new ShirabeError(
      `${page.input}: not a readable PDF (${error instanceof Error ? error.message : String(error)}); check the file or export it again`,
      { code: "bad-pdf", kind: "input", input: page.input, cause: error },
    );
  }
  const declared = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim() : undefined);
  const title = declared(info.Title);
  const author = declared(info.Author);
  const lang = declared(info.Language);
  return {
    url: page.url,
    contentType: "application/pdf",
    // Page text never contains a form feed of its own that matters: pdf.js emits none.
    text: pages.map((text) => text.replaceAll(PAGE_BREAK, " ")).join(PAGE_BREAK),
    charset: "pdf",
    charsetSource: "default",
    documentInfo: {
      ...(title ? { title } : {}),
      ...(author ? { author } : {}),
      ...(lang ? { lang } : {}),
    },
  };
}
