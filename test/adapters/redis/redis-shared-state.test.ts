// The Redis adapters workers share, against a real redis-server, through the same contract suites as
// their single-process counterparts (SQLite cache, p-limit limiter) — plus what only Redis must do.
import { join } from "node:path";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLimiter, runLimited } from "../../../src/adapters/llm/provider-limiter.js";
import { parseRedisUrl, retryWhileDown } from "../../../src/adapters/redis/redis-connection.js";
import { createRedisLimiter } from "../../../src/adapters/redis/redis-limiter.js";
import { openRedisLlmCache } from "../../../src/adapters/redis/redis-llm-cache.js";
import { openLlmStore } from "../../../src/adapters/store/llm-cache.js";
import { openStore } from "../../../src/index.js";
import { limiterContract } from "../../support/limiter-contract.js";
import { llmCacheContract } from "../../support/llm-cache-contract.js";
import { HAS_REDIS, NO_REDIS_MESSAGE, startRedis, type TestRedis } from "../../support/redis-server.js";
import { tempDir } from "../../support/temp.js";

if (!HAS_REDIS) console.warn(NO_REDIS_MESSAGE);

llmCacheContract("SQLite", async () => {
  const path = join(tempDir(), "shirabe.sqlite");
  openStore({ path }).close();
  return openLlmStore({ path });
});
limiterContract("p-limit", async (limit) => {
  const shared = createLimiter(limit);
  return [shared, shared];
});

describe.skipIf(!HAS_REDIS)("Redis shared state", () => {
  let server: TestRedis;
  const clients: Redis[] = [];
  const client = () => {
    const redis = new Redis(server.url);
    clients.push(redis);
    return redis;
  };
  let limits = 0;
  beforeAll(async () => {
    server = await startRedis();
  });
  afterAll(async () => {
    for (const redis of clients) redis.disconnect();
    await server?.stop();
  });

  llmCacheContract("Redis", async () => openRedisLlmCache({ redis: client() }));
  limiterContract("Redis", async (limit) => {
    const key = `test:limit:${++limits}`;
    return [
      createRedisLimiter({ redis: client(), key, concurrency: limit, pollMs: 5 }),
      createRedisLimiter({ redis: client(), key, concurrency: limit, pollMs: 5 }),
    ];
  });

  it("frees the slot of a holder that died once its lease lapses", async () => {
    const key = "test:limit:lease";
    const redis = client();
    // A holder that will never release: its process is gone.
    await redis.zadd(`${key}:slots`, Date.now() + 200, "dead-worker");
    const limiter = createRedisLimiter({ redis, key, concurrency: 1, pollMs: 10 });
    const started = Date.now();
    expect(await limiter(async () => "ran")).toBe("ran");
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
  });

  it("holds a per-minute limit across sharers", async () => {
    const key = "test:limit:rate";
    const limiter = createRedisLimiter({ redis: client(), key, concurrency: 5, perMinute: 3, pollMs: 10 });
    for (let n = 0; n < 3; n += 1) await limiter(async () => n);
    const fourth = Promise.race([
      limiter(async () => "fourth"),
      new Promise((resolve) => setTimeout(() => resolve("still waiting"), 300)),
    ]);
    expect(await fourth).toBe("still waiting");
  });

  it("rejects an address that is not redis:// and names the flag", () => {
    expect(() => parseRedisUrl("http://127.0.0.1:6379")).toThrow(
      /--queue http:\/\/127\.0\.0\.1:6379: expected a Redis address/,
    );
  });

  it("gives up on a Redis that stays down with an error naming the address", async () => {
    const said: string[] = [];
    await expect(
      retryWhileDown(() => Promise.reject(new Error("connect ECONNREFUSED 127.0.0.1:1")), {
        url: "redis://127.0.0.1:1",
        timeoutMs: 300,
        onUnavailable: (message) => said.push(message),
      }),
    ).rejects.toThrow(/redis:\/\/127\.0\.0\.1:1: the job queue's Redis is unreachable/);
    expect(said[0]).toMatch(/Redis is unreachable \(connect ECONNREFUSED/);
  });

  it("fails a call waiting for a shared slot when its connection closes, instead of ending the process", async () => {
    // A worker stopping closes the shared connection while a call still waits for a provider slot.
    const redis = client();
    const limiter = createRedisLimiter({
      redis,
      key: `test:closing:${limits++}`,
      concurrency: 1,
      pollMs: 20,
    });
    const stop = new AbortController();
    let release: () => void = () => {};
    const holding = runLimited(
      limiter,
      () => new Promise<void>((resolve) => (release = resolve)),
      stop.signal,
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    let sent = false;
    const waiting = runLimited(limiter, async () => (sent = true), stop.signal);
    await new Promise((resolve) => setTimeout(resolve, 50));
    redis.disconnect();
    await expect(waiting).rejects.toThrow(/Connection is closed/);
    expect(sent).toBe(false);
    release();
    await holding;
  });
});
