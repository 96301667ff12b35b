// What the queue holds, for `shirabe queue status` and the web app: counts by state in all and per group
// (a feed's id, "batch"), and the failed jobs with their reasons. Works on any Queue backend.
import type { Queue, QueuedJob, StateCounts } from "./ports/queue.js";

export interface QueueStatus {
  total: StateCounts;
  groups: Array<{ group: string; counts: StateCounts }>;
  failed: Array<{
    id: string;
    group: string | null;
    input: string;
    code: string;
    reason: string;
    at: string;
  }>;
}

/** The label of a job's data: its input when it has one. */
function inputOf(job: QueuedJob<unknown, unknown>): string {
  const data = job.data as { input?: unknown } | null;
  return typeof data?.input === "string" ? data.input : job.id;
}

export async function queueStatus(
  queue: Queue<unknown, unknown>,
  options: { group?: string } = {},
): Promise<QueueStatus> {
  const names = options.group === undefined ? await queue.groups() : [options.group];
  const groups = await Promise.all(
    names.map(async (group) => ({ group, counts: await queue.counts(group) })),
  );
  const failed = await queue.failed(options.group);
  return {
    total:
      options.group === undefined
        ? await queue.counts()
        : (groups[0]?.counts ?? (await queue.counts(options.group))),
    groups,
    failed: failed.map((job) => ({
      id: job.id,
      group: job.group,
      input: inputOf(job),
      code: job.error?.code ?? "failed",
      reason: job.error?.message ?? "",
      at: job.updatedAt,
    })),
  };
}

/** Sends failed jobs (of one group, or all) back to waiting; returns how many went. */
export async function retryFailed(
  queue: Queue<unknown, unknown>,
  options: { group?: string; ids?: string[] } = {},
): Promise<number> {
  const ids = options.ids ?? (await queue.failed(options.group)).map((job) => job.id);
  let retried = 0;
  for (const id of ids) if (await queue.retry(id)) retried += 1;
  return retried;
}
