// The queue's state for the web app when reports are made by workers (serve --queue): jobs waiting,
// running, done and failed, in all and per feed or batch, the failed ones with their reasons, and a retry
// of failed jobs. The same figures as `shirabe queue status`.
import { OpenAPIHono } from "@hono/zod-openapi";
import type { Queue } from "../ports/queue.js";
import { queueStatus, retryFailed } from "../queue-status.js";
import { ApiError } from "./api-error.js";

export function queueRoutes(queue: Queue<unknown, unknown>): OpenAPIHono {
  const app = new OpenAPIHono();
  app.get("/", async (c) => {
    c.header("cache-control", "no-store");
    return c.json(await queueStatus(queue), 200);
  });
  app.post("/retry", async (c) => {
    const body = (await c.req.json().catch(() => ({}))) as { group?: unknown };
    if (body.group !== undefined && typeof body.group !== "string") {
      throw new ApiError(400, "bad-group", "group must be the name of a feed or batch (a string)");
    }
    const retried = await retryFailed(queue, body.group === undefined ? {} : { group: body.group });
    return c.json({ retried }, 200);
  });
  return app;
}
