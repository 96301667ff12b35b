// The web app and its JSON API on node:http. It runs the same library and the same store as the CLI;
// the CLI builds the adapters and passes them in, with the token it read from the environment.
import { existsSync, readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { extractiveWriter, parseFormat, renderReport, ShirabeError } from "../index.js";
import type { HttpClient } from "../ports/http.js";
import type { PageCache, ReportStore } from "../ports/store.js";
import { ApiError, sendError, sendJson } from "./api-error.js";
import {
  hostHeaderName,
  isLoopbackHost,
  requestToken,
  TOKEN_COOKIE,
  tokenCookie,
  tokenMatches,
} from "./auth.js";
import { readForm, readJsonObject } from "./body.js";
import { createJobRunner } from "./jobs.js";
import { createPdfPrinter, DEFAULT_CHROMIUM } from "./pdf.js";
import { createRateLimiter, type RateLimitOptions } from "./rate-limit.js";
import { lastEventId, streamJobEvents, streamStoredDone } from "./sse.js";
import { type Engine, LANGS, parseSubmission } from "./submission.js";
import { uiLanguage, uiPage } from "./ui.js";
import { jobView, reportView } from "./views.js";

export interface ServerOptions {
  /** Bind address, e.g. "127.0.0.1" (default) or "0.0.0.0". */
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  http: HttpClient;
  store: ReportStore;
  cache?: PageCache;
  /** Required when `host` is not loopback (or when `requireToken` is set). */
  token?: string;
  /** Defaults to "the host is not loopback, or a token was given". */
  requireToken?: boolean;
  /** Writing engines by name (default: extractive only). */
  engines?: Record<string, Engine>;
  /** Largest uploaded file, in bytes (default 2 MiB). */
  maxUploadBytes?: number;
  /** Report creations per client address (default 10 per minute). */
  rateLimit?: RateLimitOptions;
  /** Reports written at once (default 4); more wait in a queue. */
  maxConcurrentJobs?: number;
  /** Chromium used to print PDF exports (default /usr/bin/chromium). */
  chromiumPath?: string;
}

export interface RunningServer {
  /** http://host:port */
  url: string;
  port: number;
  close(): Promise<void>;
}

export const EXTRACTIVE_ENGINE: Engine = { start: () => ({ writer: extractiveWriter }) };
const DEFAULT_ENGINES: Record<string, Engine> = { extractive: EXTRACTIVE_ENGINE };
const EXPORT_TYPES = {
  md: "text/markdown; charset=utf-8",
  html: "text/html; charset=utf-8",
  json: "application/json; charset=utf-8",
  pdf: "application/pdf",
} as const;
const SECURITY_HEADERS = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "x-frame-options": "DENY",
};
const UI_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
// Exported HTML carries its own inline style and no script.
const EXPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'";
const ID_PATTERN = /^[0-9a-f-]{8,64}$/i;

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? "127.0.0.1";
  const token = options.token;
  // A token that was given is always required: on a shared machine loopback is not private either.
  const requireToken = options.requireToken ?? (!isLoopbackHost(host) || token !== undefined);
  if (requireToken && !token) {
    throw new ShirabeError(
      `${host}: serving on a non-loopback address needs a token; set SHIRABE_TOKEN or bind to 127.0.0.1`,
      { code: "token-required", kind: "usage", input: host },
    );
  }
  const maxUploadBytes = options.maxUploadBytes ?? 2 * 1024 * 1024;
  const engines = options.engines ?? DEFAULT_ENGINES;
  const limiter = createRateLimiter(options.rateLimit ?? { limit: 10, windowMs: 60_000 });
  // Wrong tokens per client address: after this many the address must wait, even with the right one.
  const guesses = createRateLimiter({ limit: 20, windowMs: 60_000 });
  const store = options.store;
  const runner = createJobRunner(
    { http: options.http, store, ...(options.cache ? { cache: options.cache } : {}) },
    { maxConcurrent: options.maxConcurrentJobs ?? 4 },
  );
  const printer = createPdfPrinter(options.chromiumPath ?? DEFAULT_CHROMIUM);
  const assets = loadAssets();

  const authorized = (request: IncomingMessage, given: string | undefined) => {
    if (!requireToken) return true;
    const client = request.socket.remoteAddress ?? "";
    const wait = guesses.wait(client);
    if (wait > 0) {
      throw new ApiError(429, "rate-limited", `too many wrong tokens; try again in ${wait} s`, {
        "retry-after": String(wait),
      });
    }
    if (given !== undefined && tokenMatches(given, token as string)) return true;
    if (given !== undefined) guesses.take(client);
    return false;
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
    const url = new URL(request.url ?? "/", "http://shirabe.invalid");
    const path = url.pathname;
    const method = request.method ?? "GET";

    // Without a token the server trusts loopback callers, so it must also refuse pages on other sites
    // that reach it by DNS rebinding: their Host header names their own domain.
    if (!requireToken && !isLoopbackHost(hostHeaderName(request.headers.host))) {
      throw new ApiError(403, "bad-host", "this server only answers requests addressed to localhost");
    }
    if (path.startsWith("/assets/")) return serveAsset(response, assets, path.slice("/assets/".length));
    if (path === "/favicon.ico") {
      response.writeHead(204);
      return void response.end();
    }
    if (path === "/login") return login(request, response, method);
    if (path === "/logout" && method === "POST") {
      response.writeHead(303, { location: "/login", "set-cookie": `${TOKEN_COOKIE}=; Path=/; Max-Age=0` });
      return void response.end();
    }
    if (!authorized(request, requestToken(request))) {
      if (path.startsWith("/api/")) {
        throw new ApiError(
          401,
          "unauthorized",
          "send the server's token as Authorization: Bearer <token>, or log in at /login",
          {
            "www-authenticate": 'Bearer realm="shirabe"',
          },
        );
      }
      response.writeHead(303, { location: "/login" });
      return void response.end();
    }
    if (path === "/" && method === "GET") {
      const lang = uiLanguage(request);
      return sendHtml(
        response,
        uiPage(assets.index, lang, {
          engines: Object.entries(engines).map(([name, engine]) => ({ name, models: engine.models ?? [] })),
          langs: [...LANGS],
          auth: requireToken,
        }),
      );
    }
    if (path.startsWith("/api/")) return api(request, response, method, path, url.searchParams);
    throw new ApiError(404, "not-found", `no page at ${path.slice(0, 80)}`);
  };

  const login = async (request: IncomingMessage, response: ServerResponse, method: string) => {
    if (method === "GET") {
      const failed = new URL(request.url ?? "/", "http://shirabe.invalid").searchParams.has("failed");
      const notice = failed ? '<p class="error" role="alert">トークンが違います / Wrong token</p>' : "";
      return sendHtml(response, uiPage(assets.login, uiLanguage(request), {}).replace("{{failed}}", notice));
    }
    if (method !== "POST") throw new ApiError(405, "method-not-allowed", "use GET or POST on /login");
    const form = await readForm(request, 4096);
    if (authorized(request, form.get("token") ?? "")) {
      const headers: Record<string, string> = { location: "/" };
      if (requireToken) headers["set-cookie"] = tokenCookie(token as string, isSecure(request));
      response.writeHead(303, headers);
      return void response.end();
    }
    response.writeHead(303, { location: "/login?failed=1" });
    response.end();
  };

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
    if (!report) throw notFound(id);
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
    const deleted = store.deleteReport(id);
    if (!deleted && !job) throw notFound(id);
    runner.forget(id);
    response.writeHead(204);
    response.end();
  };

  const events = (request: IncomingMessage, response: ServerResponse, id: string, query: URLSearchParams) => {
    if (runner.get(id)) return streamJobEvents(request, response, runner, id, lastEventId(request, query));
    const report = store.getReport(id);
    if (!report) throw notFound(id);
    streamStoredDone(response, id, report.title);
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
    response.writeHead(200, {
      "content-type": EXPORT_TYPES[format],
      "content-disposition": `${query.get("download") === "0" ? "inline" : "attachment"}; filename="shirabe-${id}.${format}"`,
      "content-security-policy": EXPORT_CSP,
      "cache-control": "no-store",
    });
    response.end(body);
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (error instanceof ApiError) return sendError(response, error);
      // Store failures are the server's fault, not the client's; the message names the file, not secrets.
      const message = error instanceof ShirabeError ? error.message : "internal error; see the server log";
      if (!(error instanceof ShirabeError)) console.error(error);
      sendError(
        response,
        new ApiError(500, error instanceof ShirabeError ? error.code : "internal", message),
      );
    });
  });
  server.headersTimeout = 30_000;
  server.requestTimeout = 120_000;
  await new Promise<void>((ready, fail) => {
    server.once("error", fail);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", fail);
      ready();
    });
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = host.includes(":") ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    async close() {
      await runner.close();
      await printer.close();
      await new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      });
    },
  };
}

