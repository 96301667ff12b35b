// What every worker of one Redis shares about LLM providers: the call cache, and one limit per provider
// endpoint (its configured concurrency, optionally a per-minute cap) held across all of them.
import { createHash } from "node:crypto";
import type { ModelConfig } from "../llm/models.js";
import type { Limiter } from "../llm/provider-limiter.js";
import { openRedis } from "./redis-connection.js";
import { createRedisLimiter } from "./redis-limiter.js";
import { openRedisLlmCache } from "./redis-llm-cache.js";

export interface SharedLlmStateOptions {
  url: string;
  /** Default "shirabe". */
  prefix?: string;
  /** Calls started per minute per provider endpoint, across all workers; none when absent. */
  perMinute?: number;
  /** How long a cached answer is kept. Default 3 days. */
  cacheDays?: number;
  /** A slot held by a worker that went silent this long is freed. Default 60 s. */
  leaseMs?: number;
}

export function openSharedLlmState(options: SharedLlmStateOptions) {
  const prefix = options.prefix ?? "shirabe";
  const redis = openRedis(options.url);
  const limiters = new Map<string, Limiter>();
  return {
    cache: openRedisLlmCache({
      redis,
      prefix,
      ...(options.cacheDays !== undefined ? { ttlDays: options.cacheDays } : {}),
    }),
    /** The endpoint's limit; keys stay out of the name (the endpoint and provider name identify it). */
    limiter(config: ModelConfig): Limiter {
      const { name, baseURL, concurrency } = config.provider;
      const id = createHash("sha256").update(`${name}\n${baseURL}`).digest("hex").slice(0, 16);
      let limiter = limiters.get(id);
      if (!limiter) {
        limiter = createRedisLimiter({
          redis,
          key: `${prefix}:llm-limit:${id}`,
          concurrency,
          ...(options.leaseMs !== undefined ? { leaseMs: options.leaseMs } : {}),
          ...(options.perMinute !== undefined ? { perMinute: options.perMinute } : {}),
        });
        limiters.set(id, limiter);
      }
      return limiter;
    },
    /** Answers still being written to the cache are written first (2 s at most), then the connection ends. */
    close: async (): Promise<void> => {
      const wait = new Promise((resolve) => setTimeout(resolve, 2_000).unref());
      await Promise.race([redis.quit().catch(() => {}), wait]);
      redis.disconnect();
    },
  };
}
