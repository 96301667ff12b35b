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

type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function exportHeaders(id: string, format: ExportFormat, inline: boolean): Record<string, string> {
  return {
    // Shown in the browser, Markdown is plain text (browsers would download text/markdown).
    "content-type": inline && format === "md" ? "text/plain; charset=utf-8" : EXPORT_TYPES[format],
    "content-disposition": `${inline ? "inline" : "attachment"}; filename="shirabe-${id}.${format}"`,
    "content-security-policy": format === "html" ? `${EXPORT_CSP}; sandbox` : EXPORT_CSP,
    "cache-control": "no-store",
  };
}

export async function exportReport(
  report: Report,
  format: ExportFormat,
  inline: boolean,
  printer: PdfPrinter,
): Promise<{ body: string | Buffer; headers: Record<string, string> }> {
  const body =
    format === "pdf"
      ? await printer.print(renderReport(report, "html"), pdfFooter(report))
      : format === "docx"
        ? await renderDocx(report)
        : renderReport(report, format);
  return { body, headers: exportHeaders(report.id, format, inline) };
}

/** Formats whose rendering depends only on what the stored view holds: the renderers read no source's text. */
export const VIEW_RENDERED = ["md", "html"] as const;
const CACHED_RENDERINGS = 200;

/**
 * Markdown and HTML renderings, reused while the report's stored view is byte for byte the one they were
 * made from (a report saved again under its id gets a new view, so a new rendering). Parsing the stored
 * report costs far more than rendering it, and far more than reading and comparing its view.
 */
export function createRenderingCache() {
  const entries = new Map<string, { view: Uint8Array; body: string }>();
  return {
    render(id: string, format: (typeof VIEW_RENDERED)[number], view: Uint8Array, load: () => Report | null) {
      const key = `${format}:${id}`;
      const cached = entries.get(key);
      if (cached && Buffer.from(cached.view).equals(view)) return cached.body;
      const report = load();
      if (!report) return null;
      const body = renderReport(report, format);
      entries.delete(key);
      entries.set(key, { view, body });
      // The oldest entry goes first (a Map keeps insertion order).
      if (entries.size > CACHED_RENDERINGS) entries.delete(entries.keys().next().value as string);
      return body;
    },
  };
}
