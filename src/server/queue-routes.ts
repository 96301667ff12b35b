// The queue's state for the web app when reports are made by workers (serve --queue): jobs waiting,
// running, done and failed, in all and per feed or batch, the failed ones with their reasons, and a retry
// of failed jobs. The same figures as `shirabe queue status`.
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import type { Queue } from "../ports/queue.js";
import { queueStatus, retryFailed } from "../queue-status.js";
import { QueueStatusView, Retried, RetryRequest } from "./queue-schemas.js";
import { errors, json } from "./reports-routes.js";
import { validationHook } from "./request-body.js";

export function queueRoutes(queue: Queue<unknown, unknown>): OpenAPIHono {
  const app = new OpenAPIHono({ defaultHook: validationHook });
  const status = createRoute({
    method: "get",
    path: "/",
    summary:
      "Jobs waiting, running, done and failed for workers (serve --queue), in all and per feed or batch",
    responses: { 200: json(QueueStatusView, "The queue now") },
  });
  app.openapi(status, async (c) => {
    c.header("cache-control", "no-store");
    return c.json(await queueStatus(queue), 200);
  });
  const retry = createRoute({
    method: "post",
    path: "/retry",
    summary: "Send failed jobs back to waiting with fresh attempts",
    request: { body: { required: false, content: { "application/json": { schema: RetryRequest } } } },
    responses: { 200: json(Retried, "How many went back"), ...errors(400) },
  });
  app.openapi(retry, async (c) => {
    // No body (or not JSON) retries every failed job.
    const { group } = (c.req.valid("json") as { group?: string } | undefined) ?? {};
    return c.json({ retried: await retryFailed(queue, group === undefined ? {} : { group }) }, 200);
  });
  return app;
}
