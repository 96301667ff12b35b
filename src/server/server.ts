// The web app and its JSON API on node:http. It runs the same library and the same store as the CLI;
// the CLI builds the adapters and passes them in, with the token it read from the environment.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { extractiveWriter, ShirabeError } from "../index.js";
import type { HttpClient } from "../ports/http.js";
import type { JobStore, PageCache, ReportStore } from "../ports/store.js";
import { createApi } from "./api.js";
import { ApiError, sendError } from "./api-error.js";
import {
  hostHeaderName,
  isLoopbackHost,
  requestToken,
  TOKEN_COOKIE,
  tokenCookie,
  tokenMatches,
} from "./auth.js";
import { readForm } from "./body.js";
import { createJobRunner } from "./jobs.js";
import { createPdfPrinter, DEFAULT_CHROMIUM } from "./pdf.js";
import { createRateLimiter, type RateLimitOptions } from "./rate-limit.js";
import { type Engine, LANGS } from "./submission.js";
import { loadAssets, sendHtml, serveAsset, uiLanguage, uiPage } from "./ui.js";

export interface ServerOptions {
  /** Bind address, e.g. "127.0.0.1" (default) or "0.0.0.0". */
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  http: HttpClient;
  /** Reports, and the jobs under way so that a restart can tell their users they were interrupted. */
  store: ReportStore & JobStore;
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
const SECURITY_HEADERS = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "x-frame-options": "DENY",
};

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
  const api = createApi({ runner, store, printer, limiter, engines, maxUploadBytes });

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

function isSecure(request: IncomingMessage): boolean {
  return (request.socket as { encrypted?: boolean }).encrypted === true;
}
