// Connections to the Redis that workers and enqueuers share (the queue, the LLM call cache, the provider
// limiter, progress events). One place parses the --queue address and says clearly when Redis is down.
import { createRequire } from "node:module";
import type { Redis, RedisOptions } from "ioredis";
import { ShirabeError } from "../../errors.js";

/** Checks a --queue address: redis://[user:password@]host[:port][/db] (rediss:// for TLS). */
export function parseRedisUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    parsed = new URL("invalid:");
  }
  if (parsed.protocol !== "redis:" && parsed.protocol !== "rediss:") {
    throw new ShirabeError(`--queue ${url}: expected a Redis address like redis://127.0.0.1:6379`, {
      code: "bad-option",
      kind: "usage",
      input: url,
    });
  }
  return parsed;
}

/** The address without its password, for messages. */
export function redisLabel(url: string): string {
  const parsed = parseRedisUrl(url);
  parsed.password = "";
  parsed.username = "";
  return parsed.toString().replace(/\/$/, "");
}

/**
 * A client for short commands: it fails a command after a few reconnection attempts instead of waiting
 * forever, so the caller can report Redis as down (blocking readers pass `blocking`).
 */
export function openRedis(url: string, options: { blocking?: boolean } = {}): Redis {
  parseRedisUrl(url);
  const settings: RedisOptions = {
    maxRetriesPerRequest: options.blocking ? null : 2,
    // Reconnect quickly at first, then every 2 s: a restarted Redis is back within a poll or two.
    retryStrategy: (times) => Math.min(100 * times, 2_000),
    lazyConnect: false,
  };
  // Loaded on first use: only --queue and `worker` need it, and every command would pay its load time.
  const { Redis: RedisClient } = createRequire(import.meta.url)("ioredis") as typeof import("ioredis");
  const client = new RedisClient(url, settings);
  // Errors surface on the commands that fail; the client's own error events would only repeat them.
  client.on("error", () => {});
  return client;
}

/** Connection settings for BullMQ's own clients (workers block, so they never give up a command). */
export function bullConnection(url: string, options: { blocking: boolean }) {
  parseRedisUrl(url);
  return {
    url,
    maxRetriesPerRequest: options.blocking ? null : 2,
    retryStrategy: (times: number) => Math.min(100 * times, 2_000),
  };
}

const UNAVAILABLE =
  /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND|EPIPE|Connection is closed|max retries per request|Stream isn't writeable|LOADING|connect/i;

function isRedisUnavailable(error: unknown): boolean {
  const text = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  return UNAVAILABLE.test(text);
}

export interface RetryWhileDownOptions {
  url: string;
  /** Called each time Redis is found down, before the next try. */
  onUnavailable?: (message: string) => void;
  /** Give up (a clear error) after this long. Default 10 minutes. */
  timeoutMs?: number;
}

/**
 * Runs `task`, trying again with backoff while Redis is unreachable; a job is acknowledged only when
 * Redis answered, so nothing the caller was told is queued is lost by a restart.
 */
export async function retryWhileDown<T>(task: () => Promise<T>, options: RetryWhileDownOptions): Promise<T> {
  const started = Date.now();
  const timeoutMs = options.timeoutMs ?? 600_000;
  for (let attempt = 1; ; attempt += 1) {
    // A client still connecting waits rather than failing: say so while it does.
    const slow = setInterval(() => {
      const waited = ((Date.now() - started) / 1000).toFixed(0);
      options.onUnavailable?.(
        `${redisLabel(options.url)}: Redis is unreachable (no answer for ${waited} s); trying again`,
      );
    }, 2_000);
    try {
      return await task();
    } catch (error) {
      if (!isRedisUnavailable(error)) throw error;
      const waited = Date.now() - started;
      const reason = error instanceof Error ? error.message : String(error);
      if (waited >= timeoutMs) {
        throw new ShirabeError(
          `${redisLabel(options.url)}: the job queue's Redis is unreachable (${reason}); start Redis or check --queue, then run again`,
          { code: "queue-unavailable", kind: "network", input: options.url, retryable: true, cause: error },
        );
      }
      const delay = Math.min(250 * 2 ** (attempt - 1), 5_000, Math.max(50, timeoutMs - waited));
      options.onUnavailable?.(
        `${redisLabel(options.url)}: Redis is unreachable (${reason}); trying again in ${(delay / 1000).toFixed(1)} s`,
      );
      await new Promise((resolve) => setTimeout(resolve, delay));
    } finally {
      clearInterval(slow);
    }
  }
}
