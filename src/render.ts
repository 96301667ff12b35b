// Picks the renderer for a format name; shared by `report` and `show`.
import { extname } from "node:path";
import { ShirabeError } from "./errors.js";
import { renderHtml, renderJson, renderMarkdown } from "./stages/render/index.js";
import type { Report } from "./types.js";

export type ReportFormat = "md" | "html" | "json";

const RENDERERS: Record<ReportFormat, (report: Report) => string> = {
  md: renderMarkdown,
  html: renderHtml,
  json: renderJson,
};

export function parseFormat(value: string): ReportFormat {
  const format = value.toLowerCase() === "markdown" ? "md" : value.toLowerCase();
  if (format === "md" || format === "html" || format === "json") return format;
  throw new ShirabeError(`--format ${value}: unknown format; use md, html or json`, {
    code: "bad-option",
    kind: "usage",
    input: value,
  });
}

/** The format a file name asks for by its extension (.html/.htm, .json), Markdown otherwise. */
export function formatForPath(path: string): ReportFormat {
  const extension = extname(path).toLowerCase();
  if (extension === ".html" || extension === ".htm") return "html";
  if (extension === ".json") return "json";
  return "md";
}

export function renderReport(report: Report, format: ReportFormat): string {
  return RENDERERS[format](report);
}
