// The web app as one hono application: security headers, the DNS-rebinding check, the guard, the
// pages and one router per API resource. It runs over HTTP (server.ts) or in process (app.request).
import { OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { secureHeaders } from "hono/secure-headers";
import { ShirabeError } from "../index.js";
import type { Queue } from "../ports/queue.js";
import { ApiError, errorResponse } from "./api-error.js";
import { createGuard, hostHeaderName, isLoopbackHost } from "./auth.js";
import type { FeedPoller } from "./feed-poller.js";
import { type FeedsDeps, feedsRoutes } from "./feeds-routes.js";
import type { Engine } from "./job-types.js";
import type { JobRunner } from "./jobs.js";
import { appPage, publicPages } from "./pages-routes.js";
import type { PdfPrinter } from "./print-pdf.js";
import { queueRoutes } from "./queue-routes.js";
import type { RateLimiter } from "./rate-limit.js";
import { type ReportsDeps, reportsRoutes } from "./reports-routes.js";
import { loadAssets } from "./ui.js";

export interface AppDeps extends ReportsDeps {
  /** The queue workers take jobs from (serve --queue): its status is served under /api/queue. */
  queue?: Queue<unknown, unknown>;
  token: string | undefined;
  requireToken: boolean;
  /** Followed feeds and their poller; without them the server has no feeds API. */
  feeds?: { store: FeedsDeps["feeds"]; poller: FeedPoller };
}

export type { Engine, JobRunner, PdfPrinter, RateLimiter };

/** hono's own refusals (a body that is not JSON, a content type no route takes) in the API's words. */
function fromHttpException(error: HTTPException): ApiError {
  if (error.status === 415) {
    return new ApiError(
      415,
      "unsupported-media-type",
      "send the request body as JSON (content-type: application/json) or as multipart/form-data",
    );
  }
  if (error.status === 400 && /json/i.test(error.message)) {
    return new ApiError(400, "bad-json", "the request body is not valid JSON");
  }
  if (error.status === 400)
    return new ApiError(
      400,
      "bad-request",
      "the request body cannot be read; send JSON or multipart/form-data",
    );
  return new ApiError(error.status === 413 ? 413 : 400, "bad-request", error.message.slice(0, 200));
}

export function handleError(error: unknown, c: Context): Response {
  if (error instanceof ApiError) return errorResponse(c, error);
  if (error instanceof HTTPException) return errorResponse(c, fromHttpException(error));
  // Store failures are the server's fault, not the client's; the message names the file, not secrets.
  if (error instanceof ShirabeError) return errorResponse(c, new ApiError(500, error.code, error.message));
  console.error(error);
  return errorResponse(c, new ApiError(500, "internal", "internal error; see the server log"));
}

export function createApp(deps: AppDeps): OpenAPIHono {
  const guard = createGuard({ requireToken: deps.requireToken, token: deps.token });
  const pages = { assets: loadAssets(), guard, engines: deps.engines, requireToken: deps.requireToken };
  const app = new OpenAPIHono();
  app.onError(handleError);
  app.notFound((c) =>
    errorResponse(c, new ApiError(404, "not-found", `no page at ${c.req.path.slice(0, 80)}`)),
  );
  app.use(
    secureHeaders({
      xFrameOptions: "DENY",
      referrerPolicy: "no-referrer",
      crossOriginEmbedderPolicy: false,
      strictTransportSecurity: false,
    }),
  );
  // Without a token the server trusts loopback callers, so it must also refuse pages on other sites
  // that reach it by DNS rebinding: their Host header names their own domain.
  if (!deps.requireToken) {
    app.use(async (c, next) => {
      // The Host header over HTTP; the URL's host for in-process requests (app.request), which have none.
      const host = hostHeaderName(c.req.header("host")) || new URL(c.req.url).hostname;
      if (!isLoopbackHost(host)) {
        throw new ApiError(403, "bad-host", "this server only answers requests addressed to localhost");
      }
      return next();
    });
  }
  app.route("/", publicPages(pages));
  app.use(guard.middleware);
  app.route("/", appPage(pages));
  if (deps.feeds) {
    const { store: feeds, poller } = deps.feeds;
    app.route("/api", feedsRoutes({ feeds, poller, runner: deps.runner, store: deps.store }));
  }
  app.route("/api/reports", reportsRoutes(deps));
  if (deps.queue) app.route("/api/queue", queueRoutes(deps.queue));
  return app;
}

/** The OpenAPI document of the API (docs/openapi.json is this, written by scripts/write-openapi.ts). */
export function openApiDocument() {
  // Only the routes' schemas are read; no handler runs, so the routes need no store or runner.
  const app = new OpenAPIHono();
  app.route("/api/reports", reportsRoutes({ maxUploadBytes: 2 * 1024 * 1024 } as ReportsDeps));
  app.route("/api", feedsRoutes({} as FeedsDeps));
  app.route("/api/queue", queueRoutes({} as Queue<unknown, unknown>));
  // The login form's two endpoints are plain pages (pages-routes.ts); they are documented here.
  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
    description: "SHIRABE_TOKEN; required when the server is not bound to loopback.",
  });
  app.openAPIRegistry.registerComponent("securitySchemes", "cookie", {
    type: "apiKey",
    in: "cookie",
    name: "shirabe_token",
    description: "A session set by POST /login (it proves the token without carrying it).",
  });
  app.openAPIRegistry.registerPath({
    method: "post",
    path: "/login",
    summary: "Log in with the token (form field token); sets the session cookie",
    request: {
      body: {
        content: { "application/x-www-form-urlencoded": { schema: z.object({ token: z.string() }) } },
      },
    },
    responses: {
      303: { description: "To / when the token is right, else to /login?failed=1" },
      429: { description: "Too many wrong tokens from this address; wait retry-after seconds" },
    },
  });
  app.openAPIRegistry.registerPath({
    method: "post",
    path: "/logout",
    summary: "Forget the session cookie",
    responses: { 303: { description: "To /login" } },
  });
  return app.getOpenAPIDocument({
    openapi: "3.0.3",
    info: {
      title: "Shirabe web API",
      version: "2",
      description:
        "Make, follow, read, export and delete sourced research reports. On loopback no token is needed and requests must name localhost; elsewhere send Authorization: Bearer <SHIRABE_TOKEN>.",
    },
    servers: [{ url: "http://127.0.0.1:8787" }],
    security: [{}, { bearer: [] }, { cookie: [] }],
  });
}
