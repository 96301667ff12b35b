// Report jobs run inside the server process, several at once. Each job keeps an event log, numbered
// from 1, so a browser that reloads or reconnects can replay what it missed (SSE Last-Event-ID).
import { randomUUID } from "node:crypto";
import { setTimeout as delay } from "node:timers/promises";
import { createReport, isShirabeError, type ProgressEvent } from "../index.js";
import type { HttpClient } from "../ports/http.js";
import type { JobStore, PageCache, PendingJob, ReportStore, RunRecord } from "../ports/store.js";
import type { Engine, EngineSession } from "./submission.js";

export type JobStatus = "queued" | "running" | "done" | "failed";

export type JobEventData =
  | ProgressEvent
  | { type: "status"; status: JobStatus }
  | { type: "done"; id: string; title: string }
  | { type: "failed"; error: { code: string; message: string } };

export interface JobEvent {
  /** 1, 2, 3, … within the job. */
  id: number;
  data: JobEventData;
}

export interface JobRequest {
  /** URL or path of the temp file holding an upload. */
  input: string;
  /** What the user gave: the URL, or the uploaded file's name. */
  label: string;
  lang: string;
  engineName: string;
  engine: Engine;
  model?: string;
  sources: string[];
  maxLinks?: number;
  followLinks?: boolean;
  /** Runs when the job ends, e.g. to remove the uploaded temp file. */
  cleanup?: () => Promise<void>;
}

export interface Job {
  id: string;
  status: JobStatus;
  label: string;
  lang: string;
  engine: string;
  createdAt: string;
  title?: string;
  error?: { code: string; message: string };
  events: JobEvent[];
}

export interface JobRunnerDeps {
  http: HttpClient;
  cache?: PageCache;
  store: ReportStore & JobStore;
}

/** The error of a job the server stopped under (a restart, a crash): it will not resume by itself. */
export const INTERRUPTED = {
  code: "interrupted",
  message: "the server stopped while this report was being written; submit it again",
};

export interface JobRunner {
  submit(request: JobRequest): Job;
  get(id: string): Job | undefined;
  /** Jobs not yet stored as reports (queued, running or failed), newest first. */
  unfinished(): Job[];
  /** Calls `listener` for each later event of the job; returns the unsubscribe function. */
  subscribe(id: string, listener: (event: JobEvent) => void): () => void;
  forget(id: string): void;
  /** Aborts every running job and waits for them to settle. */
  close(): Promise<void>;
}

/** Finished jobs kept in memory for replay; older ones are forgotten (their reports stay in the store). */
const KEPT_FINISHED = 500;
/** How long close() waits for running jobs before the caller may close the store under them. */
const CLOSE_WAIT_MS = 5_000;

