// The default queue backend: jobs in the SQLite store, run in this process with bounded concurrency.
// A running job holds a lease its process renews; when the process dies (even by SIGKILL) the next
// process to poll sees the owner is gone and runs the job again. A finished job is never run again.
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import PQueue from "p-queue";
import { isShirabeError } from "../../errors.js";
import {
  type Enqueued,
  type EnqueueOptions,
  JobDeferred,
  type JobHandler,
  type Queue,
  type QueuedJob,
  type QueueEvent,
  type Worker,
} from "../../ports/queue.js";
import { guardStore, openDatabase } from "../store/open-database.js";
import { jobKey } from "./job-key.js";
import { type JobFailure, jobTable } from "./job-table.js";

export interface EmbeddedQueueOptions {
  /** The SQLite store file. */
  path: string;
  /** Several queues may share the file; default "report". */
  name?: string;
  /** How long a running job's lease lasts without renewal (renewed every third of it). Default 30 s. */
  leaseMs?: number;
  /** How often a worker looks for jobs added by other processes or due for retry. Default 500 ms. */
  pollMs?: number;
  /** First retry delay; doubled on each further attempt. Default 2 s. */
  backoffMs?: number;
  /** Default attempts per job when enqueue does not say. Default 3. */
  maxAttempts?: number;
}

const HOST = hostname();

function failureOf(error: unknown): JobFailure {
  if (isShirabeError(error)) return { code: error.code, message: error.message };
  return { code: "internal", message: error instanceof Error ? error.message : String(error) };
}

export function openEmbeddedQueue<Data, Result>(options: EmbeddedQueueOptions): Queue<Data, Result> {
  const name = options.name ?? "report";
  const leaseMs = options.leaseMs ?? 30_000;
  const pollMs = options.pollMs ?? 500;
  const backoffMs = options.backoffMs ?? 2_000;
  const db = openDatabase(options.path);
  const guard = guardStore(options.path);
  const table = jobTable(db, name);
  const token = randomUUID();
  const owner = `${HOST}|${process.pid}|${token}`;
  const listeners = new Set<(event: QueueEvent<Result>) => void>();
  const workers = new Set<Worker>();
  let wake: (() => void) | null = null;

  const emit = (event: QueueEvent<Result>) => {
    for (const listener of listeners) listener(event);
  };

  /** A lease whose process on this host no longer exists (or is a new process under a reused pid). */
  const ownerIsDead = (other: string): boolean => {
    const [host, pidText, otherToken] = other.split("|");
    if (host !== HOST) return false;
    const pid = Number(pidText);
    if (pid === process.pid) return otherToken !== token;
    try {
      process.kill(pid, 0);
      return false;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === "ESRCH";
    }
  };

  const process_ = (handler: JobHandler<Data, Result>, { concurrency }: { concurrency: number }): Worker => {
    const slots = new PQueue({ concurrency: Math.max(1, concurrency) });
    const abort = new AbortController();
    const idleWaiters: Array<() => void> = [];
    let closed = false;

    const run = async (job: QueuedJob<Data, Result>) => {
      emit({ type: "active", id: job.id, attempt: job.attempts });
      try {
        const result = await handler(job, {
          attempt: job.attempts,
          signal: abort.signal,
          progress: (data) => {
            guard(table.progress)(job.id, owner, data);
            emit({ type: "progress", id: job.id, data });
          },
        });
        if (guard(table.finish)(job.id, owner, { result })) emit({ type: "done", id: job.id, result });
      } catch (error) {
        settleFailure(job, error);
      }
    };

    const settleFailure = (job: QueuedJob<Data, Result>, error: unknown) => {
      const failure = failureOf(error);
      if (error instanceof JobDeferred) {
        const at = error.until.getTime();
        guard(table.reschedule)(job.id, owner, at, { deferred: true, error: failure });
        emit({ type: "deferred", id: job.id, at: new Date(at).toISOString(), reason: error.message });
      } else if (abort.signal.aborted) {
        // Stopped by close(): the attempt does not count, and the job is free for the next process.
        guard(table.reschedule)(job.id, owner, Date.now(), { deferred: true, error: failure });
      } else if (isShirabeError(error) && error.retryable && job.attempts < job.maxAttempts) {
        const at = Date.now() + backoffMs * 2 ** (job.attempts - 1);
        guard(table.reschedule)(job.id, owner, at, { deferred: false, error: failure });
        emit({
          type: "retrying",
          id: job.id,
          attempt: job.attempts,
          at: new Date(at).toISOString(),
          error: failure,
        });
      } else if (guard(table.finish)(job.id, owner, { error: failure })) {
        emit({ type: "failed", id: job.id, error: failure });
      }
    };

    const tick = () => {
      if (closed) return;
      const free = slots.concurrency - slots.pending - slots.size;
      const jobs = guard(table.claim<Data, Result>)(owner, free, leaseMs, ownerIsDead);
      for (const job of jobs) void slots.add(() => run(job));
      if (slots.pending + slots.size === 0 && guard(table.pending)() === 0) {
        for (const resolve of idleWaiters.splice(0)) resolve();
      }
    };

    const safeTick = () => {
      try {
        tick();
      } catch {
        // A locked or busy file: the next poll tries again.
      }
    };
    const poll = setInterval(safeTick, pollMs);
    const heartbeat = setInterval(
      () => {
        try {
          table.renew(owner, leaseMs);
        } catch {
          // As above; the lease is long enough to survive a missed renewal.
        }
      },
      Math.max(50, leaseMs / 3),
    );
    // "next" fires once a finished job has left its slot, so the freed slot is filled at once.
    slots.on("next", safeTick);
    wake = safeTick;
    queueMicrotask(safeTick);

    const worker: Worker = {
      idle: () =>
        new Promise<void>((resolve) => {
          if (closed) return resolve();
          idleWaiters.push(resolve);
          queueMicrotask(safeTick);
        }),
      close: async () => {
        if (closed) return;
        closed = true;
        clearInterval(poll);
        abort.abort();
        await slots.onIdle();
        clearInterval(heartbeat);
        for (const resolve of idleWaiters.splice(0)) resolve();
        if (wake === safeTick) wake = null;
        workers.delete(worker);
      },
    };
    workers.add(worker);
    return worker;
  };

  return {
    enqueue: async (data: Data, enqueueOptions: EnqueueOptions = {}): Promise<Enqueued> => {
      const id = jobKey(name, data);
      const created = guard(table.insert)({
        id,
        group: enqueueOptions.group ?? null,
        data,
        maxAttempts: enqueueOptions.maxAttempts ?? options.maxAttempts ?? 3,
      });
      const state = guard(table.get)(id)?.state ?? "waiting";
      if (created) queueMicrotask(() => wake?.());
      return { id, created, state };
    },
    process: process_,
    get: async (id) => guard(table.get<Data, Result>)(id),
    counts: async (group) => guard(table.counts)(group),
    failed: async (group) => guard(table.failed<Data, Result>)(group),
    retry: async (id) => {
      const retried = guard(table.retry)(id);
      if (retried) queueMicrotask(() => wake?.());
      return retried;
    },
    clean: async (state, olderThanMs) =>
      guard(table.clean)(state, new Date(Date.now() - olderThanMs).toISOString()),
    groups: async () => guard(table.groups)(),
    // The handlers run in this process and write into this same store: there is nothing to collect.
    uncollected: async () => [],
    collected: async () => {},
    onEvent: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: async () => {
      await Promise.all([...workers].map((worker) => worker.close()));
      db.close();
    },
  };
}
