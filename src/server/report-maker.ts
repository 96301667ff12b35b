// Where a job's report is made. In process by default; the server's worker pool (report-workers.ts)
// implements the same interface so that parsing and writing run off the event loop.
import { type CreateReportResult, createReport, type ProgressEvent, type Writer } from "../index.js";
import type { HttpClient } from "../ports/http.js";
import type { PageCache } from "../ports/store.js";

export interface ReportParams {
  input: string;
  lang: string;
  sources: string[];
  maxLinks?: number;
  followLinks?: boolean;
}

export interface MakeOptions {
  writer: Writer;
  /** The writer is the extractive engine, which a worker can run itself instead of calling back. */
  local: boolean;
  signal: AbortSignal;
}

export interface ReportMaker {
  make(
    params: ReportParams,
    options: MakeOptions,
    onProgress: (event: ProgressEvent) => void,
  ): Promise<CreateReportResult>;
  close(): Promise<void>;
}

export function inProcessReports(deps: { http: HttpClient; cache?: PageCache }): ReportMaker {
  return {
    make: (params, options, onProgress) =>
      createReport({ ...params, writer: options.writer, signal: options.signal, deps, onProgress }),
    close: async () => {},
  };
}
