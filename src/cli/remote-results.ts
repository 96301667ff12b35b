// The enqueuer's side of remote work: workers compute reports, and the process that enqueued them (batch,
// watch, serve) stays the one writer of its SQLite store. Each finished job's run is stored here — as its
// "done" event arrives, and on every sweep, which also picks up what finished while this process was down.
import { createHash } from "node:crypto";
import { hostname } from "node:os";
import { resolve } from "node:path";
import type { Queue, QueuedJob } from "../ports/queue.js";
import type { JobStore, ReportStore } from "../ports/store.js";
import type { ReportJobResult } from "./report-jobs.js";
import type { ReportJob } from "./report-run.js";

/** Who collects a queue's results: one store file on one host. */
export function resultOwner(storePath: string): string {
  return createHash("sha256")
    .update(`${hostname()}\n${resolve(storePath)}`)
    .digest("hex")
    .slice(0, 16);
}

export interface ResultCollector {
  /** Stores every finished result not yet stored; resolves when done. */
  sweep(): Promise<void>;
  stop(): void;
}

/**
 * A command sent while Redis restarts can stay unanswered; without a deadline it would hold the chain,
 * and no later event or sweep would ever store another result. Storing is idempotent, so a task that
 * answers after its deadline does no harm.
 */
const TASK_DEADLINE_MS = 15_000;

function withDeadline(task: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("result collection timed out")), ms);
    timer.unref();
  });
  return Promise.race([task, deadline]).finally(() => clearTimeout(timer));
}

export function collectResults(options: {
  queue: Queue<ReportJob, ReportJobResult>;
  store: ReportStore & JobStore;
  /** Called once per result stored here. */
  onStored?: (job: { id: string; result: ReportJobResult }) => void;
  /** A sweep this often (besides the events). Default 5 s. */
  everyMs?: number;
}): ResultCollector {
  const { queue, store } = options;
  let chain: Promise<void> = Promise.resolve();
  // One at a time: an event and a sweep for the same job never both write it.
  const serial = (task: () => Promise<void>) => {
    chain = chain
      .then(() => withDeadline(task(), TASK_DEADLINE_MS))
      .catch(() => {
        // Redis or the store was unavailable: the next sweep tries again; nothing was marked collected.
      });
    return chain;
  };

  const take = async (id: string, result: ReportJobResult | null) => {
    if (!result) return;
    if (result.run && !store.getReport(result.reportId)) store.saveRun(result.run);
    if (!store.getReport(result.reportId)) return;
    await queue.collected(id, { reportId: result.reportId, title: result.title });
    if (result.run) options.onStored?.({ id, result });
  };

  const sweep = () =>
    serial(async () => {
      const finished: Array<QueuedJob<ReportJob, ReportJobResult>> = await queue.uncollected();
      for (const job of finished) if (job.state === "done") await take(job.id, job.result);
    });

  const unsubscribe = queue.onEvent((event) => {
    if (event.type === "done") void serial(() => take(event.id, event.result));
  });
  const timer = setInterval(() => void sweep(), options.everyMs ?? 5_000);
  timer.unref();
  return {
    sweep,
    stop: () => {
      clearInterval(timer);
      unsubscribe();
    },
  };
}
