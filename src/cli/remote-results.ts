// The enqueuer's side of remote work: workers compute reports, and the process that enqueued them (batch,
// watch, serve) stays the one writer of its SQLite store. Results are stored by sweeps of this owner's
// finished jobs (Redis keeps the list of them), never from an event's payload: a sweep runs every few
// seconds, right after each "done" event (events only make it sooner), and whenever a caller asks. So a
// result is stored even when its event was lost (Redis restarted, this process was down), and never one
// another enqueuer on the same Redis enqueued.
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
  /** Stores every finished result of this owner not yet stored; resolves when done (or Redis failed). */
  sweep(): Promise<void>;
  stop(): void;
}

/**
 * A command sent while Redis restarts can stay unanswered; without a deadline it would hold every later
 * sweep. Storing is idempotent, so a sweep that answers after its deadline does no harm.
 */
const SWEEP_DEADLINE_MS = 15_000;

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
  /** A sweep this often besides those after events. Default 2 s. */
  everyMs?: number;
}): ResultCollector {
  const { queue, store } = options;

  const take = async (id: string, result: ReportJobResult | null) => {
    if (!result) return;
    if (!result.run) {
      // Only a summary is left (another owner collected the run first): nothing to store here.
      await queue.collected(id);
      return;
    }
    if (!store.getReport(result.reportId)) store.saveRun(result.run);
    if (!store.getReport(result.reportId)) return;
    await queue.collected(id, { reportId: result.reportId, title: result.title });
    options.onStored?.({ id, result });
  };

  const pass = async () => {
    const finished: Array<QueuedJob<ReportJob, ReportJobResult>> = await queue.uncollected();
    for (const job of finished) if (job.state === "done") await take(job.id, job.result);
  };

  // One sweep at a time, and at most one more asked for meanwhile: a burst of events costs two sweeps.
  let running: Promise<void> | null = null;
  let next: Promise<void> | null = null;
  const sweep = (): Promise<void> => {
    if (next) return next;
    const start = () =>
      withDeadline(pass(), SWEEP_DEADLINE_MS).catch(() => {
        // Redis or the store was unavailable: the next sweep tries again; nothing was marked collected.
      });
    if (!running) {
      running = start().finally(() => {
        running = null;
      });
      return running;
    }
    next = running.then(() => {
      next = null;
      return sweep();
    });
    return next;
  };

  const unsubscribe = queue.onEvent((event) => {
    if (event.type === "done") void sweep();
  });
  const timer = setInterval(() => void sweep(), options.everyMs ?? 2_000);
  timer.unref();
  return {
    sweep,
    stop: () => {
      clearInterval(timer);
      unsubscribe();
    },
  };
}
