// How this adapter keeps a job in BullMQ and reads it back as the Queue port's record: the job's data with
// its group, the adapter's own keys beside BullMQ's, and BullMQ's states and failure reasons translated.
import type { Job } from "bullmq";
import type { JobState, QueuedJob } from "../../ports/queue.js";

/** What BullMQ stores as a job's data: the port's data with its group beside it. */
export interface BullJobData<Data> {
  data: Data;
  group: string | null;
}

export interface BullKeys {
  groups: string;
  group(group: string): string;
  owner(owner: string): string;
  owners(id: string): string;
  deferred: string;
  events: string;
}

export function bullKeys(prefix: string, name: string): BullKeys {
  const base = `${prefix}:${name}:x`;
  return {
    groups: `${base}:groups`,
    group: (group) => `${base}:group:${group}`,
    owner: (owner) => `${base}:owner:${owner}`,
    owners: (id) => `${base}:owners:${id}`,
    deferred: `${base}:deferred`,
    events: `${base}:events`,
  };
}

export function stateOf(bullState: string): JobState {
  if (bullState === "completed") return "done";
  if (bullState === "failed") return "failed";
  if (bullState === "active") return "active";
  return "waiting";
}

/** A failure reason as the adapter writes it (JSON), or BullMQ's own text (a stalled job's). */
export function failureOf(reason: string | undefined): { code: string; message: string } | null {
  if (!reason) return null;
  try {
    const parsed = JSON.parse(reason) as { code?: unknown; message?: unknown };
    if (typeof parsed.code === "string" && typeof parsed.message === "string") {
      return { code: parsed.code, message: parsed.message };
    }
  } catch {
    // BullMQ's own reasons are plain text.
  }
  return { code: /stalled/i.test(reason) ? "stalled" : "failed", message: reason };
}

export function toQueuedJob<Data, Result>(
  job: Job<BullJobData<Data>, Result>,
  bullState: string,
): QueuedJob<Data, Result> {
  const state = stateOf(bullState);
  const at = (ms: number | undefined) => new Date(ms ?? job.timestamp).toISOString();
  return {
    id: job.id ?? "",
    data: job.data.data,
    group: job.data.group,
    state,
    attempts: job.attemptsMade + (state === "active" ? 1 : 0),
    maxAttempts: job.opts.attempts ?? 1,
    createdAt: at(job.timestamp),
    updatedAt: at(job.finishedOn ?? job.processedOn ?? job.timestamp),
    progress: job.progress === 0 ? null : job.progress,
    result: state === "done" ? (job.returnvalue ?? null) : null,
    error: state === "done" ? null : failureOf(job.failedReason),
  };
}
