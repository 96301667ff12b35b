// The embedded queue's rows (migration 5): every state change is one statement or one immediate
// transaction, so two processes on the same file never both claim a job.
import type { Database } from "better-sqlite3";
import type { JobState, QueuedJob, StateCounts } from "../../ports/queue.js";

interface JobRow {
  id: string;
  job_group: string | null;
  data: string;
  state: JobState;
  attempts: number;
  max_attempts: number;
  run_at: number;
  deferred: number;
  owner: string | null;
  locked_until: number | null;
  progress: string | null;
  result: string | null;
  error: string | null;
  created_at: string;
  updated_at: string;
}

export interface JobFailure {
  code: string;
  message: string;
}

const parse = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

function toJob<Data, Result>(row: JobRow): QueuedJob<Data, Result> {
  return {
    id: row.id,
    data: JSON.parse(row.data) as Data,
    group: row.job_group,
    state: row.state,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    progress: parse(row.progress),
    result: parse(row.result) as Result | null,
    error: parse(row.error) as JobFailure | null,
  };
}

/** Is the process that holds a lease gone? Only answerable for owners on this host. */
export type OwnerIsDead = (owner: string) => boolean;

export function jobTable(db: Database, queue: string) {
  const now = () => new Date().toISOString();
  const insert = db.prepare(
    `INSERT INTO queue_jobs (id, queue, job_group, data, state, attempts, max_attempts, run_at, created_at, updated_at)
     VALUES (@id, @queue, @group, @data, 'waiting', 0, @maxAttempts, @runAt, @at, @at)
     ON CONFLICT (id) DO NOTHING`,
  );
  const select = db.prepare<[string, string], JobRow>("SELECT * FROM queue_jobs WHERE queue = ? AND id = ?");
  const selectActive = db.prepare<[string], Pick<JobRow, "id" | "owner" | "locked_until">>(
    "SELECT id, owner, locked_until FROM queue_jobs WHERE queue = ? AND state = 'active'",
  );
  const release = db.prepare(
    "UPDATE queue_jobs SET state = 'waiting', owner = NULL, locked_until = NULL, updated_at = ? WHERE id = ? AND state = 'active'",
  );
  const selectRunnable = db.prepare<[string, number, number], JobRow>(
    `SELECT * FROM queue_jobs WHERE queue = ? AND state = 'waiting' AND run_at <= ?
     ORDER BY run_at, rowid LIMIT ?`,
  );
  const claimOne = db.prepare(
    `UPDATE queue_jobs SET state = 'active', owner = @owner, locked_until = @lockedUntil, deferred = 0,
       attempts = attempts + 1, updated_at = @at WHERE id = @id AND state = 'waiting'`,
  );
  const renew = db.prepare(
    "UPDATE queue_jobs SET locked_until = ? WHERE queue = ? AND owner = ? AND state = 'active'",
  );
  const finish = db.prepare(
    `UPDATE queue_jobs SET state = @state, result = @result, error = @error, owner = NULL, locked_until = NULL,
       updated_at = @at WHERE id = @id AND owner = @owner AND state = 'active'`,
  );
  const reschedule = db.prepare(
    `UPDATE queue_jobs SET state = 'waiting', run_at = @runAt, deferred = @deferred, error = @error,
       attempts = attempts - @refund, owner = NULL, locked_until = NULL, updated_at = @at
     WHERE id = @id AND owner = @owner AND state = 'active'`,
  );
  const setProgress = db.prepare("UPDATE queue_jobs SET progress = ? WHERE id = ? AND owner = ?");
  const countStates = db.prepare<[string, string | null, string | null], { state: JobState; n: number }>(
    `SELECT state, COUNT(*) AS n FROM queue_jobs WHERE queue = ? AND (? IS NULL OR job_group = ?) GROUP BY state`,
  );
  const selectFailed = db.prepare<[string, string | null, string | null], JobRow>(
    `SELECT * FROM queue_jobs WHERE queue = ? AND state = 'failed' AND (? IS NULL OR job_group = ?)
     ORDER BY updated_at DESC, rowid DESC`,
  );
  const requeue = db.prepare(
    `UPDATE queue_jobs SET state = 'waiting', attempts = 0, run_at = ?, error = NULL, updated_at = ?
     WHERE queue = ? AND id = ? AND state = 'failed'`,
  );
  const deleteFinished = db.prepare(
    "DELETE FROM queue_jobs WHERE queue = ? AND state = ? AND updated_at < ?",
  );
  const selectGroups = db.prepare<[string], { job_group: string }>(
    "SELECT DISTINCT job_group FROM queue_jobs WHERE queue = ? AND job_group IS NOT NULL ORDER BY job_group",
  );
  const pendingCount = db.prepare<[string], { n: number }>(
    "SELECT COUNT(*) AS n FROM queue_jobs WHERE queue = ? AND state = 'waiting' AND deferred = 0",
  );

  return {
    /** Inserts the job unless its key exists; returns whether it was new. */
    insert(job: { id: string; group: string | null; data: unknown; maxAttempts: number }): boolean {
      const at = now();
      return (
        insert.run({
          id: job.id,
          queue,
          group: job.group,
          data: JSON.stringify(job.data),
          maxAttempts: job.maxAttempts,
          runAt: Date.now(),
          at,
        }).changes > 0
      );
    },
    get<Data, Result>(id: string): QueuedJob<Data, Result> | null {
      const row = select.get(queue, id);
      return row ? toJob<Data, Result>(row) : null;
    },
    /**
     * Frees leases whose owner died (or let them lapse), then claims up to `limit` runnable jobs for
     * `owner`, all in one write transaction.
     */
    claim<Data, Result>(
      owner: string,
      limit: number,
      leaseMs: number,
      ownerIsDead: OwnerIsDead,
    ): Array<QueuedJob<Data, Result>> {
      return db
        .transaction(() => {
          const at = now();
          const clock = Date.now();
          for (const row of selectActive.all(queue)) {
            const lapsed = row.locked_until === null || row.locked_until < clock;
            if (row.owner !== owner && (lapsed || (row.owner !== null && ownerIsDead(row.owner)))) {
              release.run(at, row.id);
            }
          }
          if (limit <= 0) return [];
          const rows = selectRunnable.all(queue, clock, limit);
          for (const row of rows) claimOne.run({ id: row.id, owner, lockedUntil: clock + leaseMs, at });
          return rows.map((row) => ({
            ...toJob<Data, Result>(row),
            state: "active" as const,
            attempts: row.attempts + 1,
          }));
        })
        .immediate();
    },
    renew(owner: string, leaseMs: number): void {
      renew.run(Date.now() + leaseMs, queue, owner);
    },
    /** False when the job was no longer this owner's (its lease lapsed and another took it). */
    finish(id: string, owner: string, outcome: { result: unknown } | { error: JobFailure }): boolean {
      const done = "result" in outcome;
      return (
        finish.run({
          id,
          owner,
          state: done ? "done" : "failed",
          result: done ? JSON.stringify(outcome.result ?? null) : null,
          error: done ? null : JSON.stringify(outcome.error),
          at: now(),
        }).changes > 0
      );
    },
    /** Back to waiting until `runAt`; a deferral gives its attempt back, a retry keeps it counted. */
    reschedule(
      id: string,
      owner: string,
      runAt: number,
      detail: { deferred: boolean; error: JobFailure },
    ): void {
      reschedule.run({
        id,
        owner,
        runAt,
        deferred: detail.deferred ? 1 : 0,
        refund: detail.deferred ? 1 : 0,
        error: JSON.stringify(detail.error),
        at: now(),
      });
    },
    progress(id: string, owner: string, data: unknown): void {
      setProgress.run(JSON.stringify(data ?? null), id, owner);
    },
    counts(group?: string): StateCounts {
      const counts: StateCounts = { waiting: 0, active: 0, done: 0, failed: 0 };
      for (const row of countStates.all(queue, group ?? null, group ?? null)) counts[row.state] = row.n;
      return counts;
    },
    failed<Data, Result>(group?: string): Array<QueuedJob<Data, Result>> {
      return selectFailed.all(queue, group ?? null, group ?? null).map((row) => toJob<Data, Result>(row));
    },
    retry(id: string): boolean {
      return requeue.run(Date.now(), now(), queue, id).changes > 0;
    },
    /** Deletes finished jobs in `state` last updated before `before` (ISO time); returns how many. */
    clean(state: "done" | "failed", before: string): number {
      return deleteFinished.run(queue, state, before).changes;
    },
    groups(): string[] {
      return selectGroups.all(queue).map((row) => row.job_group);
    },
    /** Waiting jobs that are not deferred (to a later day): work still to do. */
    pending(): number {
      return pendingCount.get(queue)?.n ?? 0;
    },
  };
}