const notFound = (id: string) => new ApiError(404, "not-found", `no report ${id.slice(0, 64)}`);

function isSecure(request: IncomingMessage): boolean {
  return (request.socket as { encrypted?: boolean }).encrypted === true;
}

function sendHtml(response: ServerResponse, html: string): void {
  response.writeHead(200, {
    "content-type": "text/html; charset=utf-8",
    "content-security-policy": UI_CSP,
    "cache-control": "no-store",
  });
  response.end(html);
}

interface Assets {
  index: string;
  login: string;
  files: Record<string, { type: string; body: string }>;
}

/**
 * The UI is plain files next to this module (src/server/ui), read once at start. A build that compiled
 * this module to dist/server/ without copying them still finds them in the source tree.
 */
function loadAssets(): Assets {
  const folder = [new URL("./ui/", import.meta.url), new URL("../../src/server/ui/", import.meta.url)].find(
    (url) => existsSync(new URL("index.html", url)),
  );
  if (!folder) {
    throw new ShirabeError(
      "the web UI files (src/server/ui) are missing from this installation; reinstall Shirabe",
      {
        code: "ui-missing",
        kind: "internal",
      },
    );
  }
  const read = (name: string) => readFileSync(new URL(name, folder), "utf8");
  return {
    index: read("index.html"),
    login: read("login.html"),
    files: {
      "app.js": { type: "text/javascript; charset=utf-8", body: read("app.js") },
      "app.css": { type: "text/css; charset=utf-8", body: read("app.css") },
    },
  };
}

function serveAsset(response: ServerResponse, assets: Assets, name: string): void {
  const asset = Object.hasOwn(assets.files, name) ? assets.files[name] : undefined;
  if (!asset) throw new ApiError(404, "not-found", `no asset ${name.slice(0, 80)}`);
  response.writeHead(200, { "content-type": asset.type, "cache-control": "no-cache" });
  response.end(asset.body);
}
