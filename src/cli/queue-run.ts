// Runs report jobs for `batch` and `watch`: through the embedded queue in this process, or — with
// --queue redis://… — through Redis for `shirabe worker` processes to run, their results stored here as
// they finish. One line per finished or failed job on stderr; SIGINT/SIGTERM hand running jobs back.
import { openBullmqQueue } from "../adapters/queue/bullmq-queue.js";
import { openEmbeddedQueue } from "../adapters/queue/embedded-queue.js";
import { redisLabel } from "../adapters/redis/redis-connection.js";
import type { SqliteStore } from "../adapters/store/sqlite.js";
import { ShirabeError } from "../errors.js";
import type { Queue, Worker } from "../ports/queue.js";
import type { Settings } from "./config.js";
import type { CommandContext } from "./context.js";
import { terminalText } from "./io.js";
import { FLAG_RANGES, parseNumberFlag } from "./number-flags.js";
import { collectResults, type ResultCollector, resultOwner } from "./remote-results.js";
import { createReportJobRunner, type ReportJobResult } from "./report-jobs.js";
import type { ReportJob } from "./report-run.js";

export interface QueueRunFlags {
  concurrency: string;
  /** redis://host:port: enqueue for workers instead of running here. */
  queue?: string;
  maxCostPerDay?: string;
  quiet?: boolean;
}

export interface QueueRun {
  queue: Queue<ReportJob, ReportJobResult>;
  /**
   * Resolves when the work is through: embedded, when nothing is left to run; remote, when every job
   * this run enqueued has finished and its result is stored here.
   */
  idle(): Promise<void>;
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
  if (flags.queue && maxCostPerDay !== undefined) {
    throw new ShirabeError(
      "--max-cost-per-day applies where reports are written: with --queue, give it to `shirabe worker`",
      { code: "bad-option", kind: "usage", input: flags.maxCostPerDay },
    );
  }
  // Lines carry feed and page titles: untrusted text, kept free of terminal controls.
  const say = (line: string) => {
    if (!flags.quiet) context.io.stderr.write(`${terminalText(line)}\n`);
  };
  const inputs = new Map<string, string>();
  const labelOf = (job: ReportJob) => (options.label ? options.label(job) : job.input);
  const remote = flags.queue
    ? openBullmqQueue<ReportJob, ReportJobResult>({
        url: flags.queue,
        owner: resultOwner(options.settings.storePath),
        // Told even with --quiet: a queue that cannot be reached is not progress.
        onUnavailable: (message) => context.io.stderr.write(`${message}\n`),
      })
    : null;
  const base = remote ?? openEmbeddedQueue<ReportJob, ReportJobResult>({ path: options.settings.storePath });
  const enqueued = new Set<string>();
  const queue: Queue<ReportJob, ReportJobResult> = {
    ...base,
    enqueue: async (data, enqueueOptions) => {
      const job = await base.enqueue(data, enqueueOptions);
      enqueued.add(job.id);
      inputs.set(job.id, labelOf(data));
      return job;
    },
  };
  base.onEvent((event) => {
    const label = inputs.get(event.id) ?? event.id;
    if (event.type === "done") say(`done ${label}: ${event.result.title} (report ${event.result.reportId})`);
    if (event.type === "failed") say(`failed ${label}: ${event.error.message}`);
    if (event.type === "retrying") say(`retrying ${label} at ${event.at}: ${event.error.message}`);
    if (event.type === "deferred") say(`deferred ${label} until ${event.at}: ${event.reason}`);
  });
  let worker: Worker | null = null;
  let runner: { close(): void } | null = null;
  let collector: ResultCollector | null = null;
  if (remote) {
    collector = collectResults({ queue: remote, store: options.store });
    void collector.sweep();
  } else {
    const jobRunner = createReportJobRunner({
      settings: options.settings,
      env: context.io.env,
      store: options.store,
      ...(maxCostPerDay !== undefined ? { maxCostPerDay } : {}),
    });
    runner = jobRunner;
    worker = queue.process(
      async (job, jobContext) => {
        inputs.set(job.id, labelOf(job.data));
        return jobRunner.handler(job, jobContext);
      },
      { concurrency },
    );
  }
  let stopping = false;
  /** True when every job this run enqueued has finished and each result with a run is stored here. */
  const through = async () => {
    const jobs = await Promise.all([...enqueued].map((id) => base.get(id)));
    return jobs.every((job) => {
      if (!job || job.state === "failed") return true;
      if (job.state !== "done" || !job.result) return false;
      return !job.result.run || options.store.getReport(job.result.reportId) !== null;
    });
  };
  const remoteIdle = async () => {
    let down = false;
    while (!stopping) {
      await collector?.sweep();
      try {
        if (await through()) return;
        down = false;
      } catch (error) {
        // Redis is down or restarting: the sweeps and this check go on until it is back.
        if (!down && flags.queue) {
          const reason = error instanceof Error ? error.message : String(error);
          context.io.stderr.write(
            `${redisLabel(flags.queue)}: Redis is unreachable (${reason}); waiting for it\n`,
          );
        }
        down = true;
      }
      await new Promise((done) => setTimeout(done, 250));
    }
  };
  let signalled: () => void = () => {};
  const interrupted = new Promise<void>((resolve) => {
    signalled = resolve;
  });
  const onSignal = () => {
    stopping = true;
    if (worker) say("stopping: running reports are handed back and run again next time");
    else say("stopping: queued reports stay queued; their results are stored when this runs again");
    void (worker ? worker.close() : Promise.resolve()).then(signalled);
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  return {
    queue,
    idle: () => (worker ? worker.idle() : remoteIdle()),
    interrupted,
    close: async () => {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
      stopping = true;
      collector?.stop();
      await base.close();
      runner?.close();
    },
  };
}
