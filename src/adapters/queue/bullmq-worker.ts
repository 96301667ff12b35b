// The BullMQ worker behind Queue.process: runs the port's handler on each job BullMQ hands out, and maps
// the port's outcomes onto BullMQ's (a retryable error is retried with backoff, any other fails at once,
// a deferral waits without spending an attempt, a stop hands the job back to waiting). A worker killed
// outright stops renewing its job's lock, and another worker's stalled-job check takes the job over.
import { hostname } from "node:os";
import type { Queue as BullQueue, Job } from "bullmq";
import type { Redis } from "ioredis";
import { isShirabeError } from "../../errors.js";
import { HandedBack } from "../../ports/llm.js";
import { JobDeferred, type JobHandler, type QueueEvent, type Worker } from "../../ports/queue.js";
import { bullConnection } from "../redis/redis-connection.js";
import { type BullJobData, type BullKeys, failureOf, toQueuedJob } from "./bull-job-records.js";
import { bullmq } from "./bullmq-module.js";
import type { BullmqQueueOptions } from "./bullmq-queue.js";

export interface BullWorkerContext<Data, Result> {
  url: string;
  name: string;
  prefix: string;
  keys: BullKeys;
  redis: Redis;
  bull: BullQueue<BullJobData<Data>, Result>;
  handler: JobHandler<Data, Result>;
  concurrency: number;
  publish(event: QueueEvent<Result>): void;
  /** Events of this queue from every process (cancel requests among them); returns the unsubscribe. */
  onEvent(listener: (event: QueueEvent<Result>) => void): () => void;
  options: BullmqQueueOptions;
  onClosed(): void;
}

function failureText(error: unknown): { code: string; message: string } {
  if (isShirabeError(error)) return { code: error.code, message: error.message };
  return { code: "internal", message: error instanceof Error ? error.message : String(error) };
}

export function startBullWorker<Data, Result>(context: BullWorkerContext<Data, Result>): Worker {
  const { keys, redis, publish, options } = context;
  const { Worker: BullWorker, DelayedError, UnrecoverableError, WaitingError } = bullmq();
  const backoffMs = options.backoffMs ?? 2_000;
  const running = new Map<string, AbortController>();
  const cancelled = new Set<string>();
  let handingBack = false;
  let closed = false;
  const stopListening = context.onEvent((event) => {
    if (event.type !== "cancel") return;
    const stop = running.get(event.id);
    if (!stop) return;
    cancelled.add(event.id);
    stop.abort(new Error("the report was cancelled"));
  });

  const processor = async (job: Job<BullJobData<Data>, Result>, token?: string, signal?: AbortSignal) => {
    const id = job.id ?? "";
    const attempt = job.attemptsMade + 1;
    const maxAttempts = job.opts.attempts ?? 1;
    const stop = new AbortController();
    signal?.addEventListener("abort", () => stop.abort(signal.reason), { once: true });
    running.set(id, stop);
    // BullMQ can hand out a job it took just before close() began: it is handed back like the others.
    if (handingBack) stop.abort(new HandedBack("the worker is stopping"));
    await redis.srem(keys.deferred, id).catch(() => {});
    publish({ type: "active", id, attempt });
    try {
      return await context.handler(toQueuedJob(job, "active"), {
        attempt,
        signal: stop.signal,
        progress: (data) => {
          job.updateProgress(data as object).catch(() => {});
          publish({ type: "progress", id, data });
        },
      });
    } catch (error) {
      if (error instanceof JobDeferred) {
        await redis.sadd(keys.deferred, id);
        await job.moveToDelayed(error.until.getTime(), token);
        publish({ type: "deferred", id, at: error.until.toISOString(), reason: error.message });
        throw new DelayedError();
      }
      if (cancelled.delete(id)) {
        throw new UnrecoverableError(
          JSON.stringify({ code: "cancelled", message: "the report was cancelled" }),
        );
      }
      if (handingBack) {
        // Stopped by close(): the attempt does not count, and another worker takes the job now.
        await job.moveToWait(token);
        throw new WaitingError();
      }
      const failure = failureText(error);
      if (isShirabeError(error) && error.retryable && attempt < maxAttempts) {
        const at = new Date(Date.now() + backoffMs * 2 ** (attempt - 1)).toISOString();
        publish({ type: "retrying", id, attempt, at, error: failure });
        throw new Error(JSON.stringify(failure));
      }
      throw new UnrecoverableError(JSON.stringify(failure));
    } finally {
      running.delete(id);
      cancelled.delete(id);
    }
  };

  const worker = new BullWorker<BullJobData<Data>, Result>(context.name, processor, {
    prefix: context.prefix,
    connection: bullConnection(context.url, { blocking: true }),
    concurrency: Math.max(1, context.concurrency),
    name: `${hostname()}:${process.pid}`,
    lockDuration: options.lockMs ?? 30_000,
    stalledInterval: options.stalledIntervalMs ?? 30_000,
    maxStalledCount: options.maxStalledCount ?? 2,
    // Jobs wait in Redis for the first free worker; a short drain delay keeps pickup quick after a lull.
    drainDelay: 1,
  });
  worker.on("error", () => {});
  worker.on("completed", (job, result) => {
    publish({ type: "done", id: job.id ?? "", result: result as Result });
  });
  worker.on("failed", (job, error) => {
    if (!job) return;
    const final = error instanceof UnrecoverableError || job.attemptsMade >= (job.opts.attempts ?? 1);
    if (!final) return;
    publish({
      type: "failed",
      id: job.id ?? "",
      error: failureOf(job.failedReason) ?? failureText(error),
    });
  });

  const pending = async (): Promise<number> => {
    const counts = await context.bull.getJobCounts(
      "wait",
      "active",
      "prioritized",
      "delayed",
      "waiting-children",
    );
    const deferred = await redis.scard(keys.deferred);
    const delayed = Math.max(0, (counts.delayed ?? 0) - deferred);
    return (
      (counts.wait ?? 0) +
      (counts.active ?? 0) +
      (counts.prioritized ?? 0) +
      (counts["waiting-children"] ?? 0) +
      delayed
    );
  };

  return {
    idle: async () => {
      const pollMs = options.pollMs ?? 500;
      while (!closed) {
        try {
          if (running.size === 0 && (await pending()) === 0) return;
        } catch {
          // Redis down for a moment: look again at the next poll.
        }
        await new Promise((resolve) => setTimeout(resolve, pollMs));
      }
    },
    close: async () => {
      if (closed) return;
      closed = true;
      stopListening();
      const finishing = worker.close();
      const grace = options.closeGraceMs ?? 0;
      if (running.size > 0 && grace > 0) {
        // Unref'd: a report that ends early lets the process exit then, not when the grace runs out.
        await Promise.race([finishing, new Promise((resolve) => setTimeout(resolve, grace).unref())]);
      }
      handingBack = true;
      // Handed back, not cancelled: a model answer already on its way is still read into the shared cache.
      for (const stop of running.values()) stop.abort(new HandedBack("the worker is stopping"));
      await finishing;
      context.onClosed();
    },
  };
}
