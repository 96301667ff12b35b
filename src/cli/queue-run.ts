// Runs report jobs through the embedded queue for `batch` and `watch`: one line per finished or failed
// job on stderr, and SIGINT/SIGTERM hand the running jobs back (they run again next time).
import { openEmbeddedQueue } from "../adapters/queue/embedded-queue.js";
import type { SqliteStore } from "../adapters/store/sqlite.js";
import type { Queue, Worker } from "../ports/queue.js";
import type { Settings } from "./config.js";
import type { CommandContext } from "./context.js";
import { FLAG_RANGES, parseNumberFlag } from "./number-flags.js";
import { createReportJobRunner, type ReportJobResult } from "./report-jobs.js";
import type { ReportJob } from "./report-run.js";

export interface QueueRunFlags {
  concurrency: string;
  maxCostPerDay?: string;
  quiet?: boolean;
}

export interface QueueRun {
  queue: Queue<ReportJob, ReportJobResult>;
  worker: Worker;
  /** Resolves when SIGINT or SIGTERM arrived (after the worker handed its jobs back). */
  interrupted: Promise<void>;
  close(): Promise<void>;
}

export function startQueueRun(options: {
  flags: QueueRunFlags;
  settings: Settings;
  store: SqliteStore;
  context: CommandContext;
  /** What each job is called in the lines printed (its input by default). */
  label?: (job: ReportJob) => string;
}): QueueRun {
  const { flags, context } = options;
  const concurrency = parseNumberFlag("--concurrency", flags.concurrency, FLAG_RANGES.concurrency);
  const maxCostPerDay =
    flags.maxCostPerDay === undefined
      ? undefined
      : parseNumberFlag("--max-cost-per-day", flags.maxCostPerDay, FLAG_RANGES.maxCostPerDay);
  const queue = openEmbeddedQueue<ReportJob, ReportJobResult>({ path: options.settings.storePath });
  const runner = createReportJobRunner({
    settings: options.settings,
    env: context.io.env,
    store: options.store,
    ...(maxCostPerDay !== undefined ? { maxCostPerDay } : {}),
  });
  const inputs = new Map<string, string>();
  const say = (line: string) => {
    if (!flags.quiet) context.io.stderr.write(`${line}\n`);
  };
  queue.onEvent((event) => {
    const label = inputs.get(event.id) ?? event.id;
    if (event.type === "done") say(`done ${label}: ${event.result.title} (report ${event.result.reportId})`);
    if (event.type === "failed") say(`failed ${label}: ${event.error.message}`);
    if (event.type === "retrying") say(`retrying ${label} at ${event.at}: ${event.error.message}`);
    if (event.type === "deferred") say(`deferred ${label} until ${event.at}: ${event.reason}`);
  });
  const worker = queue.process(
    async (job, jobContext) => {
      inputs.set(job.id, options.label ? options.label(job.data) : job.data.input);
      return runner.handler(job, jobContext);
    },
    { concurrency },
  );
  let signalled: () => void = () => {};
  const interrupted = new Promise<void>((resolve) => {
    signalled = resolve;
  });
  const onSignal = () => {
    say("stopping: running reports are handed back and run again next time");
    void worker.close().then(signalled);
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  return {
    queue,
    worker,
    interrupted,
    close: async () => {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
      await queue.close();
      runner.close();
    },
  };
}
