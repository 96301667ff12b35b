// The JSON API under /api/reports: create, read, list and search, stream events, export, delete.
import type { IncomingMessage, ServerResponse } from "node:http";
import { parseFormat, renderReport } from "../index.js";
import type { JobStore, ReportStore } from "../ports/store.js";
import { ApiError, sendJson } from "./api-error.js";
import { readJsonObject } from "./body.js";
import type { JobRunner } from "./jobs.js";
import type { PdfPrinter } from "./pdf.js";
import type { RateLimiter } from "./rate-limit.js";
import { lastEventId, streamJobEvents, streamStoredDone, streamStoredFailed } from "./sse.js";
import { type Engine, parseSubmission } from "./submission.js";
import { failedRunView, jobView, reportView } from "./views.js";

const EXPORT_TYPES = {
  md: "text/markdown; charset=utf-8",
  html: "text/html; charset=utf-8",
  json: "application/json; charset=utf-8",
  pdf: "application/pdf",
} as const;
// Exported HTML carries its own inline style and no script.
const EXPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'";
const ID_PATTERN = /^[0-9a-f-]{8,64}$/i;

export interface ApiDeps {
  runner: JobRunner;
  store: ReportStore & JobStore;
  printer: PdfPrinter;
  /** Report creations per client address. */
  limiter: RateLimiter;
  engines: Record<string, Engine>;
  maxUploadBytes: number;
}

export type ApiHandler = (
  request: IncomingMessage,
  response: ServerResponse,
  method: string,
  path: string,
  query: URLSearchParams,
) => Promise<void>;

const notFound = (id: string) => new ApiError(404, "not-found", `no report ${id.slice(0, 64)}`);

export function createApi(deps: ApiDeps): ApiHandler {
  const { runner, store, printer, limiter, engines, maxUploadBytes } = deps;

  const api = async (
    request: IncomingMessage,
    response: ServerResponse,
    method: string,
    path: string,
    query: URLSearchParams,
  ) => {
    const parts = path.split("/").filter(Boolean).slice(1);
    if (parts[0] !== "reports")
      throw new ApiError(404, "not-found", `no API endpoint at ${path.slice(0, 80)}`);
    const id = parts[1];
    if (id === undefined) {
      if (method === "GET") return listReports(response, query);
      if (method === "POST") return createJob(request, response);
      throw new ApiError(405, "method-not-allowed", "use GET or POST on /api/reports");
    }
    if (!ID_PATTERN.test(id)) throw notFound(id);
    const action = parts[2];
    if (parts.length > 3) throw new ApiError(404, "not-found", `no API endpoint at ${path.slice(0, 80)}`);
    if (action === undefined && method === "GET") return getReport(response, id);
    if (action === undefined && method === "DELETE") return deleteReport(response, id);
    if (action === "events" && method === "GET") return events(request, response, id, query);
    if (action === "export" && method === "GET") return exportReport(response, id, query);
    throw new ApiError(405, "method-not-allowed", `${method} is not allowed on ${path.slice(0, 80)}`);
  };

  const createJob = async (request: IncomingMessage, response: ServerResponse) => {
    const retryAfter = limiter.take(request.socket.remoteAddress ?? "");
    if (retryAfter > 0) {
      request.resume();
      throw new ApiError(429, "rate-limited", `too many reports started; try again in ${retryAfter} s`, {
        "retry-after": String(retryAfter),
      });
    }
    // JSON escaping can grow a file's text; the file's own size is checked exactly after parsing.
    const body = await readJsonObject(request, maxUploadBytes * 2 + 64 * 1024);
    const job = runner.submit(await parseSubmission(body, { maxUploadBytes, engines }));
    sendJson(response, 202, { id: job.id, status: job.status }, { location: `/api/reports/${job.id}` });
  };

  const listReports = (response: ServerResponse, query: URLSearchParams) => {
    const q = query.get("q") ?? "";
    const limit = Number(query.get("limit") ?? 50);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
      throw new ApiError(400, "bad-limit", "limit must be a whole number from 1 to 1000");
    }
    const needle = q.trim().toLowerCase();
    const jobs = runner
      .unfinished()
      .filter((job) => needle === "" || job.label.toLowerCase().includes(needle))
      .map(jobView);
    sendJson(response, 200, { reports: store.listReports({ query: q, limit }), jobs });
  };

  const getReport = (response: ServerResponse, id: string) => {
    const job = runner.get(id);
    if (job && job.status !== "done") return sendJson(response, 200, jobView(job));
    const report = store.getReport(id);
    if (!report) return sendJson(response, 200, failedRun(id));
    const base = job
      ? jobView(job)
      : {
          id,
          status: "done",
          input: report.original.url,
          lang: report.lang,
          engine: report.engine,
          createdAt: report.createdAt,
          title: report.title,
        };
    sendJson(response, 200, { ...base, report: reportView(report) });
  };

  const deleteReport = (response: ServerResponse, id: string) => {
    const job = runner.get(id);
    if (job && (job.status === "queued" || job.status === "running")) {
      throw new ApiError(
        409,
        "still-running",
        "the report is still being written; delete it when it is done",
      );
    }
    const deleted = store.deleteReport(id) || store.deleteFailedRun(id);
    if (!deleted && !job) throw notFound(id);
    runner.forget(id);
    response.writeHead(204);
    response.end();
  };

  const events = (request: IncomingMessage, response: ServerResponse, id: string, query: URLSearchParams) => {
    if (runner.get(id)) return streamJobEvents(request, response, runner, id, lastEventId(request, query));
    const report = store.getReport(id);
    if (!report) return streamStoredFailed(response, failedRun(id).error);
    streamStoredDone(response, id, report.title);
  };

  /** A job that failed, or was interrupted, before this server started: only its run is stored. */
  const failedRun = (id: string) => {
    const run = store.getRun(id);
    if (run?.status !== "failed") throw notFound(id);
    return failedRunView(run);
  };

  const exportReport = async (response: ServerResponse, id: string, query: URLSearchParams) => {
    const requested = query.get("format") ?? "md";
    let format: keyof typeof EXPORT_TYPES;
    try {
      format = requested.toLowerCase() === "pdf" ? "pdf" : parseFormat(requested);
    } catch {
      throw new ApiError(400, "bad-format", "format must be md, html, json or pdf");
    }
    const report = store.getReport(id);
    if (!report) throw notFound(id);
    const body =
      format === "pdf" ? await printer.print(renderReport(report, "html")) : renderReport(report, format);
    const inline = query.get("download") === "0";
    response.writeHead(200, {
      // Shown in the browser, Markdown is plain text (browsers would download text/markdown).
      "content-type": inline && format === "md" ? "text/plain; charset=utf-8" : EXPORT_TYPES[format],
      "content-disposition": `${inline ? "inline" : "attachment"}; filename="shirabe-${id}.${format}"`,
      "content-security-policy": format === "html" ? `${EXPORT_CSP}; sandbox` : EXPORT_CSP,
      "cache-control": "no-store",
    });
    response.end(body);
  };

  return api;
}
