// Report jobs run inside the server process, several at once. Each job keeps an event log, numbered
// from 1, so a browser that reloads or reconnects can replay what it missed (SSE Last-Event-ID).
import { randomUUID } from "node:crypto";
import { setTimeout as delay } from "node:timers/promises";
import type { HttpClient } from "../ports/http.js";
import type { JobStore, PageCache, ReportStore, RunRecord } from "../ports/store.js";
import { hidePath, redactError, redactEvent } from "./hide-upload-path.js";
import { CANCELLED, cancelledRun, describeError, INTERRUPTED, interruptedRun } from "./job-records.js";
import { createJobRegistry } from "./job-registry.js";
import type { EngineSession, Job, JobEvent, JobEventData, JobRequest } from "./job-types.js";
import { inProcessReports, type ReportMaker } from "./report-maker.js";

export interface JobRunnerDeps {
  http: HttpClient;
  cache?: PageCache;
  store: ReportStore & JobStore;
  /** Where reports are made (default: on this thread); the server passes its worker pool. */
  maker?: ReportMaker;
}

export { CANCELLED, INTERRUPTED };

export interface JobRunner {
  submit(request: JobRequest): Job;
  get(id: string): Job | undefined;
  /** Jobs not yet stored as reports (queued, running or failed), newest first. */
  unfinished(): Job[];
  /** Calls `listener` for each later event of the job; returns the unsubscribe function. */
  subscribe(id: string, listener: (event: JobEvent) => void): () => void;
  /** Stops a queued or running job; false when it is not (or no longer) under way. */
  cancel(id: string): boolean;
  forget(id: string): void;
  /** Aborts every running job and waits for them to settle. */
  close(): Promise<void>;
}

/** Finished jobs kept in memory for replay; older ones are forgotten (their reports stay in the store). */
const KEPT_FINISHED = 500;
/** How long close() waits for running jobs before the caller may close the store under them. */
const CLOSE_WAIT_MS = 5_000;

export function createJobRunner(deps: JobRunnerDeps, options: { maxConcurrent: number }): JobRunner {
  const maker =
    deps.maker ?? inProcessReports({ http: deps.http, ...(deps.cache ? { cache: deps.cache } : {}) });
  const registry = createJobRegistry();
  const { jobs } = registry;
  const waiting: Array<{ job: Job; request: JobRequest }> = [];
  const running = new Map<string, Promise<void>>();
  const aborts = new Map<string, AbortController>();
  const abort = new AbortController();

  const emit = (job: Job, data: JobEventData, redact: (text: string) => string = (text) => text) =>
    registry.emit(job, redactEvent(data, redact));
  const { setStatus } = registry;

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
        aborts.delete(next.job.id);
        pump();
      });
      running.set(next.job.id, done);
    }
  };

  const run = async (job: Job, request: JobRequest) => {
    const redact = hidePath(request.uploadDir);
    const stop = aborts.get(job.id) ?? new AbortController();
    const signal = AbortSignal.any([abort.signal, stop.signal]);
    setStatus(job, "running");
    const startedAt = job.startedAt as string;
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
      // A cancel ends the job at once; a shutdown lets it run (briefly) so it can still be recorded.
      const made = await untilAborted(
        stop.signal,
        maker.make(
          {
            input: request.input,
            lang: request.lang,
            sources: request.sources,
            ...(request.maxLinks === undefined ? {} : { maxLinks: request.maxLinks }),
            ...(request.followLinks === undefined ? {} : { followLinks: request.followLinks }),
          },
          { writer: session.writer, local: request.engine.quotesVerbatim === true, signal },
          (event) => {
            // Work that outlives a cancel (a fetch finishing by its own time limit) is no longer shown.
            if (!stop.signal.aborted) emit(job, event, redact);
          },
        ),
      );
      // The job id is the report id everywhere: in the URL the user already has, the store and exports.
      const report = JSON.parse(redact(JSON.stringify({ ...made.report, id: job.id })));
      emit(job, { type: "stage-start", stage: "store" });
      deps.store.saveRun({ ...made.run, id: job.id, input: redact(made.run.input), report });
      emit(job, { type: "stage-done", stage: "store", counts: { reports: 1 } });
      job.title = report.title;
      job.engine = report.engine;
      session.end?.({ reportId: job.id });
      setStatus(job, "done");
      emit(job, { type: "done", id: job.id, title: report.title });
    } catch (caught) {
      const error = session?.end ? (session.end({ error: caught }) ?? caught) : caught;
      job.error = stop.signal.aborted
        ? CANCELLED
        : abort.signal.aborted
          ? INTERRUPTED
          : redactError(describeError(error), redact);
      const failed: RunRecord = {
        id: job.id,
        input: redact(request.input),
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
        // A job stopped by a shutdown stays pending in the store: the next start records it as
        // interrupted and lists it, so its user learns what became of it.
        if (!abort.signal.aborted || stop.signal.aborted) deps.store.saveRun(failed);
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
      registry.forget(job.id);
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
      aborts.set(job.id, new AbortController());
      emit(job, { type: "status", status: "queued" });
      waiting.push({ job, request });
      pump();
      return job;
    },
    get: registry.get,
    unfinished: registry.unfinished,
    subscribe: registry.subscribe,
    cancel(id) {
      const job = jobs.get(id);
      if (!job || (job.status !== "queued" && job.status !== "running")) return false;
      aborts.get(id)?.abort();
      const queued = waiting.findIndex((entry) => entry.job.id === id);
      if (queued >= 0) {
        const [{ request }] = waiting.splice(queued, 1) as [{ job: Job; request: JobRequest }];
        void request.cleanup?.().catch(() => {});
        aborts.delete(id);
        job.error = CANCELLED;
        deps.store.saveRun(cancelledRun(job, request));
        setStatus(job, "failed");
        emit(job, { type: "failed", error: CANCELLED });
      }
      return true;
    },
    forget: registry.forget,
    async close() {
      abort.abort();
      for (const { request } of waiting.splice(0)) await request.cleanup?.().catch(() => {});
      // Fetches already under way end by their own time limits; shutdown waits a little, not for all.
      await Promise.race([
        Promise.allSettled(running.values()),
        delay(CLOSE_WAIT_MS, undefined, { ref: false }),
      ]);
      await maker.close();
    },
  };
}

/** The work's result, or a rejection as soon as `signal` aborts (the work itself ends by its own limits). */
function untilAborted<T>(signal: AbortSignal, work: Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(signal.reason);
    if (signal.aborted) return abort();
    signal.addEventListener("abort", abort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener("abort", abort));
  });
}
