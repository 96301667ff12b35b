// Serves the web app (app.ts) over HTTP with @hono/node-server. It runs the same library and the same
// store as the CLI; the CLI builds the adapters and passes them in, with the token it read from the
// environment.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createAdaptorServer } from "@hono/node-server";
import { extractiveWriter, ShirabeError } from "../index.js";
import type { FeedStore } from "../ports/feeds.js";
import type { HttpClient } from "../ports/http.js";
import type { Queue } from "../ports/queue.js";
import type { JobStore, PageCache, ReportStore } from "../ports/store.js";
import { createApp } from "./app.js";
import { isLoopbackHost } from "./auth.js";
import { createFeedPoller, type FeedPollerOptions } from "./feed-poller.js";
import type { Engine } from "./job-types.js";
import { createJobRunner, type JobRunner } from "./jobs.js";
import { createPdfPrinter, DEFAULT_CHROMIUM } from "./print-pdf.js";
import { createRateLimiter, type RateLimitOptions } from "./rate-limit.js";
import { inProcessReports } from "./report-maker.js";
import { workerReports } from "./report-workers.js";
import { removeStaleUploads } from "./upload-folder.js";

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
  /** Make reports in worker threads, off the event loop (default true). */
  workers?: boolean;
  /**
   * Reports made elsewhere (serve --queue): the jobs go to this runner instead of being made here, and
   * the queue's status is served beside them.
   */
  remote?: { runner: JobRunner; queue: Queue<unknown, unknown> };
  /** Followed feeds (the store's file): the feeds API, and a periodic poll of those reporting automatically. */
  feeds?: FeedStore;
  feedPolling?: FeedPollerOptions;
}

export interface RunningServer {
  /** http://host:port */
  url: string;
  port: number;
  close(): Promise<void>;
}

export const EXTRACTIVE_ENGINE: Engine = {
  quotesVerbatim: true,
  start: () => ({ writer: extractiveWriter }),
};
const DEFAULT_ENGINES: Record<string, Engine> = { extractive: EXTRACTIVE_ENGINE };

export interface ServerApp {
  app: ReturnType<typeof createApp>;
  /** Stops the jobs (they read as interrupted on the next start) and the PDF printer. */
  close(): Promise<void>;
}

/** The app with its job runner and printer, not yet listening: startServer serves it, tests call it. */
export async function createServerApp(options: ServerOptions): Promise<ServerApp> {
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
  // Uploads of a server that was killed (kill -9) before it could remove them.
  await removeStaleUploads();
  const store = options.store;
  const reading = { http: options.http, ...(options.cache ? { cache: options.cache } : {}) };
  const runner =
    options.remote?.runner ??
    createJobRunner(
      {
        ...reading,
        store,
        maker: options.workers === false ? inProcessReports(reading) : workerReports(reading),
      },
      { maxConcurrent: options.maxConcurrentJobs ?? 4 },
    );
  const printer = createPdfPrinter(options.chromiumPath ?? DEFAULT_CHROMIUM);
  const engines = options.engines ?? DEFAULT_ENGINES;
  const poller = options.feeds
    ? createFeedPoller(
        { feeds: options.feeds, http: options.http, runner, engines },
        options.feedPolling ?? {},
      )
    : undefined;
  const app = createApp({
    runner,
    store,
    printer,
    limiter: createRateLimiter(options.rateLimit ?? { limit: 10, windowMs: 60_000 }),
    engines,
    ...(options.feeds && poller ? { feeds: { store: options.feeds, poller } } : {}),
    maxUploadBytes: options.maxUploadBytes ?? 2 * 1024 * 1024,
    token,
    requireToken,
    ...(options.remote ? { queue: options.remote.queue } : {}),
  });
  return {
    app,
    async close() {
      await poller?.close();
      await runner.close();
      await printer.close();
    },
  };
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? "127.0.0.1";
  const port = options.port ?? 0;
  const { app, close } = await createServerApp(options);
  const server = createAdaptorServer({ fetch: app.fetch, hostname: host }) as Server;
  server.headersTimeout = 30_000;
  server.requestTimeout = 120_000;
  try {
    await new Promise<void>((ready, fail) => {
      server.once("error", fail);
      server.listen(port, host, () => {
        server.off("error", fail);
        ready();
      });
    });
  } catch (error) {
    await close();
    throw listenError(error, host, port);
  }
  const bound = (server.address() as AddressInfo).port;
  const shownHost = host.includes(":") ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${bound}`,
    port: bound,
    async close() {
      await close();
      await new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      });
    },
  };
}

/** A port in use or not ours to bind is the user's to fix: a usage error naming the port. */
function listenError(error: unknown, host: string, port: number): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "EADDRINUSE") {
    return new ShirabeError(`port ${port} on ${host} is taken by another program; pick another with --port`, {
      code: "port-in-use",
      kind: "usage",
      input: String(port),
    });
  }
  if (code === "EACCES" || code === "EADDRNOTAVAIL") {
    return new ShirabeError(`cannot listen on ${host}:${port} (${code}); pick another --host or --port`, {
      code: "cannot-listen",
      kind: "usage",
      input: `${host}:${port}`,
    });
  }
  return error;
}
