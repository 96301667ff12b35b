// A stored report as a file: Markdown, HTML or JSON from the library's renderers, Word from the DOCX
// renderer, PDF printed by Chromium from the HTML; with the headers that make it a download or not.
import { renderDocx, renderReport } from "../index.js";
import { reportLabels } from "../text/labels.js";
import type { Report } from "../types.js";
import type { EXPORT_FORMATS } from "./api-schemas.js";
import type { PdfPrinter } from "./print-pdf.js";

export const EXPORT_TYPES = {
  md: "text/markdown; charset=utf-8",
  html: "text/html; charset=utf-8",
  json: "application/json; charset=utf-8",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
} as const;
// Exported HTML carries its own inline style and no script.
const EXPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'";

/** The grounding line and date the HTML export ends with, at the foot of every PDF page instead. */
function pdfFooter(report: Report): string {
  return `${reportLabels(report.lang).grounding(report.grounding, report.engine)} · ${report.createdAt.slice(0, 10)}`;
}

export async function exportReport(
  report: Report,
  format: (typeof EXPORT_FORMATS)[number],
  inline: boolean,
  printer: PdfPrinter,
): Promise<{ body: string | Buffer; headers: Record<string, string> }> {
  const body =
    format === "pdf"
      ? await printer.print(renderReport(report, "html"), pdfFooter(report))
      : format === "docx"
        ? await renderDocx(report)
        : renderReport(report, format);
  return {
    body,
    headers: {
      // Shown in the browser, Markdown is plain text (browsers would download text/markdown).
      "content-type": inline && format === "md" ? "text/plain; charset=utf-8" : EXPORT_TYPES[format],
      "content-disposition": `${inline ? "inline" : "attachment"}; filename="shirabe-${report.id}.${format}"`,
      "content-security-policy": format === "html" ? `${EXPORT_CSP}; sandbox` : EXPORT_CSP,
      "cache-control": "no-store",
    },
  };
}
