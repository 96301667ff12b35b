// `shirabe worker --queue redis://…`: takes report jobs from Redis and writes them, on as many processes
// and machines as there are workers. A worker is stateless compute: its own data dir is only a page cache,
// and each result carries the whole run back to the process that enqueued it, which stores it. SIGTERM
// lets running jobs finish for --grace seconds, then hands the rest back for another worker.
import type { Command } from "commander";
import { openBullmqQueue } from "../../adapters/queue/bullmq-queue.js";
import { redisLabel } from "../../adapters/redis/redis-connection.js";
import { openSharedLlmState } from "../../adapters/redis/shared-llm-state.js";
import { type CommonFlags, resolveSettings } from "../config.js";
import { type CommandContext, openSettingsStore } from "../context.js";
import { terminalText } from "../io.js";
import { FLAG_RANGES, type NumberRange, parseNumberFlag } from "../number-flags.js";
import { createReportJobRunner, type ReportJobResult } from "../report-jobs.js";
import type { ReportJob } from "../report-run.js";

/** The worker's own numeric flags, each against its range (the shared ones come from FLAG_RANGES). */
const WORKER_RANGES = {
  grace: { min: 0, max: 3_600, unit: "seconds" },
  lock: { min: 0.1, max: 3_600, unit: "seconds" },
  stalledInterval: { min: 0.1, max: 3_600, unit: "seconds" },
  llmPerMinute: { min: 1, max: 1_000_000, integer: true },
  llmCacheDays: { min: 0.01, max: 365, unit: "days" },
} satisfies Record<string, NumberRange>;

interface WorkerFlags extends CommonFlags {
  queue: string;
  concurrency: string;
  maxCostPerDay?: string;
  grace: string;
  lock: string;
  stalledInterval: string;
  untilIdle?: boolean;
  llmPerMinute?: string;
  llmCacheDays: string;
  quiet?: boolean;
}

export function registerWorker(program: Command, context: CommandContext): void {
  program
    .command("worker")
    .description("Write the reports queued on Redis by `batch`, `watch` or `serve` with --queue")
    .requiredOption("--queue <redis-url>", "the Redis that holds the jobs, e.g. redis://127.0.0.1:6379")
    .option("--concurrency <n>", "reports written at once by this worker", "2")
    .option("--max-cost-per-day <usd>", "stop new LLM work before a UTC day's estimated spend passes this")
    .option(
      "--grace <seconds>",
      "on SIGTERM, let running reports finish this long before handing them back",
      "30",
    )
    .option("--lock <seconds>", "a job (and LLM slot) whose worker is silent this long is taken over", "30")
    .option("--stalled-interval <seconds>", "how often to look for jobs whose worker went silent", "30")
    .option("--until-idle", "exit once no job is waiting or running")
    .option("--llm-per-minute <n>", "LLM calls started per minute per provider, across all workers")
    .option("--llm-cache-days <days>", "keep answers in the shared LLM call cache this long", "3")
    .option("--data-dir <dir>", "this worker's page cache")
    .option("--allow-private-network", "allow fetching from loopback and private addresses")
    .option("--timeout <seconds>", "give up on a fetch after this many seconds (default 30)")
    .option("--no-cache", "do not read or write the page cache")
    .option("--quiet", "no line per job on stderr")
    .option("--debug", "print stack traces")
    .action(async (flags: WorkerFlags) => {
      const settings = resolveSettings(flags, context.io.env);
      const concurrency = parseNumberFlag("--concurrency", flags.concurrency, FLAG_RANGES.concurrency);
      const seconds = (value: string, flag: string, range: NumberRange) =>
        Math.round(parseNumberFlag(flag, value, range) * 1000);
      const maxCostPerDay =
        flags.maxCostPerDay === undefined
          ? undefined
          : parseNumberFlag("--max-cost-per-day", flags.maxCostPerDay, FLAG_RANGES.maxCostPerDay);
      const say = (line: string) => {
        if (!flags.quiet) context.io.stderr.write(`${terminalText(line)}\n`);
      };
      const perMinute =
        flags.llmPerMinute === undefined
          ? undefined
          : parseNumberFlag("--llm-per-minute", flags.llmPerMinute, WORKER_RANGES.llmPerMinute);
      const store = openSettingsStore(settings);
      // The call cache and the provider limits live in the queue's Redis, shared by every worker.
      const lockMs = seconds(flags.lock, "--lock", WORKER_RANGES.lock);
      const shared = openSharedLlmState({
        url: flags.queue,
        // A killed worker's provider slots come free as soon as its jobs do.
        leaseMs: lockMs,
        cacheDays: parseNumberFlag("--llm-cache-days", flags.llmCacheDays, WORKER_RANGES.llmCacheDays),
        ...(perMinute !== undefined ? { perMinute } : {}),
      });
      const runner = createReportJobRunner({
        settings,
        env: context.io.env,
        store,
        carryRun: true,
        shared,
        ...(maxCostPerDay !== undefined ? { maxCostPerDay } : {}),
      });
      const queue = openBullmqQueue<ReportJob, ReportJobResult>({
        url: flags.queue,
        lockMs,
        stalledIntervalMs: seconds(
          flags.stalledInterval,
          "--stalled-interval",
          WORKER_RANGES.stalledInterval,
        ),
        closeGraceMs: seconds(flags.grace, "--grace", WORKER_RANGES.grace),
      });
      const mine = new Map<string, string>();
      queue.onEvent((event) => {
        const input = mine.get(event.id);
        if (input === undefined) return;
        if (event.type === "done") say(`done ${input}: ${event.result.title}`);
        if (event.type === "failed") say(`failed ${input}: ${event.error.message}`);
        if (event.type === "retrying") say(`retrying ${input} at ${event.at}: ${event.error.message}`);
        if (event.type === "deferred") say(`deferred ${input} until ${event.at}: ${event.reason}`);
      });
      const worker = queue.process(
        async (job, jobContext) => {
          mine.set(job.id, job.data.input);
          say(`writing ${job.data.input} (attempt ${jobContext.attempt})`);
          return runner.handler(job, jobContext);
        },
        { concurrency },
      );
      context.io.stderr.write(
        `shirabe worker: taking jobs from ${redisLabel(flags.queue)}, ${concurrency} at a time; Ctrl-C stops\n`,
      );
      const stopped = new Promise<void>((resolve) => {
        process.once("SIGINT", () => resolve());
        process.once("SIGTERM", () => resolve());
      });
      await Promise.race(flags.untilIdle ? [stopped, worker.idle()] : [stopped]);
      say(
        `stopping: running reports get ${flags.grace} s to finish, then go back to the queue ` +
          "(a model answer already on its way is read into the shared cache first)",
      );
      try {
        await queue.close();
      } finally {
        runner.close();
        await shared.close();
        store.close();
      }
    });
}
