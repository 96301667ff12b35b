// The jobs a runner knows and who listens to them: one registry for the local runner (jobs.ts) and the
// remote one (remote-jobs.ts), so both number events, list unfinished jobs and subscribe the same way.
import type { Job, JobEvent, JobEventData, JobStatus } from "./job-types.js";

export interface JobRegistry {
  get(id: string): Job | undefined;
  /** Jobs not yet stored as reports (queued, running or failed), newest first. */
  unfinished(): Job[];
  /** Calls `listener` for each later event of the job; returns the unsubscribe function. */
  subscribe(id: string, listener: (event: JobEvent) => void): () => void;
  jobs: Map<string, Job>;
  /** Appends an event, numbered after the job's last, and tells its listeners. */
  emit(job: Job, data: JobEventData): void;
  /** Sets the status, stamps start and finish times, and emits the change. */
  setStatus(job: Job, status: JobStatus): void;
  /** Drops the job and its listeners. */
  forget(id: string): void;
}

export function createJobRegistry(): JobRegistry {
  const jobs = new Map<string, Job>();
  const listeners = new Map<string, Set<(event: JobEvent) => void>>();
  const emit = (job: Job, data: JobEventData) => {
    const event = { id: job.events.length + 1, data };
    job.events.push(event);
    for (const listener of listeners.get(job.id) ?? []) listener(event);
  };
  return {
    jobs,
    emit,
    setStatus(job, status) {
      job.status = status;
      if (status === "running") job.startedAt = new Date().toISOString();
      if (status === "done" || status === "failed") job.finishedAt = new Date().toISOString();
      emit(job, { type: "status", status });
    },
    forget(id) {
      jobs.delete(id);
      listeners.delete(id);
    },
    get: (id) => jobs.get(id),
    unfinished: () =>
      [...jobs.values()]
        .filter((job) => job.status !== "done")
        .sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1)),
    subscribe(id, listener) {
      let set = listeners.get(id);
      if (!set) {
        set = new Set();
        listeners.set(id, set);
      }
      set.add(listener);
      return () => set.delete(listener);
    },
  };
}
