// A pool of report workers (report-worker.ts), one job per worker at a time, started on first use.
// The server thread answers their fetches, cache reads and engine calls, so every guard (the SSRF
// check, size and time limits, budgets) stays where it was; only the CPU work moves off the loop.
import { MessageChannel, type MessagePort, Worker } from "node:worker_threads";
import type { CreateReportResult } from "../index.js";
import type { HttpClient } from "../ports/http.js";
import type { PageCache } from "../ports/store.js";
import type { ReportMaker } from "./report-maker.js";
import { type FromWorker, receiveError, sendError, type ToWorker } from "./worker-messages.js";

const ABORT_GRACE_MS = 1000;

interface PooledWorker {
  worker: Worker;
  cachePort: MessagePort;
  flag: Int32Array;
}

/**
 * The worker: compiled JavaScript in an installed build; from source (tests, `tsx`), a bootstrap that
 * registers tsx in the worker first, since loaders do not pass from the parent thread to its workers.
 */
function workerScript(): { script: string | URL; eval: boolean } {
  if (!import.meta.url.endsWith(".ts"))
    return { script: new URL("./report-worker.js", import.meta.url), eval: false };
  const file = JSON.stringify(new URL("./report-worker.ts", import.meta.url).href);
  return {
    script: `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${file}); });`,
    eval: true,
  };
}

export function workerReports(deps: { http: HttpClient; cache?: PageCache }): ReportMaker {
  const idle: PooledWorker[] = [];
  const busy = new Set<PooledWorker>();

  const start = (): PooledWorker => {
    const { port1, port2 } = new MessageChannel();
    const buffer = new SharedArrayBuffer(4);
    const { script, eval: isEval } = workerScript();
    const worker = new Worker(script, {
      eval: isEval,
      workerData: { cachePort: port2, signal: buffer },
      transferList: [port2],
    });
    return { worker, cachePort: port1, flag: new Int32Array(buffer) };
  };

  const make: ReportMaker["make"] = (params, options, onProgress) => {
    const pooled = idle.pop() ?? start();
    busy.add(pooled);
    const { worker } = pooled;
    const post = (message: ToWorker) => worker.postMessage(message);
    return new Promise<CreateReportResult>((resolve, reject) => {
      const writeAbort = new AbortController();
      const settle = (ok: boolean) => {
        clearTimeout(killer);
        worker.off("message", onMessage);
        worker.off("error", onCrash);
        worker.off("exit", onExit);
        options.signal.removeEventListener("abort", onAbort);
        busy.delete(pooled);
        // A worker that ended its job cleanly is kept for the next; one that failed oddly is not.
        if (ok) idle.push(pooled);
        else void worker.terminate();
      };
      // Parsing a hostile page may not look at the signal for a long time: past a grace period the
      // worker is stopped outright (and replaced on the next job).
      let killer: NodeJS.Timeout | undefined;
      const onAbort = () => {
        writeAbort.abort();
        post({ type: "abort" });
        killer = setTimeout(() => void worker.terminate(), ABORT_GRACE_MS);
        killer.unref();
      };
      const onCrash = (error: Error) => {
        settle(false);
        reject(error);
      };
      const onExit = (code: number) => {
        settle(false);
        reject(new Error(`the report worker stopped (exit ${code})`));
      };
      const onMessage = async (message: FromWorker) => {
        switch (message.type) {
          case "progress":
            return onProgress(message.event);
          case "cache-get": {
            let page = null;
            try {
              page = deps.cache?.getPage(message.url) ?? null;
            } finally {
              pooled.cachePort.postMessage({ page });
              Atomics.store(pooled.flag, 0, 1);
              Atomics.notify(pooled.flag, 0);
            }
            return;
          }
          case "cache-put":
            return deps.cache?.putPage(message.url, message.page);
          case "http":
            try {
              // Like the pipeline in process, a fetch ends by its own limits, not the job's signal: a
              // stopped job must not turn into a report with its sources missing.
              const response = await deps.http.get(
                message.url,
                message.headers ? { headers: message.headers } : {},
              );
              return post({ type: "http-result", id: message.id, response });
            } catch (error) {
              return post({ type: "http-error", id: message.id, error: sendError(error) });
            }
          case "write":
            try {
              const draft = await options.writer.write({
                ...message.input,
                signal: writeAbort.signal,
                onProgress: (event) => post({ type: "write-progress", event }),
              });
              return post({ type: "write-result", draft });
            } catch (error) {
              return post({ type: "write-error", error: sendError(error) });
            }
          case "done":
            settle(true);
            return resolve(message.result);
          case "failed":
            settle(true);
            return reject(receiveError(message.error));
        }
      };
      worker.on("message", onMessage);
      worker.on("error", onCrash);
      worker.on("exit", onExit);
      options.signal.addEventListener("abort", onAbort, { once: true });
      if (options.signal.aborted) onAbort();
      post({
        type: "make",
        params,
        local: options.local,
        writerName: options.writer.name,
        withCache: deps.cache !== undefined,
      });
    });
  };

  return {
    make,
    async close() {
      await Promise.all([...idle, ...busy].map(({ worker }) => worker.terminate()));
      idle.length = 0;
      busy.clear();
    },
  };
}
