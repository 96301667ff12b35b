// The one job queue: the CLI (batch, watch) and later the server and workers enqueue report jobs here and
// never know which backend runs them. The embedded backend keeps jobs in the SQLite store and runs them
// in-process; a BullMQ backend fits the same shape (job id = idempotency key, a delayed/failed set,
// progress events, per-group counts).

export type JobState = "waiting" | "active" | "done" | "failed";

export interface QueuedJob<Data = unknown, Result = unknown> {
  /** The idempotency key: the same data (input + options) always gets the same id. */
  id: string;
  data: Data;
  /** What the job belongs to (a feed's id, a batch file), for status counts; null when nothing. */
  group: string | null;
  state: JobState;
  /** Attempts started so far. */
  attempts: number;
  maxAttempts: number;
  createdAt: string;
  updatedAt: string;
  /** The handler's last progress report. */
  progress: unknown;
  /** Set when done. */
  result: Result | null;
  /** Set when failed (the last attempt's reason), or when waiting for a retry. */
  error: { code: string; message: string } | null;
}

export interface EnqueueOptions {
  group?: string;
  /** Default 3: a retryable failure is tried again (with backoff) until this many attempts. */
  maxAttempts?: number;
}

export interface Enqueued {
  id: string;
  /** False when a job with the same key already existed: it is left as it is (done stays done). */
  created: boolean;
  state: JobState;
}

export interface JobContext {
  /** 1 on the first attempt. */
  attempt: number;
  /** Reports progress to `onEvent` listeners (and to other processes where the backend can). */
  progress(data: unknown): void;
  /** Aborted when the queue closes; a handler should stop soon after. */
  signal: AbortSignal;
}

export type JobHandler<Data, Result> = (job: QueuedJob<Data, Result>, context: JobContext) => Promise<Result>;

export type QueueEvent<Result = unknown> =
  | { type: "active"; id: string; attempt: number }
  | { type: "progress"; id: string; data: unknown }
  | { type: "done"; id: string; result: Result }
  | { type: "retrying"; id: string; attempt: number; at: string; error: { code: string; message: string } }
  | { type: "deferred"; id: string; at: string; reason: string }
  | { type: "failed"; id: string; error: { code: string; message: string } }
  /** Asks the worker running the job to stop it; it then fails with code "cancelled". */
  | { type: "cancel"; id: string };

export type StateCounts = Record<JobState, number>;

export interface Worker {
  /** Resolves when nothing is waiting (now or later), nothing is running, and no retry is pending. */
  idle(): Promise<void>;
  /** Stops taking jobs, aborts the running ones and waits for them; unfinished ones stay to be picked up again. */
  close(): Promise<void>;
}

export interface Queue<Data = unknown, Result = unknown> {
  enqueue(data: Data, options?: EnqueueOptions): Promise<Enqueued>;
  /** Runs jobs with at most `concurrency` at once until the worker is closed. */
  process(handler: JobHandler<Data, Result>, options: { concurrency: number }): Worker;
  get(id: string): Promise<QueuedJob<Data, Result> | null>;
  /** Jobs by state, for one group or all. */
  counts(group?: string): Promise<StateCounts>;
  /** Failed jobs (newest first), for one group or all. */
  failed(group?: string): Promise<Array<QueuedJob<Data, Result>>>;
  /** Moves a failed job back to waiting with fresh attempts; false when it was not failed. */
  retry(id: string): Promise<boolean>;
  /** Removes finished jobs in `state` that ended more than `olderThanMs` ago; returns how many. */
  clean(state: "done" | "failed", olderThanMs: number): Promise<number>;
  /** The groups that have jobs (feeds, batches), for per-group status. */
  groups(): Promise<string[]>;
  /**
   * Finished jobs this queue's owner (the enqueuer that stores their results) added and has not marked
   * collected: after a restart the enqueuer stores what finished while it was down. A backend whose
   * handlers write into the enqueuer's own store (embedded) has nothing to collect and returns [].
   */
  uncollected(): Promise<Array<QueuedJob<Data, Result>>>;
  /**
   * The owner has stored this job's result. Once every owner has, the backend may keep `summary` in its
   * place (a small stand-in for a large result), so a job enqueued again still reads as done.
   */
  collected(id: string, summary?: Result): Promise<void>;
  /**
   * Stops a job: a waiting one is removed ("removed"), a running one's worker is asked to stop it and it
   * fails with code "cancelled" ("stopping"); false when it is finished or unknown. A backend whose
   * enqueuer runs the handlers itself (embedded) leaves it out: its owner stops its own handlers.
   */
  cancel?(id: string): Promise<"removed" | "stopping" | false>;
  /** Calls `listener` for every job event of this queue; returns the unsubscribe function. */
  onEvent(listener: (event: QueueEvent<Result>) => void): () => void;
  close(): Promise<void>;
}

/**
 * Thrown by a handler to put its job back to waiting until `until` without spending an attempt (a daily
 * budget that is used up, a provider asking to come back later).
 */
export class JobDeferred extends Error {
  readonly until: Date;
  constructor(reason: string, until: Date) {
    super(reason);
    this.name = "JobDeferred";
    this.until = until;
  }
}
