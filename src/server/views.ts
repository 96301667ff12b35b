// What the API sends about jobs. A report goes out as the store keeps it for readers, without its
// sources' full text (src/adapters/store/report-view.ts).
import type { RunRecord } from "../ports/store.js";
import type { Job } from "./job-types.js";

export function jobView(job: Job) {
  return {
    id: job.id,
    status: job.status,
    input: job.label,
    lang: job.lang,
    engine: job.engine,
    createdAt: job.createdAt,
    ...(job.startedAt ? { startedAt: job.startedAt } : {}),
    ...(job.finishedAt ? { finishedAt: job.finishedAt } : {}),
    ...(job.title ? { title: job.title } : {}),
    ...(job.error ? { error: job.error } : {}),
  };
}

/** A failed run as a job: the job's own error when it recorded one, else the run log's last error. */
export function failedRunView(run: RunRecord) {
  const { label, lang, engine, error } = run.options;
  const logged = run.log.findLast((entry) => entry.level === "error")?.message;
  return {
    id: run.id,
    status: "failed" as const,
    input: typeof label === "string" ? label : run.input,
    lang: typeof lang === "string" ? lang : "",
    engine: typeof engine === "string" ? engine : "",
    createdAt: run.startedAt,
    error: isJobError(error) ? error : { code: "failed", message: logged ?? "the report could not be made" },
  };
}

function isJobError(value: unknown): value is { code: string; message: string } {
  const error = value as { code?: unknown; message?: unknown } | null;
  return typeof error?.code === "string" && typeof error.message === "string";
}
