// The JSON API under /api/reports: create, read, list and search, stream events, cancel, export,
// delete. One router per resource, so others (feeds) mount beside it.
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { JobStore, ReportStore } from "../ports/store.js";
import { ApiError } from "./api-error.js";
import {
  ApiErrorBody,
  Created,
  EventsQuery,
  ExportQuery,
  FormSubmission,
  JobView,
  ListQuery,
  ReportId,
  ReportList,
  ReportState,
  type Submission,
  UrlSubmission,
} from "./api-schemas.js";
import { clientAddress } from "./auth.js";
import type { Engine } from "./job-types.js";
import type { JobRunner } from "./jobs.js";
import { jsonResponse } from "./json-parts.js";
import type { PdfPrinter } from "./print-pdf.js";
import type { RateLimiter } from "./rate-limit.js";
import {
  createRenderingCache,
  EXPORT_TYPES,
  exportHeaders,
  exportReport,
  VIEW_RENDERED,
} from "./report-export.js";
import { tooLarge, validationHook } from "./request-body.js";
import { lastEventId, streamJobEvents, streamStoredDone, streamStoredFailed } from "./sse.js";
import { parseSubmission } from "./submission.js";
import { MAX_FILES } from "./upload-folder.js";
import { failedRunView, jobView } from "./views.js";

/** A URL submission is small; only uploads may be large. */
const JSON_BODY_BYTES = 64 * 1024;
/** A whole upload may be this many times the largest file. */
const UPLOAD_FILES_PER_BODY = 8;

export interface ReportsDeps {
  runner: JobRunner;
  store: ReportStore & JobStore;
  printer: PdfPrinter;
  /** Report creations per client address. */
  limiter: RateLimiter;
  engines: Record<string, Engine>;
  maxUploadBytes: number;
}

export const errors = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: "An error: its code and what to send instead",
        content: { "application/json": { schema: ApiErrorBody } },
      },
    ]),
  );
export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

const notFound = () => new ApiError(404, "not-found", "no report with that id");
const isViewRendered = (format: string): format is (typeof VIEW_RENDERED)[number] =>
  (VIEW_RENDERED as readonly string[]).includes(format);

