// What the API sends about reports and jobs. A report goes out without its sources' full text: the
// reader needs each source's title, site, date and link, and the passages the claims cite.
import type { RunRecord } from "../ports/store.js";
import { citedAddress } from "../text/canonical.js";
import type { Report } from "../types.js";
import type { Job } from "./job-types.js";

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

export function jobView(job: Job) {
  return {
    id: job.id,
    status: job.status,
    input: job.label,
    lang: job.lang,
    engine: job.engine,
    createdAt: job.createdAt,
    ...(job.startedAt ? { startedAt: job.startedAt } : {}),
    ...(job.finishedAt ? { finishedAt: job.finishedAt } : {}),
    ...(job.title ? { title: job.title } : {}),
    ...(job.error ? { error: job.error } : {}),
  };
}

/** A failed run as a job: the job's own error when it recorded one, else the run log's last error. */
export function failedRunView(run: RunRecord) {
  const { label, lang, engine, error } = run.options;
  const logged = run.log.findLast((entry) => entry.level === "error")?.message;
  return {
    id: run.id,
    status: "failed" as const,
    input: typeof label === "string" ? label : run.input,
    lang: typeof lang === "string" ? lang : "",
    engine: typeof engine === "string" ? engine : "",
    createdAt: run.startedAt,
    error: isJobError(error) ? error : { code: "failed", message: logged ?? "the report could not be made" },
  };
}

function isJobError(value: unknown): value is { code: string; message: string } {
  const error = value as { code?: unknown; message?: unknown } | null;
  return typeof error?.code === "string" && typeof error.message === "string";
}
