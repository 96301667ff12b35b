// The LLM call cache in Redis, for workers on several machines: an answer one worker paid for is there
// for every other, so a job that moves to another worker (its first one killed) repays no finished call.
// Same port and same keys as the SQLite cache; entries expire after `ttlDays` so the cache stays bounded.
import type { Redis } from "ioredis";
import type { LlmCallCache } from "../../ports/llm.js";

export interface RedisLlmCacheOptions {
  redis: Redis;
  /** Default "shirabe". */
  prefix?: string;
  /** Default 3 days: long enough for a moved job or a rerun, short enough to bound memory (docs/workers.md). */
  ttlDays?: number;
}

interface CachedCall {
  text: string;
  inputTokens: number;
  outputTokens: number;
  model: string;
  purpose: string;
}

export function openRedisLlmCache(options: RedisLlmCacheOptions): LlmCallCache {
  const prefix = `${options.prefix ?? "shirabe"}:llm-call:`;
  const ttlSeconds = Math.round((options.ttlDays ?? 3) * 86_400);
  return {
    getCall: async (key) => {
      const stored = await options.redis.get(prefix + key);
      if (stored === null) return null;
      const call = JSON.parse(stored) as CachedCall;
      return { text: call.text, inputTokens: call.inputTokens, outputTokens: call.outputTokens };
    },
    putCall: async (key, call) => {
      await options.redis.set(prefix + key, JSON.stringify(call satisfies CachedCall), "EX", ttlSeconds);
    },
  };
}
