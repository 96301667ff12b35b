// Report → a Word document (.docx), the format Japanese offices pass around. The same structure as the
// HTML export: headings in the report's language, each sentence followed by its citation numbers as
// superscript links to the numbered reference list, quotations marked in their source's language.
import type { Paragraph, ParagraphChild } from "docx";
import { reportLabels } from "../../text/labels.js";
import type { Report, Paragraph as ReportParagraph } from "../../types.js";
import { citationNumbers, claimText } from "./citations.js";

/** Fonts Word, LibreOffice and Google Docs have or substitute well, for Latin and for Japanese text. */
const FONTS = { ascii: "Calibri", hAnsi: "Calibri", eastAsia: "Yu Gothic" };
const LOCALES: Record<string, string> = { ja: "ja-JP", en: "en-US", zh: "zh-CN", ko: "ko-KR" };

const locale = (lang: string | null | undefined) => {
  const primary = (lang ?? "en").split("-")[0]?.toLowerCase() ?? "en";
  return LOCALES[primary] ?? lang ?? "en-US";
};

export async function renderDocx(report: Report): Promise<Buffer> {
  // Loaded here, not at start-up: every CLI run would otherwise pay ~25 ms for an export few ask for.
  const {
    AlignmentType,
    Bookmark,
    Document,
    ExternalHyperlink,
    HeadingLevel,
    InternalHyperlink,
    Packer,
    Paragraph,
    TextRun,
  } = await import("docx");
  const link = (url: string, text: string): ParagraphChild => {
    if (!/^https?:/i.test(url)) return new TextRun(text);
    return new ExternalHyperlink({ link: url, children: [new TextRun({ text, style: "Hyperlink" })] });
  };
  const labels = reportLabels(report.lang);
  const numbersOf = citationNumbers(report);
  const passageLang = new Map(report.passages.map((passage) => [passage.id, passage.lang]));
  const children: Paragraph[] = [new Paragraph({ text: report.title, heading: HeadingLevel.TITLE })];

  const paragraphs = (list: ReportParagraph[]) => {
    for (const paragraph of list) {
      const runs: ParagraphChild[] = [];
      for (const [index, claim] of paragraph.claims.entries()) {
        if (index > 0 && labels.sentenceGap) runs.push(new TextRun(labels.sentenceGap));
        const quotedLang = claim.quotation ? passageLang.get(claim.passageIds[0] ?? "") : null;
        runs.push(
          new TextRun({
            text: claimText(claim, report.lang),
            ...(quotedLang ? { language: { value: locale(quotedLang) } } : {}),
          }),
        );
        for (const n of numbersOf(claim)) {
          runs.push(
            new InternalHyperlink({
              anchor: `ref-${n}`,
              children: [new TextRun({ text: `[${n}]`, superScript: true, style: "Hyperlink" })],
            }),
          );
        }
      }
      children.push(new Paragraph({ children: runs, alignment: AlignmentType.LEFT }));
    }
  };

  children.push(new Paragraph({ text: labels.introduction, heading: HeadingLevel.HEADING_1 }));
  paragraphs(report.introduction);
  for (const section of report.sections) {
    children.push(new Paragraph({ text: section.heading, heading: HeadingLevel.HEADING_1 }));
    paragraphs(section.paragraphs);
    for (const sub of section.subsections) {
      children.push(new Paragraph({ text: sub.heading, heading: HeadingLevel.HEADING_2 }));
      paragraphs(sub.paragraphs);
    }
  }
  children.push(new Paragraph({ text: labels.conclusion, heading: HeadingLevel.HEADING_1 }));
  paragraphs(report.conclusion);
  children.push(new Paragraph({ text: labels.references, heading: HeadingLevel.HEADING_2 }));
  for (const reference of report.references) {
    children.push(
      new Paragraph({
        children: [
          new Bookmark({ id: `ref-${reference.n}`, children: [new TextRun(`[${reference.n}] `)] }),
          link(reference.url, reference.title),
          new TextRun({ text: ` ${reference.url}`, size: 18 }),
        ],
      }),
    );
  }
  children.push(
    new Paragraph({
      children: [
        new TextRun({ text: `${labels.original}: `, bold: true }),
        link(report.original.url, report.original.title),
      ],
    }),
    new Paragraph({
      children: [
        new TextRun({
          text: `${labels.grounding(report.grounding, report.engine)} · ${report.createdAt}`,
          size: 18,
          color: "555555",
        }),
      ],
    }),
  );

  const document = new Document({
    title: report.title,
    creator: "Shirabe",
    description: labels.grounding(report.grounding, report.engine),
    styles: {
      default: {
        document: { run: { font: FONTS, language: { value: locale(report.lang), eastAsia: "ja-JP" } } },
      },
    },
    sections: [{ children }],
  });
  return Packer.toBuffer(document);
}
