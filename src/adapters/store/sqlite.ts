// The store on one SQLite file: page cache, runs, reports and the web server's pending jobs. WAL so
// readers never wait for a writer; every write in a transaction; every failure a ShirabeError that names the file.
import { isAbsolute, join } from "node:path";
import type {
  JobStore,
  ListReportsOptions,
  PageCache,
  PendingJob,
  ReportStore,
  ReportSummary,
  RunLogEntry,
  RunRecord,
} from "../../ports/store.js";
import type { Page, Report } from "../../types.js";
import { guardStore, openDatabase } from "./open-database.js";
import { reportListingOn } from "./report-listing.js";
import { reportSearchOn } from "./report-search.js";
import { encodeJson, reportSummary, reportView } from "./report-view.js";

export interface StoreOptions {
  path: string;
  /** How long a write waits for another process's lock before failing with "store-locked". */
  busyTimeoutMs?: number;
}

export interface SqliteStore extends PageCache, ReportStore, JobStore {
  close(): void;
}

/** $XDG_DATA_HOME/shirabe, else ~/.local/share/shirabe (a relative XDG_DATA_HOME is ignored, per the spec). */
export function defaultDataDir(env: Record<string, string | undefined>, homedir: string): string {
  const xdg = env.XDG_DATA_HOME;
  return xdg && isAbsolute(xdg) ? join(xdg, "shirabe") : join(homedir, ".local", "share", "shirabe");
}

interface RunRow {
  id: string;
  input: string;
  started_at: string;
  finished_at: string;
  status: "done" | "failed";
  options: string;
  log: string;
  report_id: string | null;
}

interface PageRow {
  input: string;
  final_url: string;
  status: number;
  headers: string;
  content_type: string;
  body: Buffer;
  fetched_at: string;
  redirects: string;
}

