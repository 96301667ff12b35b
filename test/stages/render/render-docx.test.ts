// The Word export: a real .docx (a zip of WordprocessingML) whose text is the report's, in the seed
// format's order, with each citation a superscript link to its numbered reference.
import { JSDOM } from "jsdom";
import { beforeAll, describe, expect, it } from "vitest";
import { createHttpClient, createReport, type Report, renderDocx } from "../../../src/index.js";
import { readZip } from "../../../src/server/zip-reader.js";

const EXAMPLE = new URL("../../../examples/china-ai/article.html", import.meta.url).pathname;
let report: Report;
let xml: string;
let styles: string;

beforeAll(async () => {
  ({ report } = await createReport({ input: EXAMPLE, lang: "ja", deps: { http: createHttpClient({}) } }));
  const entries = readZip(await renderDocx(report), { maxFiles: 100, maxFileBytes: 10_000_000 });
  const file = (name: string) => entries.find((entry) => entry.name === name)?.bytes.toString("utf8") ?? "";
  xml = file("word/document.xml");
  styles = file("word/styles.xml");
});

/** The document's paragraphs as plain text, in order. */
function paragraphs(): string[] {
  const document = new JSDOM(xml, { contentType: "text/xml" }).window.document;
  return [...document.getElementsByTagName("w:p")].map((p) =>
    [...p.getElementsByTagName("w:t")].map((t) => t.textContent).join(""),
  );
}

describe("renderDocx", () => {
  it("writes well-formed WordprocessingML with the title, 緒言 … 結論, 参照記事 and 元記事 in order", () => {
    const text = paragraphs();
    expect(text[0]).toBe(report.title);
    const at = (line: string) => text.indexOf(line);
    expect(at("緒言")).toBeGreaterThan(0);
    for (const section of report.sections) expect(at(section.heading)).toBeGreaterThan(at("緒言"));
    expect(at("結論")).toBeGreaterThan(at(report.sections.at(-1)?.heading ?? ""));
    expect(at("参照記事")).toBeGreaterThan(at("結論"));
    expect(text.some((line) => line.startsWith("元記事: "))).toBe(true);
  });

  it("makes each citation a superscript link to its reference, and each reference a link to its page", () => {
    for (const reference of report.references) {
      expect(xml).toContain(`w:anchor="ref-${reference.n}"`);
      expect(xml).toContain(`w:name="ref-${reference.n}"`);
      expect(paragraphs().some((line) => line.startsWith(`[${reference.n}] ${reference.title}`))).toBe(true);
    }
    expect(xml).toContain('<w:vertAlign w:val="superscript"/>');
    expect(xml).toMatch(/<w:hyperlink [^>]*r:id="/);
  });

  it("marks quotations from English sources as English inside the Japanese document", () => {
    expect(styles).toContain('w:eastAsia="ja-JP"');
    expect(xml).toMatch(/<w:lang w:val="en-US"\/>/);
  });
});
