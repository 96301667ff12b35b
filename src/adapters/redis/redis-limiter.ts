// A provider's concurrency (and optional requests-per-minute) limit held across every worker: providers
// limit per key, not per machine. Each call takes a slot in a Redis sorted set whose members expire (a
// worker killed mid-call frees its slot when the lease lapses); one Lua script checks and takes a slot
// atomically. Waiting callers poll with a little jitter.
import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import type { Limiter } from "../llm/provider-limiter.js";

export interface RedisLimiterOptions {
  redis: Redis;
  /** Names the limit, e.g. the provider and its endpoint. */
  key: string;
  /** Calls in flight at once, across all processes. */
  concurrency: number;
  /** Calls started per rolling minute, across all processes; none when absent. */
  perMinute?: number;
  /** A slot not renewed this long is freed (its holder died). Default 60 s; renewed every third. */
  leaseMs?: number;
  /** Longest pause between two tries while full. Default 100 ms. */
  pollMs?: number;
}

// KEYS: slots, starts. ARGV: now, lease, concurrency, perMinute (0 = none), token.
const TAKE = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then return 0 end
if tonumber(ARGV[4]) > 0 then
  redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', tonumber(ARGV[1]) - 60000)
  if redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[4]) then return 0 end
  redis.call('ZADD', KEYS[2], ARGV[1], ARGV[5])
  redis.call('PEXPIRE', KEYS[2], 61000)
end
redis.call('ZADD', KEYS[1], tonumber(ARGV[1]) + tonumber(ARGV[2]), ARGV[5])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1
`;

export function createRedisLimiter(options: RedisLimiterOptions): Limiter {
  const slots = `${options.key}:slots`;
  const starts = `${options.key}:starts`;
  const leaseMs = options.leaseMs ?? 60_000;
  const pollMs = options.pollMs ?? 100;
  let active = 0;

  const take = async (token: string) => {
    for (;;) {
      const taken = await options.redis.eval(
        TAKE,
        2,
        slots,
        starts,
        Date.now(),
        leaseMs,
        options.concurrency,
        options.perMinute ?? 0,
        token,
      );
      if (taken === 1) return;
      await new Promise((resolve) => setTimeout(resolve, pollMs / 2 + Math.random() * pollMs));
    }
  };

  const limit = async <T>(task: () => Promise<T>): Promise<T> => {
    const token = randomUUID();
    await take(token);
    active += 1;
    const renew = setInterval(() => {
      options.redis
        .multi()
        .zadd(slots, "XX", Date.now() + leaseMs, token)
        .pexpire(slots, leaseMs)
        .exec()
        .catch(() => {});
    }, leaseMs / 3);
    try {
      return await task();
    } finally {
      clearInterval(renew);
      active -= 1;
      await options.redis.zrem(slots, token).catch(() => {});
    }
  };
  return Object.defineProperties(limit, {
    activeCount: { get: () => active },
    concurrency: { get: () => options.concurrency },
  }) as Limiter;
}