export function createJobRunner(deps: JobRunnerDeps, options: { maxConcurrent: number }): JobRunner {
  const jobs = new Map<string, Job>();
  const listeners = new Map<string, Set<(event: JobEvent) => void>>();
  const waiting: Array<{ job: Job; request: JobRequest }> = [];
  const running = new Map<string, Promise<void>>();
  const abort = new AbortController();

  const emit = (job: Job, data: JobEventData) => {
    const event = { id: job.events.length + 1, data };
    job.events.push(event);
    for (const listener of listeners.get(job.id) ?? []) listener(event);
  };

  const setStatus = (job: Job, status: JobStatus) => {
    job.status = status;
    emit(job, { type: "status", status });
  };

  // Jobs the last server stopped under: recorded as failed, and listed with this server's failed jobs.
  for (const pending of deps.store.pendingJobs()) {
    deps.store.saveRun(interruptedRun(pending));
    const { id, label, lang, engine, createdAt } = pending;
    const job: Job = { id, label, lang, engine, createdAt, status: "failed", error: INTERRUPTED, events: [] };
    jobs.set(id, job);
    setStatus(job, "failed");
    emit(job, { type: "failed", error: INTERRUPTED });
  }

  const pump = () => {
    while (running.size < options.maxConcurrent && waiting.length > 0 && !abort.signal.aborted) {
      const next = waiting.shift() as { job: Job; request: JobRequest };
      const done = run(next.job, next.request).finally(() => {
        running.delete(next.job.id);
        pump();
      });
      running.set(next.job.id, done);
    }
  };

  const run = async (job: Job, request: JobRequest) => {
    setStatus(job, "running");
    const startedAt = new Date().toISOString();
    let session: EngineSession | undefined;
    try {
      session = request.engine.start({
        model: request.model,
        input: request.input,
        lang: request.lang,
        sources: request.sources,
        maxLinks: request.maxLinks ?? 10,
        followLinks: request.followLinks ?? true,
      });
      const { report, run } = await createReport({
        input: request.input,
        lang: request.lang,
        sources: request.sources,
        writer: session.writer,
        signal: abort.signal,
        ...(request.maxLinks === undefined ? {} : { maxLinks: request.maxLinks }),
        ...(request.followLinks === undefined ? {} : { followLinks: request.followLinks }),
        deps: { http: deps.http, ...(deps.cache ? { cache: deps.cache } : {}) },
        onProgress: (event) => emit(job, event),
      });
      // The job id is the report id everywhere: in the URL the user already has, the store and exports.
      const stored = { ...report, id: job.id };
      emit(job, { type: "stage-start", stage: "store" });
      deps.store.saveRun({ ...run, id: job.id, report: stored });
      emit(job, { type: "stage-done", stage: "store", counts: { reports: 1 } });
      job.title = stored.title;
      job.engine = stored.engine;
      session.end?.({ reportId: job.id });
      setStatus(job, "done");
      emit(job, { type: "done", id: job.id, title: stored.title });
    } catch (caught) {
      const error = session?.end ? (session.end({ error: caught }) ?? caught) : caught;
      job.error = abort.signal.aborted ? INTERRUPTED : describeError(error);
      const failed: RunRecord = {
        id: job.id,
        input: request.input,
        startedAt,
        finishedAt: new Date().toISOString(),
        status: "failed",
        options: {
          lang: request.lang,
          engine: job.engine,
          sources: request.sources,
          label: job.label,
          error: job.error,
        },
        log: [{ at: new Date().toISOString(), stage: "run", level: "error", message: job.error.message }],
        report: null,
      };
      try {
        deps.store.saveRun(failed);
      } catch {
        // The failure is still shown from memory; a store that cannot record it must not hide it.
      }
      setStatus(job, "failed");
      emit(job, { type: "failed", error: job.error });
    } finally {
      await request.cleanup?.().catch(() => {});
      trim();
    }
  };

  const trim = () => {
    const finished = [...jobs.values()].filter((job) => job.status === "done" || job.status === "failed");
    for (const job of finished.slice(0, Math.max(0, finished.length - KEPT_FINISHED))) {
      jobs.delete(job.id);
      listeners.delete(job.id);
    }
  };

  return {
    submit(request) {
      const job: Job = {
        id: randomUUID(),
        status: "queued",
        label: request.label,
        lang: request.lang,
        engine: request.model ? `${request.engineName}:${request.model}` : request.engineName,
        createdAt: new Date().toISOString(),
        events: [],
      };
      const { id, label, lang, engine, createdAt } = job;
      try {
        deps.store.addJob({ id, label, lang, engine, createdAt });
      } catch (error) {
        void request.cleanup?.().catch(() => {});
        throw error;
      }
      jobs.set(job.id, job);
      emit(job, { type: "status", status: "queued" });
      waiting.push({ job, request });
      pump();
      return job;
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
    forget(id) {
      jobs.delete(id);
      listeners.delete(id);
    },
    async close() {
      abort.abort();
      for (const { request } of waiting.splice(0)) await request.cleanup?.().catch(() => {});
      // Fetches already under way end by their own time limits; shutdown waits a little, not for all.
      await Promise.race([
        Promise.allSettled(running.values()),
        delay(CLOSE_WAIT_MS, undefined, { ref: false }),
      ]);
    },
  };
}

/** The failed run recorded for a job found unfinished when the server starts. */
function interruptedRun(job: PendingJob): RunRecord {
  const at = new Date().toISOString();
  return {
    id: job.id,
    input: job.label,
    startedAt: job.createdAt,
    finishedAt: at,
    status: "failed",
    options: { lang: job.lang, engine: job.engine, label: job.label, error: INTERRUPTED },
    log: [{ at, stage: "run", level: "error", message: INTERRUPTED.message }],
    report: null,
  };
}

function describeError(error: unknown): { code: string; message: string } {
  if (isShirabeError(error)) return { code: error.code, message: error.message };
  return {
    code: "internal",
    message: `unexpected error: ${error instanceof Error ? error.message : String(error)}`,
  };
}
