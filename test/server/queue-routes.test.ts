// The queue API the web app reads with serve --queue, on a real (embedded, SQLite) queue: the status,
// and a retry of failed jobs — all of them, one group's, and a body that is not what it should be.
import { join } from "node:path";
import { OpenAPIHono } from "@hono/zod-openapi";
import { describe, expect, it } from "vitest";
import { openEmbeddedQueue } from "../../src/adapters/queue/embedded-queue.js";
import { ShirabeError } from "../../src/errors.js";
import { ApiError, errorResponse } from "../../src/server/api-error.js";
import { queueRoutes } from "../../src/server/queue-routes.js";
import { tempDir } from "../support/temp.js";

async function failedQueue() {
  const queue = openEmbeddedQueue<{ input: string }, string>({
    path: join(tempDir(), "shirabe.sqlite"),
    pollMs: 20,
  });
  await queue.enqueue({ input: "https://news.example/a" }, { group: "feed-a" });
  await queue.enqueue({ input: "https://news.example/b" }, { group: "feed-b" });
  const worker = queue.process(
    async () => {
      throw new ShirabeError("the page is gone", { code: "http-status", kind: "network" });
    },
    { concurrency: 2 },
  );
  await worker.idle();
  await worker.close();
  const app = new OpenAPIHono();
  app.onError((error, c) => {
    if (error instanceof ApiError) return errorResponse(c, error);
    throw error;
  });
  app.route("/api/queue", queueRoutes(queue as never));
  return { queue, app };
}

describe("/api/queue", () => {
  it("counts the jobs, lists the failed ones with their reasons, and retries one group's or all", async () => {
    const { queue, app } = await failedQueue();
    const status = await app.request("/api/queue");
    expect(status.status).toBe(200);
    expect(await status.json()).toMatchObject({
      total: { waiting: 0, active: 0, done: 0, failed: 2 },
      failed: [{ code: "http-status", reason: "the page is gone" }, { code: "http-status" }],
    });

    const post = (body?: string) =>
      app.request("/api/queue/retry", {
        method: "POST",
        ...(body === undefined ? {} : { body, headers: { "content-type": "application/json" } }),
      });
    const bad = await post(JSON.stringify({ group: 7 }));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: "bad-group" } });

    expect(await (await post(JSON.stringify({ group: "feed-a" }))).json()).toEqual({ retried: 1 });
    expect((await queue.counts("feed-a")).waiting).toBe(1);
    expect(await (await post()).json()).toEqual({ retried: 1 });
    expect(await queue.counts()).toMatchObject({ waiting: 2, failed: 0 });
    await queue.close();
  });
});
