// One suite every Queue backend runs (embedded today, BullMQ next): idempotent keys, bounded
// concurrency, results, progress, retries with backoff, the failed set, deferral and per-group counts.
import { afterEach, describe, expect, it } from "vitest";
import { ShirabeError } from "../../src/errors.js";
import { JobDeferred, type Queue, type QueueEvent } from "../../src/ports/queue.js";

interface TestJob {
  input: string;
  options?: Record<string, unknown>;
}

/** `open` gives a fresh, empty queue whose retry backoff is a few milliseconds. */
export function queueContract(name: string, open: () => Promise<Queue<TestJob, { echoed: string }>>): void {
  describe(`${name} queue contract`, () => {
    const opened: Array<Queue<TestJob, { echoed: string }>> = [];
    const fresh = async () => {
      const queue = await open();
      opened.push(queue);
      return queue;
    };
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((queue) => queue.close()));
    });

    it("gives the same input and options the same job, whatever order the options were written in", async () => {
      const queue = await fresh();
      const first = await queue.enqueue({ input: "a", options: { lang: "ja", maxLinks: 3 } });
      const again = await queue.enqueue({ input: "a", options: { maxLinks: 3, lang: "ja" } });
      const other = await queue.enqueue({ input: "a", options: { lang: "en", maxLinks: 3 } });
      expect(first.created).toBe(true);
      expect(again).toEqual({ id: first.id, created: false, state: "waiting" });
      expect(other.id).not.toBe(first.id);
    });

    it("runs every job once, never more at a time than asked, and keeps each result", async () => {
      const queue = await fresh();
      const ids = await Promise.all(
        Array.from({ length: 12 }, (_, n) => queue.enqueue({ input: `item-${n}` }, { group: "feed-a" })),
      );
      let running = 0;
      let most = 0;
      const seen: string[] = [];
      const worker = queue.process(
        async (job) => {
          running += 1;
          most = Math.max(most, running);
          seen.push(job.data.input);
          await new Promise((resolve) => setTimeout(resolve, 5));
          running -= 1;
          return { echoed: job.data.input };
        },
        { concurrency: 3 },
      );
      await worker.idle();
      await worker.close();
      expect(most).toBe(3);
      expect(seen.sort()).toEqual(Array.from({ length: 12 }, (_, n) => `item-${n}`).sort());
      expect(await queue.counts("feed-a")).toEqual({ waiting: 0, active: 0, done: 12, failed: 0 });
      const job = await queue.get(ids[4]?.id ?? "");
      expect(job?.state).toBe("done");
      expect(job?.result).toEqual({ echoed: "item-4" });
      // A finished job enqueued again stays finished and is not run again.
      expect(await queue.enqueue({ input: "item-4" })).toMatchObject({ created: false, state: "done" });
    });

    it("retries a retryable failure with backoff, and moves a job that keeps failing to the failed set with its reason", async () => {
      const queue = await fresh();
      const flaky = await queue.enqueue({ input: "flaky" }, { group: "g" });
      const broken = await queue.enqueue({ input: "broken" }, { group: "g", maxAttempts: 2 });
      const bad = await queue.enqueue({ input: "bad" }, { group: "g" });
      const events: Array<QueueEvent<{ echoed: string }>> = [];
      queue.onEvent((event) => events.push(event));
      const attempts = new Map<string, number>();
      const worker = queue.process(
        async (job, context) => {
          attempts.set(job.data.input, context.attempt);
          context.progress({ step: "start", attempt: context.attempt });
          if (job.data.input === "bad") {
            throw new ShirabeError("bad: not an article", { code: "no-article-text", kind: "input" });
          }
          if (job.data.input === "broken" || context.attempt === 1) {
            throw new ShirabeError(`${job.data.input}: timed out`, {
              code: "timeout",
              kind: "network",
              retryable: true,
            });
          }
          return { echoed: job.data.input };
        },
        { concurrency: 2 },
      );
      await worker.idle();
      await worker.close();
      expect(attempts.get("flaky")).toBe(2);
      expect(attempts.get("broken")).toBe(2);
      expect(attempts.get("bad")).toBe(1);
      expect((await queue.get(flaky.id))?.state).toBe("done");
      const failed = await queue.failed("g");
      expect(failed.map((job) => [job.id, job.error?.code]).sort()).toEqual(
        [
          [broken.id, "timeout"],
          [bad.id, "no-article-text"],
        ].sort(),
      );
      expect(events.some((event) => event.type === "retrying" && event.id === flaky.id)).toBe(true);
      expect(events.filter((event) => event.type === "progress" && event.id === flaky.id)).toHaveLength(2);
      expect(await queue.counts("g")).toEqual({ waiting: 0, active: 0, done: 1, failed: 2 });
      expect(await queue.counts("other")).toEqual({ waiting: 0, active: 0, done: 0, failed: 0 });

      // A failed job can be sent back; it then runs with fresh attempts.
      expect(await queue.retry(bad.id)).toBe(true);
      expect(await queue.retry(flaky.id)).toBe(false);
      const again = queue.process(async (job) => ({ echoed: job.data.input }), { concurrency: 1 });
      await again.idle();
      await again.close();
      expect((await queue.get(bad.id))?.result).toEqual({ echoed: "bad" });
    });

    it("puts a deferred job back without spending an attempt and does not wait for it", async () => {
      const queue = await fresh();
      const job = await queue.enqueue({ input: "over-budget" });
      let calls = 0;
      const worker = queue.process(
        async () => {
          calls += 1;
          throw new JobDeferred("the day's budget is spent", new Date(Date.now() + 3_600_000));
        },
        { concurrency: 1 },
      );
      await worker.idle();
      await worker.close();
      expect(calls).toBe(1);
      const stored = await queue.get(job.id);
      expect(stored).toMatchObject({ state: "waiting", attempts: 0 });
    });
  });
}