export function openStore(options: StoreOptions): SqliteStore {
  const { path } = options;
  const db = openDatabase(path, options.busyTimeoutMs ?? 5_000);
  const guarded = guardStore(path);

  const selectPage = db.prepare<[string], PageRow>(
    "SELECT input, final_url, status, headers, content_type, body, fetched_at, redirects FROM pages WHERE url = ?",
  );
  const upsertPage = db.prepare(
    `INSERT INTO pages (url, input, final_url, status, headers, content_type, body, fetched_at, redirects)
     VALUES (@url, @input, @finalUrl, @status, @headers, @contentType, @body, @fetchedAt, @redirects)
     ON CONFLICT (url) DO UPDATE SET input = excluded.input, final_url = excluded.final_url,
       status = excluded.status, headers = excluded.headers, content_type = excluded.content_type,
       body = excluded.body, fetched_at = excluded.fetched_at, redirects = excluded.redirects`,
  );
  const upsertRun = db.prepare(
    `INSERT INTO runs (id, input, started_at, finished_at, status, options, log, report_id)
     VALUES (@id, @input, @startedAt, @finishedAt, @status, @options, @log, @reportId)
     ON CONFLICT (id) DO UPDATE SET input = excluded.input, started_at = excluded.started_at,
       finished_at = excluded.finished_at, status = excluded.status, options = excluded.options,
       log = excluded.log, report_id = excluded.report_id`,
  );
  const upsertReport = db.prepare(
    `INSERT INTO reports (id, run_id, title, lang, engine, created_at, original_url, json, summary, view)
     VALUES (@id, @runId, @title, @lang, @engine, @createdAt, @originalUrl, @json, @summary, @view)
     ON CONFLICT (id) DO UPDATE SET run_id = excluded.run_id, title = excluded.title, lang = excluded.lang,
       engine = excluded.engine, created_at = excluded.created_at, original_url = excluded.original_url,
       json = excluded.json, summary = excluded.summary, view = excluded.view`,
  );
  const selectReport = db.prepare<[string], { json: string }>("SELECT json FROM reports WHERE id = ?");
  const removeReport = db.prepare("DELETE FROM reports WHERE id = ?");
  // The run that made a report holds its input and log; deleting the report deletes them too.
  const removeReportRun = db.prepare("DELETE FROM runs WHERE report_id = ?");
  const insertJob = db.prepare(
    `INSERT INTO jobs (id, label, lang, engine, created_at) VALUES (@id, @label, @lang, @engine, @createdAt)`,
  );
  const removeJob = db.prepare("DELETE FROM jobs WHERE id = ?");
  const selectJobs = db.prepare<
    [],
    { id: string; label: string; lang: string; engine: string; created_at: string }
  >("SELECT id, label, lang, engine, created_at FROM jobs ORDER BY created_at, rowid");
  const removeFailedRun = db.prepare(
    "DELETE FROM runs WHERE id = ? AND status = 'failed' AND report_id IS NULL",
  );
  const selectRun = db.prepare<[string], RunRow>(
    "SELECT id, input, started_at, finished_at, status, options, log, report_id FROM runs WHERE id = ?",
  );

  const search = reportSearchOn(db);
  const listing = reportListingOn(db, search);
  const saveRun = db.transaction((run: RunRecord) => {
    upsertRun.run({
      id: run.id,
      input: run.input,
      startedAt: run.startedAt,
      finishedAt: run.finishedAt,
      status: run.status,
      options: JSON.stringify(run.options),
      log: JSON.stringify(run.log),
      reportId: run.report?.id ?? null,
    });
    removeJob.run(run.id);
    if (run.report) {
      const report = run.report;
      upsertReport.run({
        id: report.id,
        runId: run.id,
        title: report.title,
        lang: report.lang,
        engine: report.engine,
        createdAt: report.createdAt,
        originalUrl: report.original.url,
        json: JSON.stringify(report),
        summary: encodeJson(reportSummary(report)),
        view: encodeJson(reportView(report)),
      });
      search.index(report);
    }
  });

  return {
    getPage: guarded((url: string): Page | null => {
      const row = selectPage.get(url);
      if (!row) return null;
      return {
        input: row.input,
        url: row.final_url,
        status: row.status,
        headers: JSON.parse(row.headers) as Record<string, string>,
        contentType: row.content_type,
        body: row.body,
        fetchedAt: row.fetched_at,
        fromCache: true,
        redirects: JSON.parse(row.redirects) as string[],
      };
    }),
    putPage: guarded((url: string, page: Page): void => {
      db.transaction(() =>
        upsertPage.run({
          url,
          input: page.input,
          finalUrl: page.url,
          status: page.status,
          headers: JSON.stringify(page.headers),
          contentType: page.contentType,
          body: Buffer.from(page.body.buffer, page.body.byteOffset, page.body.byteLength),
          fetchedAt: page.fetchedAt,
          redirects: JSON.stringify(page.redirects),
        }),
      )();
    }),
    saveRun: guarded((run: RunRecord): void => saveRun(run)),
    getReport: guarded((id: string): Report | null => {
      const row = selectReport.get(id);
      return row ? (JSON.parse(row.json) as Report) : null;
    }),
    listReports: guarded((listOptions: ListReportsOptions = {}): ReportSummary[] =>
      JSON.parse(listing.list(listOptions).toString("utf8")),
    ),
    listEncodedReports: guarded(
      (listOptions: ListReportsOptions = {}): Uint8Array => listing.list(listOptions),
    ),
    getEncodedReport: guarded((id: string) => listing.get(id)),
    addJob: guarded((job: PendingJob): void => {
      db.transaction(() => insertJob.run(job))();
    }),
    pendingJobs: guarded((): PendingJob[] =>
      selectJobs.all().map((row) => ({
        id: row.id,
        label: row.label,
        lang: row.lang,
        engine: row.engine,
        createdAt: row.created_at,
      })),
    ),
    getRun: guarded((id: string): RunRecord | null => {
      const row = selectRun.get(id);
      if (!row) return null;
      const report = row.report_id ? selectReport.get(row.report_id) : undefined;
      return {
        id: row.id,
        input: row.input,
        startedAt: row.started_at,
        finishedAt: row.finished_at,
        status: row.status,
        options: JSON.parse(row.options) as Record<string, unknown>,
        log: JSON.parse(row.log) as RunLogEntry[],
        report: report ? (JSON.parse(report.json) as Report) : null,
      };
    }),
    deleteFailedRun: guarded((id: string): boolean =>
      db.transaction(() => removeFailedRun.run(id).changes > 0)(),
    ),
    deleteReport: guarded((id: string): boolean =>
      db.transaction(() => {
        const deleted = removeReport.run(id).changes > 0;
        if (deleted) removeReportRun.run(id);
        if (deleted) search.unindex(id);
        return deleted;
      })(),
    ),
    close: guarded(() => {
      db.close();
    }),
  };
}
