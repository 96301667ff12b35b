// The handler that runs queued report jobs (batch, watch; later a worker): one report per job, stored in
// the store; a job run again after a crash returns the report it already made instead of a second one.
import { openReportJobsStore } from "../adapters/store/report-jobs-store.js";
import type { SqliteStore } from "../adapters/store/sqlite.js";
import { JobDeferred, type JobHandler } from "../ports/queue.js";
import type { RunRecord } from "../ports/store.js";
import type { Settings } from "./config.js";
import { createDailyBudget, type DailyBudget, isDailyBudgetError } from "./daily-budget.js";
import type { SharedLlmState } from "./llm-options.js";
import { type ReportJob, runReport } from "./report-run.js";

export interface ReportJobResult {
  reportId: string;
  title: string;
  /** The whole run with its report, when a worker ran the job for another process to store. */
  run?: RunRecord;
}

export interface ReportJobRunner {
  handler: JobHandler<ReportJob, ReportJobResult>;
  close(): void;
}

export function createReportJobRunner(options: {
  settings: Settings;
  env: NodeJS.ProcessEnv;
  store: SqliteStore;
  /** --max-cost-per-day in US dollars. */
  maxCostPerDay?: number;
  /** A worker's runner: each result carries the run, for the enqueuer to store in its own store. */
  carryRun?: boolean;
  /** The call cache and provider limit shared by workers through Redis. */
  shared?: SharedLlmState;
}): ReportJobRunner {
  const ledger = openReportJobsStore({ path: options.settings.storePath });
  const daily: DailyBudget | null =
    options.maxCostPerDay === undefined
      ? null
      : createDailyBudget({ maxCostUsd: options.maxCostPerDay, spentSince: ledger.spentSince });
  const handler: JobHandler<ReportJob, ReportJobResult> = async (job, context) => {
    const made = ledger.reportMadeSince(job.data.input, job.createdAt);
    const madeRun = made && options.carryRun ? options.store.getRun(made.id) : null;
    if (made && madeRun) return carried(job.id, madeRun);
    if (made && !options.carryRun) return { reportId: made.id, title: made.title };
    const { run, llm, research } = job.data.options;
    try {
      const { report, run: record } = await runReport({
        input: job.data.input,
        run,
        flags: { ...llm, ...research },
        settings: options.settings,
        env: options.env,
        store: options.store,
        // The job's id names its LLM run, so a retried job repays no call it already made.
        runId: job.id,
        ...(options.shared ? { shared: options.shared } : {}),
        signal: context.signal,
        onProgress: (event) => {
          if (event.type === "stage-start" || event.type === "stage-done") context.progress(event);
        },
        ...(daily ? { budget: (perReport) => daily.combine(perReport) } : {}),
      });
      if (options.carryRun) return carried(job.id, record);
      return { reportId: report.id, title: report.title };
    } catch (error) {
      if (daily && isDailyBudgetError(error))
        throw new JobDeferred("today's LLM budget is spent", daily.nextDay());
      throw error;
    }
  };
  return { handler, close: () => ledger.close() };
}

/**
 * A worker's result, named after its job: the enqueuer stores the report under the job's id, so a
 * process that knew only the job (the web app's report URL) finds the report there.
 */
function carried(jobId: string, run: RunRecord): ReportJobResult {
  const report = run.report ? { ...run.report, id: jobId } : null;
  return { reportId: jobId, title: report?.title ?? "", run: { ...run, id: jobId, report } };
}
