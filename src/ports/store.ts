// Persistence behind small interfaces; the SQLite adapter implements all of them on one file.
import type { Page, Report } from "../types.js";

/** A page kept for revalidation with ETag / Last-Modified. */
export interface PageCache {
  getPage(url: string): Page | null;
  /** Stores (or replaces) the page under `url` (the requested URL) in one transaction. */
  putPage(url: string, page: Page): void;
}

export interface RunLogEntry {
  at: string;
  stage: string;
  level: "info" | "warn" | "error";
  message: string;
  input?: string;
}

export interface RunRecord {
  id: string;
  input: string;
  startedAt: string;
  finishedAt: string;
  status: "done" | "failed";
  options: Record<string, unknown>;
  log: RunLogEntry[];
  /** Null when the run failed. */
  report: Report | null;
}

export interface ReportSummary {
  id: string;
  title: string;
  lang: string;
  engine: string;
  createdAt: string;
  originalUrl: string;
  /** Where the search words occur in the report's text, when they were found there. */
  snippet?: string;
}

/**
 * A stored report as readers are sent it: its list fields, and the report without its sources' full text
 * (each source's title, site, date and cited address) as UTF-8 JSON, to send without re-encoding.
 */
export interface EncodedReport {
  summary: Omit<ReportSummary, "snippet">;
  view: Uint8Array;
}

export interface ListReportsOptions {
  query?: string;
  limit?: number;
  /** Also find reports whose text holds every word of `query` (a full-text index). */
  fullText?: boolean;
}

export interface ReportStore {
  /** Writes the run and its report in one transaction: after a crash either both exist or neither. */
  saveRun(run: RunRecord): void;
  getReport(id: string): Report | null;
  /** Newest first; `query` matches title or original URL (or, with fullText, the report's text). */
  listReports(options?: ListReportsOptions): ReportSummary[];
  /** listReports' answer as one UTF-8 JSON array of ReportSummary objects, to send without re-encoding. */
  listEncodedReports(options?: ListReportsOptions): Uint8Array;
  /** The report as readers are sent it, without parsing the stored report; null when there is none. */
  getEncodedReport(id: string): EncodedReport | null;
  /** True when something was deleted. */
  deleteReport(id: string): boolean;
}

/** A report the web server accepted and has not finished yet (queued or running). */
export interface PendingJob {
  id: string;
  /** What the user gave: the URL, or the uploaded file's name. */
  label: string;
  lang: string;
  engine: string;
  createdAt: string;
}

/**
 * The web server's jobs, kept beside the runs so that a restart can tell users what became of theirs.
 * Saving a job's run (ReportStore.saveRun with the job's id) ends the job in the same transaction.
 */
export interface JobStore {
  addJob(job: PendingJob): void;
  /** Jobs added and never ended: the server stopped while they were queued or running. */
  pendingJobs(): PendingJob[];
  /** The saved run with this id (its report loaded when it has one), or null. */
  getRun(id: string): RunRecord | null;
  /** Deletes a run that made no report (a failed job); true when there was one. */
  deleteFailedRun(id: string): boolean;
}