export function reportsRoutes(deps: ReportsDeps): OpenAPIHono {
  const { runner, store, printer, limiter, engines, maxUploadBytes } = deps;
  const app = new OpenAPIHono({ defaultHook: validationHook });
  const renderings = createRenderingCache();
  // Several files per submission (a saved page's folder), each at most maxUploadBytes.
  const uploadBytes = maxUploadBytes * UPLOAD_FILES_PER_BODY;
  const limitBody: MiddlewareHandler = async (c, next) => {
    const multipart = (c.req.header("content-type") ?? "").toLowerCase().startsWith("multipart/");
    const maxSize = multipart ? uploadBytes : JSON_BODY_BYTES;
    return bodyLimit({
      maxSize,
      onError: () => {
        throw tooLarge(maxSize);
      },
    })(c, next);
  };
  // Over the limit is refused before the body is read; only accepted submissions count against it.
  const rateLimited: MiddlewareHandler = async (c, next) => {
    const wait = limiter.wait(clientAddress(c));
    if (wait > 0) {
      throw new ApiError(429, "rate-limited", `too many reports started; try again in ${wait} s`, {
        "retry-after": String(wait),
      });
    }
    return next();
  };

  const create = createRoute({
    method: "post",
    path: "/",
    summary: "Start a report",
    description: `An article by URL (JSON), or uploaded files (multipart: up to ${MAX_FILES} files, a folder or a .zip). Answers at once; follow /events.`,
    middleware: [rateLimited, limitBody] as const,
    request: {
      body: {
        required: true,
        content: {
          "application/json": { schema: UrlSubmission },
          "multipart/form-data": { schema: FormSubmission },
        },
      },
    },
    responses: {
      202: json(Created, "Accepted; the report is being made"),
      ...errors(400, 413, 415, 429),
    },
  });
  app.openapi(create, async (c) => {
    const isForm = (c.req.header("content-type") ?? "").toLowerCase().startsWith("multipart/");
    const body = (isForm ? c.req.valid("form") : c.req.valid("json")) as Submission;
    const request = await parseSubmission(body, { maxUploadBytes, engines });
    const wait = limiter.take(clientAddress(c));
    if (wait > 0) {
      await request.cleanup?.();
      throw new ApiError(429, "rate-limited", `too many reports started; try again in ${wait} s`, {
        "retry-after": String(wait),
      });
    }
    const job = runner.submit(request);
    c.header("location", `/api/reports/${job.id}`);
    c.header("cache-control", "no-store");
    return c.json({ id: job.id, status: job.status }, 202);
  });

  const list = createRoute({
    method: "get",
    path: "/",
    summary: "List and search reports, with the jobs that made none yet",
    request: { query: ListQuery },
    responses: {
      200: json(ReportList, "Reports, newest first, and unfinished or failed jobs"),
      ...errors(400),
    },
  });
  app.openapi(list, (c) => {
    const { q = "", limit } = c.req.valid("query");
    const needle = q.trim().toLowerCase();
    const jobs = runner
      .unfinished()
      .filter((job) => needle === "" || job.label.toLowerCase().includes(needle))
      .map(jobView);
    c.header("cache-control", "no-store");
    const reports = store.listEncodedReports({ query: q, limit, fullText: true });
    return jsonResponse<z.output<typeof ReportList>>(c, [
      '{"reports":',
      reports,
      `,"jobs":${JSON.stringify(jobs)}}`,
    ]);
  });

  const read = createRoute({
    method: "get",
    path: "/{id}",
    summary: "A report, or the state of the job making it",
    request: { params: ReportId },
    responses: { 200: json(ReportState, "The job's state, with the report once done"), ...errors(404) },
  });
  app.openapi(read, (c) => {
    const { id } = c.req.valid("param");
    c.header("cache-control", "no-store");
    const job = runner.get(id);
    if (job && job.status !== "done") return c.json(jobView(job), 200);
    const stored = store.getEncodedReport(id);
    if (!stored) return c.json(failedRun(id), 200);
    const { summary } = stored;
    const base = job
      ? jobView(job)
      : {
          id,
          status: "done" as const,
          input: summary.originalUrl,
          lang: summary.lang,
          engine: summary.engine,
          createdAt: summary.createdAt,
          title: summary.title,
        };
    // The state's fields, then the stored view as the last one: {…base, "report": view}.
    return jsonResponse<z.output<typeof ReportState>>(c, [
      `${JSON.stringify(base).slice(0, -1)},"report":`,
      stored.view,
      "}",
    ]);
  });

  const remove = createRoute({
    method: "delete",
    path: "/{id}",
    summary: "Delete a report or a failed job",
    request: { params: ReportId },
    responses: { 204: { description: "Deleted" }, ...errors(404, 409) },
  });
  app.openapi(remove, (c) => {
    const { id } = c.req.valid("param");
    const job = runner.get(id);
    if (job && (job.status === "queued" || job.status === "running")) {
      throw new ApiError(409, "still-running", "the report is still being written; cancel it first");
    }
    const deleted = store.deleteReport(id) || store.deleteFailedRun(id);
    if (!deleted && !job) throw notFound();
    runner.forget(id);
    return c.body(null, 204);
  });

  const cancel = createRoute({
    method: "post",
    path: "/{id}/cancel",
    summary: "Stop a queued or running report",
    request: { params: ReportId },
    responses: {
      202: json(JobView, "Stopping; the job ends as failed with code cancelled"),
      ...errors(404, 409),
    },
  });
  app.openapi(cancel, (c) => {
    const { id } = c.req.valid("param");
    const job = runner.get(id);
    if (!job) throw notFound();
    if (!runner.cancel(id))
      throw new ApiError(409, "not-running", "the report is not being written any more");
    return c.json(jobView(job), 202);
  });

  const events = createRoute({
    method: "get",
    path: "/{id}/events",
    summary: "The job's progress as server-sent events (replays after Last-Event-ID)",
    request: { params: ReportId, query: EventsQuery },
    responses: {
      200: {
        description: "Event stream; each data line is one JSON event",
        content: { "text/event-stream": { schema: z.string() } },
      },
      ...errors(404),
    },
  });
  app.openapi(events, (c) => {
    const { id } = c.req.valid("param");
    const after = lastEventId(c);
    if (runner.get(id)) return streamJobEvents(c, runner, id, after);
    const report = store.getReport(id);
    if (!report) return streamStoredFailed(c, after, failedRun(id).error);
    return streamStoredDone(c, after, id, report.title);
  });

  const exportRoute = createRoute({
    method: "get",
    path: "/{id}/export",
    summary: "The report as Markdown, HTML, JSON, Word (DOCX) or PDF",
    request: { params: ReportId, query: ExportQuery },
    responses: {
      200: {
        description: "The report file (a download unless download=0)",
        content: Object.fromEntries(
          Object.values(EXPORT_TYPES).map((type) => [type, { schema: z.string() }]),
        ),
      },
      ...errors(400, 404, 503),
    },
  });
  app.openapi(exportRoute, async (c) => {
    const { id } = c.req.valid("param");
    const { format, download } = c.req.valid("query");
    if (isViewRendered(format)) {
      const stored = store.getEncodedReport(id);
      const body = stored && renderings.render(id, format, stored.view, () => store.getReport(id));
      if (typeof body !== "string") throw notFound();
      return c.body(body, 200, exportHeaders(id, format, download === "0"));
    }
    const report = store.getReport(id);
    if (!report) throw notFound();
    const { body, headers } = await exportReport(report, format, download === "0", printer);
    for (const [name, value] of Object.entries(headers)) c.header(name, value);
    return c.body(typeof body === "string" ? body : new Uint8Array(body), 200);
  });

  /** A job that failed, or was interrupted, before this server started: only its run is stored. */
  const failedRun = (id: string) => {
    const run = store.getRun(id);
    if (run?.status !== "failed") throw notFound();
    return failedRunView(run);
  };

  return app;
}
