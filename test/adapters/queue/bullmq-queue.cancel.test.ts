// Cancelling BullMQ jobs from another process's queue handle (as the web server does): a waiting job is
// removed from the queue; a running one's worker hears the request through Redis, stops its handler,
// and the job fails with code "cancelled" without being retried.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openBullmqQueue } from "../../../src/adapters/queue/bullmq-queue.js";
import { HandedBack } from "../../../src/ports/llm.js";
import type { QueueEvent } from "../../../src/ports/queue.js";
import { HAS_REDIS, NO_REDIS_MESSAGE, startRedis, type TestRedis } from "../../support/redis-server.js";

if (!HAS_REDIS) console.warn(NO_REDIS_MESSAGE);

describe.skipIf(!HAS_REDIS)("BullMQ queue cancel", () => {
  let redis: TestRedis;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it("removes a waiting job and stops a running one on its worker", async () => {
    const options = { url: redis.url, name: "cancel", backoffMs: 5, pollMs: 20 };
    const enqueuer = openBullmqQueue<{ n: number }, string>(options);
    const workers = openBullmqQueue<{ n: number }, string>(options);
    const events: Array<QueueEvent<string>> = [];
    enqueuer.onEvent((event) => events.push(event));
    let started = 0;
    let stoppedBySignal = 0;
    const reasons: unknown[] = [];
    const worker = workers.process(
      (_job, context) =>
        new Promise<string>((_, reject) => {
          started += 1;
          context.signal.addEventListener("abort", () => {
            stoppedBySignal += 1;
            reasons.push(context.signal.reason);
            reject(new Error("stopped"));
          });
        }),
      { concurrency: 1 },
    );
    try {
      const running = await enqueuer.enqueue({ n: 1 }, { maxAttempts: 3 });
      const waiting = await enqueuer.enqueue({ n: 2 });
      while ((await enqueuer.get(running.id))?.state !== "active")
        await new Promise((done) => setTimeout(done, 20));

      expect(await enqueuer.cancel?.(waiting.id)).toBe("removed");
      expect(await enqueuer.get(waiting.id)).toBeNull();

      expect(await enqueuer.cancel?.(running.id)).toBe("stopping");
      while (!events.some((event) => event.type === "failed"))
        await new Promise((done) => setTimeout(done, 20));
      expect(events.find((event) => event.type === "failed")).toMatchObject({
        id: running.id,
        error: { code: "cancelled" },
      });
      expect(stoppedBySignal).toBe(1);
      // Cancelled, not handed back: a model call in flight stops at once (no one will need its answer).
      expect(reasons[0]).not.toBeInstanceOf(HandedBack);
      expect(started).toBe(1);
      expect(await enqueuer.get(running.id)).toMatchObject({ state: "failed", attempts: 1 });
      expect(await enqueuer.cancel?.(running.id)).toBe(false);
    } finally {
      await worker.close();
      await workers.close();
      await enqueuer.close();
    }
  });

  it("a worker stopped without grace hands its running job back, telling the handler so", async () => {
    const options = { url: redis.url, name: "hand-back", backoffMs: 5, pollMs: 20 };
    const enqueuer = openBullmqQueue<{ n: number }, string>(options);
    const workers = openBullmqQueue<{ n: number }, string>(options);
    const reasons: unknown[] = [];
    workers.process(
      (_job, context) =>
        new Promise<string>((_, reject) => {
          const stopped = () => {
            reasons.push(context.signal.reason);
            reject(new Error("stopped"));
          };
          // The stop can come before the handler listens (BullMQ starts it a moment after "active").
          if (context.signal.aborted) stopped();
          else context.signal.addEventListener("abort", stopped);
        }),
      { concurrency: 1 },
    );
    try {
      const job = await enqueuer.enqueue({ n: 1 }, { maxAttempts: 3 });
      while ((await enqueuer.get(job.id))?.state !== "active")
        await new Promise((done) => setTimeout(done, 20));
      await workers.close();
      // The LLM client reads a call already sent to its end on this reason, into the shared cache.
      expect(reasons).toHaveLength(1);
      expect(reasons[0]).toBeInstanceOf(HandedBack);
      expect(await enqueuer.get(job.id)).toMatchObject({ state: "waiting", attempts: 0 });
    } finally {
      await enqueuer.close();
    }
  });
});
