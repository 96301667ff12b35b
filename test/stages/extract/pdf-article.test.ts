// PDF as a content type on PDFs built in memory: decoded page by page, lines joined into paragraphs by
// the extractor, pages kept for citations, errors named.
import { describe, expect, it } from "vitest";
import { ShirabeError } from "../../../src/errors.js";
import { decodePdf } from "../../../src/stages/decode/index.js";
import { extractArticle } from "../../../src/stages/extract/index.js";
import { pageAt } from "../../../src/stages/passages/index.js";
import type { Article } from "../../../src/types.js";
import { makePdf } from "../../support/make-pdf.js";

/** The decode and extract stages on PDF bytes, as the source reader runs them. */
async function extractPdf(
  bytes: Uint8Array,
  url: string,
): Promise<{ article: Article; pageStarts: number[] }> {
  const page = {
    input: url,
    url,
    status: 200,
    headers: {},
    contentType: "application/pdf",
    body: bytes,
    fetchedAt: new Date(0).toISOString(),
    fromCache: false,
    redirects: [],
  };
  const article = extractArticle(await decodePdf(page));
  return { article, pageStarts: article.pageStarts ?? [] };
}

const REPORT = makePdf(
  [
    [
      "Trade in 2025",
      "Exports of machinery rose by 12 percent, led by semi-",
      "conductor equipment.",
      "Imports fell.",
    ],
    [
      "Outlook",
      "The ministry expects growth to slow next year as demand from",
      "China weakens.",
      "Risks remain.",
    ],
  ],
  { title: "Annual Trade Report" },
);

describe("extractPdf", () => {
  it("keeps the declared title and the text of every page, in order", async () => {
    const { article, pageStarts } = await extractPdf(REPORT, "file:///r.pdf");
    expect(article.title).toBe("Annual Trade Report");
    expect(pageStarts).toHaveLength(2);
    expect(article.text.indexOf("Exports of machinery")).toBeLessThan(pageStarts[1] as number);
    expect(article.text.indexOf("The ministry expects")).toBeGreaterThanOrEqual(pageStarts[1] as number);
  });

  it("joins wrapped lines into paragraphs and undoes end-of-line hyphens", async () => {
    const { article } = await extractPdf(REPORT, "file:///r.pdf");
    expect(article.blocks).toContainEqual({
      type: "paragraph",
      text: "Exports of machinery rose by 12 percent, led by semiconductor equipment.",
    });
    expect(article.blocks).toContainEqual({
      type: "paragraph",
      text: "The ministry expects growth to slow next year as demand from China weakens.",
    });
    expect(article.blocks[0]).toEqual({ type: "paragraph", text: "Trade in 2025" });
  });

  it("falls back to the first line when the PDF declares no title", async () => {
    const { article } = await extractPdf(
      makePdf([["Quarterly Bulletin", "Prices were stable in the quarter."]]),
      "x.pdf",
    );
    expect(article.title).toBe("Quarterly Bulletin");
  });

  it("maps text offsets to 1-based pages", async () => {
    const { article, pageStarts } = await extractPdf(REPORT, "file:///r.pdf");
    expect(pageAt(pageStarts, article.text.indexOf("Imports fell"))).toBe(1);
    expect(pageAt(pageStarts, article.text.indexOf("Risks remain"))).toBe(2);
  });

  it("refuses bytes that are not a PDF with an input error naming the source", async () => {
    const error = await extractPdf(
      new TextEncoder().encode("<html>not a pdf</html>"),
      "https://x.test/a.pdf",
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ShirabeError);
    expect(error).toMatchObject({ code: "bad-pdf", kind: "input" });
    expect((error as Error).message).toMatch(/^https:\/\/x\.test\/a\.pdf: not a readable PDF/);
  });
});
