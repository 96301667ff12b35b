// Bounds the calls in flight to one provider (p-limit: first come, first served). Clients of the same
// endpoint in one process — reports written at once by the server — share one limiter.
import pLimit from "p-limit";
import type { ModelConfig } from "./models.js";

/** Runs a task when there is room. p-limit in one process; a Redis limiter across workers. */
export interface Limiter {
  <T>(task: () => Promise<T>): Promise<T>;
  /** Calls this process has running through the limiter. */
  readonly activeCount: number;
  /** Calls allowed at once. */
  readonly concurrency: number;
}

export function createLimiter(limit: number): Limiter {
  return pLimit(limit);
}

const limiters = new Map<string, Limiter>();

export function providerLimiter(config: ModelConfig): Limiter {
  const key = `${config.provider.name} ${config.provider.baseURL} ${config.provider.concurrency}`;
  let limiter = limiters.get(key);
  if (!limiter) {
    limiter = createLimiter(config.provider.concurrency);
    limiters.set(key, limiter);
  }
  return limiter;
}

/**
 * Runs `task` when the limiter has room, unless `stop` fires first: then the waiting call rejects at once
 * with the stop reason, and its turn, when it comes, is passed on without running.
 */
export function runLimited<T>(limiter: Limiter, task: () => Promise<T>, stop: AbortSignal): Promise<T> {
  if (stop.aborted) return Promise.reject(stop.reason);
  const queued = limiter.activeCount >= limiter.concurrency;
  return new Promise<T>((resolve, reject) => {
    let started = false;
    const onStop = () => {
      if (!started) reject(stop.reason);
    };
    stop.addEventListener("abort", onStop, { once: true });
    limiter(async () => {
      // A call that waited got its turn because another one ended, perhaps in the failure that ends the
      // run; one turn of the event loop lets that failure reach the run (and stop) before this is sent.
      if (queued) await new Promise((resume) => setImmediate(resume));
      stop.removeEventListener("abort", onStop);
      if (stop.aborted) return;
      started = true;
      try {
        resolve(await task());
      } catch (error) {
        reject(error);
      }
    }).catch((error: unknown) => {
      // The limiter itself failed (a shared limiter whose Redis connection closed while this call waited,
      // as when a worker stops): the call fails with it — unhandled, it would end the process.
      stop.removeEventListener("abort", onStop);
      reject(error);
    });
  });
}
