// When and how long to wait before trying a failed call again.
import { APICallError } from "@ai-sdk/provider";

/** Set on errors of our own making (timeouts, truncated streams) that a new attempt may fix. */
export class RetryableCallError extends Error {
  override readonly name = "RetryableCallError";
}

export function isRetryable(error: unknown): boolean {
  if (error instanceof RetryableCallError) return true;
  if (APICallError.isInstance(error)) return error.isRetryable;
  // undici's "fetch failed" (connection refused or reset) and a body cut mid-stream.
  return error instanceof TypeError || (error as { code?: string }).code === "ECONNRESET";
}

/** Milliseconds the server asked us to wait (retry-after-ms, retry-after in seconds or as a date), if any. */
export function retryAfterMs(error: unknown, now: number = Date.now()): number | undefined {
  if (!APICallError.isInstance(error)) return undefined;
  const headers = error.responseHeaders ?? {};
  const ms = Number(headers["retry-after-ms"]);
  if (headers["retry-after-ms"] !== undefined && Number.isFinite(ms)) return Math.max(0, ms);
  const value = headers["retry-after"];
  if (value === undefined) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Exponential backoff from `baseMs`, with up to 25% jitter so parallel calls do not retry in step. */
export function backoffMs(attempt: number, baseMs: number): number {
  return baseMs * 2 ** attempt * (1 + Math.random() * 0.25);
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
