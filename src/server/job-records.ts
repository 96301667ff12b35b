// The run recorded for a job that made no report: failed with its error, interrupted by a restart, or
// cancelled while it waited. The error codes a job can end with are defined here too.
import { isShirabeError } from "../index.js";
import type { PendingJob, RunRecord } from "../ports/store.js";
import type { Job, JobError, JobRequest } from "./job-types.js";

/** The error of a job the server stopped under (a restart, a crash): it will not resume by itself. */
export const INTERRUPTED: JobError = {
  code: "interrupted",
  message: "the server stopped while this report was being written; submit it again",
};
export const CANCELLED: JobError = { code: "cancelled", message: "the report was cancelled" };

/** The failed run recorded for a job that made no report. */
export function failedJobRun(job: PendingJob, input: string, error: JobError): RunRecord {
  const at = new Date().toISOString();
  return {
    id: job.id,
    input,
    startedAt: job.createdAt,
    finishedAt: at,
    status: "failed",
    options: { lang: job.lang, engine: job.engine, label: job.label, error },
    log: [{ at, stage: "run", level: "error", message: error.message }],
    report: null,
  };
}

/** The failed run recorded for a job found unfinished when the server starts. */
export function interruptedRun(job: PendingJob): RunRecord {
  return failedJobRun(job, job.label, INTERRUPTED);
}

export function cancelledRun(job: Job, request: JobRequest): RunRecord {
  return failedJobRun(job, request.uploadDir ? job.label : request.input, CANCELLED);
}

export function describeError(error: unknown): JobError {
  if (isShirabeError(error)) return { code: error.code, message: error.message };
  return {
    code: "internal",
    message: `unexpected error: ${error instanceof Error ? error.message : String(error)}`,
  };
}
