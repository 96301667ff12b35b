// Report jobs sent to `shirabe worker` processes through the queue (serve --queue), behind the same
// JobRunner as the jobs run here: the routes and the SSE stream cannot tell them apart. Workers only
// compute; this server stays the one writer of its store (the collector stores each finished result, and
// after a restart what finished while the server was down). Progress comes from the queue's events.
import type { Queue, QueueEvent } from "../ports/queue.js";
import type { JobStore, PendingJob, ReportStore } from "../ports/store.js";
import { ApiError } from "./api-error.js";
import { CANCELLED, failedJobRun, INTERRUPTED } from "./job-records.js";
import { createJobRegistry } from "./job-registry.js";
import type { Job, JobError, JobEventData, JobRequest, JobStatus } from "./job-types.js";
import type { JobRunner } from "./jobs.js";

export interface RemoteResult {
  reportId: string;
  title: string;
  run?: unknown;
}

/** Stores finished results in the server's store; `onStored` is told of each (reused from the CLI). */
export type StartCollector<Data, Result> = (options: {
  queue: Queue<Data, Result>;
  onStored: (job: { id: string; result: Result }) => void;
}) => { sweep(): Promise<void>; stop(): void };

export interface RemoteJobsDeps<Data, Result extends RemoteResult> {
  queue: Queue<Data, Result>;
  store: ReportStore & JobStore;
  /** The job a request becomes (its id is the queue's key of this data). */
  jobData(request: JobRequest): Data;
  /** The queue's job id for `data` (the same data is the same job). */
  jobId(data: Data): string;
  collect: StartCollector<Data, Result>;
}

const GONE: JobError = {
  code: "result-gone",
  message: "this report was made before and the queue no longer holds it; clean the queue and submit again",
};

export function createRemoteJobRunner<Data, Result extends RemoteResult>(
  deps: RemoteJobsDeps<Data, Result>,
): JobRunner {
  const { queue, store } = deps;
  const registry = createJobRegistry();
  const { jobs, emit } = registry;
  /** Each submission's enqueue, so that a cancel right after it waits until the job is in the queue. */
  const enqueuing = new Map<string, Promise<unknown>>();

  // A worker's progress may repeat a status the job already has; only a change is an event.
  const setStatus = (job: Job, status: JobStatus) => {
    if (job.status === status && job.events.length > 0) return;
    registry.setStatus(job, status);
  };
  const open = (id: string) => {
    const job = jobs.get(id);
    return job && (job.status === "queued" || job.status === "running") ? job : undefined;
  };

  const finishDone = (job: Job, title: string) => {
    if (job.status === "done") return;
    job.title = title;
    emit(job, { type: "stage-start", stage: "store" });
    emit(job, { type: "stage-done", stage: "store", counts: { reports: 1 } });
    setStatus(job, "done");
    emit(job, { type: "done", id: job.id, title });
  };
  const finishFailed = (job: Job, error: JobError) => {
    if (job.status === "done" || job.status === "failed") return;
    job.error = error;
    try {
      store.saveRun(failedJobRun(job, job.label, error));
    } catch {
      // Still shown from memory; a store that cannot record it must not hide it.
    }
    setStatus(job, "failed");
    emit(job, { type: "failed", error });
  };

  /** Jobs this server submitted: only their results are stored here, as their events come. */
  const mine: Queue<Data, Result> = {
    ...queue,
    onEvent: (listener) => queue.onEvent((event) => open(event.id) && listener(event)),
  };
  const collector = deps.collect({
    queue: mine,
    onStored: ({ id, result }) => {
      const job = jobs.get(id);
      if (job) finishDone(job, result.title);
    },
  });

  const follow = (event: QueueEvent<Result>) => {
    const job = open(event.id);
    if (!job) return;
    if (event.type === "active") setStatus(job, "running");
    if (event.type === "progress") emit(job, event.data as JobEventData);
    if (event.type === "failed") finishFailed(job, event.error);
  };
  const unsubscribe = queue.onEvent(follow);

  /** Where a job already known to the queue stands: followed on, or ended from what the queue holds. */
  const adopt = async (job: Job, again: boolean) => {
    const state = await queue.get(job.id);
    const stored = store.getReport(job.id);
    if (stored) return finishDone(job, stored.title);
    if (!state) return finishFailed(job, INTERRUPTED);
    if (state.state === "active") setStatus(job, "running");
    if (state.state === "failed") {
      // Submitted again after a failure: one more try (a failure found at a restart stays one).
      if (again && (await queue.retry(job.id))) return;
      return finishFailed(job, state.error ?? INTERRUPTED);
    }
    if (state.state === "done") {
      if (!state.result || !("run" in state.result)) return finishFailed(job, GONE);
      await collector.sweep();
    }
  };
  const adopting = (job: Job, again = false) =>
    adopt(job, again).catch((error: unknown) =>
      finishFailed(job, {
        code: "queue-unavailable",
        message: `the queue cannot be reached: ${error instanceof Error ? error.message : String(error)}`,
      }),
    );

  // Jobs submitted before a restart: still in the queue (followed on), finished meanwhile (collected),
  // or lost with the queue (interrupted).
  for (const pending of store.pendingJobs()) {
    const job = jobOf(pending);
    jobs.set(job.id, job);
    setStatus(job, "queued");
    void adopting(job);
  }
  void collector.sweep();

  return {
    submit(request) {
      void request.cleanup?.().catch(() => {});
      if (request.uploadDir) {
        throw new ApiError(
          400,
          "upload-not-queued",
          "this server sends reports to workers on other machines, which cannot read uploaded files; submit the article's URL",
        );
      }
      const data = deps.jobData(request);
      const id = deps.jobId(data);
      const known = jobs.get(id);
      if (known && known.status !== "failed") return known;
      const engine = request.model ? `${request.engineName}:${request.model}` : request.engineName;
      const job = jobOf({ id, label: request.label, lang: request.lang, engine, createdAt: now() });
      const { label, lang, createdAt } = job;
      if (!store.getReport(id)) store.addJob({ id, label, lang, engine, createdAt });
      jobs.set(id, job);
      setStatus(job, "queued");
      const enqueued = queue.enqueue(data, { group: "web" }).then(
        (answer) => (answer.created ? undefined : adopting(job, true)),
        () => adopting(job, true),
      );
      enqueuing.set(id, enqueued);
      void enqueued.finally(() => {
        if (enqueuing.get(id) === enqueued) enqueuing.delete(id);
      });
      return job;
    },
    get: registry.get,
    unfinished: registry.unfinished,
    subscribe: registry.subscribe,
    cancel(id) {
      const job = open(id);
      if (!job || !queue.cancel) return false;
      // A waiting job ends here; a running one when its worker reports it stopped.
      const cancelJob = queue.cancel.bind(queue);
      void (enqueuing.get(id) ?? Promise.resolve())
        .then(() => cancelJob(id))
        .then(
          (outcome) => {
            if (outcome === "removed") finishFailed(job, CANCELLED);
          },
          () => {},
        );
      return true;
    },
    forget: registry.forget,
    async close() {
      collector.stop();
      unsubscribe();
      await queue.close();
    },
  };
}

const now = () => new Date().toISOString();

function jobOf(pending: PendingJob): Job {
  const { id, label, lang, engine, createdAt } = pending;
  return { id, label, lang, engine, createdAt, status: "queued", events: [] };
}
