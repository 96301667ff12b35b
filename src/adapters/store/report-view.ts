// What readers are sent of a stored report, kept beside the full report so reading one costs no parse:
// the report without its sources' full text (each source's title, site, date and cited address, plus the
// passages the claims cite), and its list entry, both stored as UTF-8 JSON and sent as they are.
import type Database from "better-sqlite3";
import type { ReportSummary } from "../../ports/store.js";
import { citedAddress } from "../../text/canonical.js";
import type { Report } from "../../types.js";

export interface SourceView {
  id: string;
  role: string;
  url: string;
  title: string;
  siteName: string | null;
  author: string | null;
  publishedAt: string | null;
}

export type ReportView = Omit<Report, "sources"> & { sources: SourceView[] };

export function reportView(report: Report): ReportView {
  return {
    ...report,
    sources: report.sources.map((source) => ({
      id: source.id,
      role: source.role,
      url: citedAddress(source.article),
      title: source.article.title,
      siteName: source.article.siteName,
      author: source.article.author,
      publishedAt: source.article.publishedAt,
    })),
  };
}

export function reportSummary(report: Report): ReportSummary {
  return {
    id: report.id,
    title: report.title,
    lang: report.lang,
    engine: report.engine,
    createdAt: report.createdAt,
    originalUrl: report.original.url,
  };
}

export const encodeJson = (value: unknown): Buffer => Buffer.from(JSON.stringify(value), "utf8");

/**
 * report_view(json): the stored view of a report's JSON, for the migration that fills the column in
 * for reports stored before it existed. A later change to the view needs a migration that refills it.
 */
export function defineReportViewFunction(db: Database.Database): void {
  db.function("report_view", { deterministic: true }, (json: unknown) =>
    typeof json === "string" ? encodeJson(reportView(JSON.parse(json) as Report)) : null,
  );
}
