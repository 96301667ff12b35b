// The set-up every multi-process Redis test shares: one Redis for a describe block, the CLI processes a
// test starts killed after it, and Redis emptied so each test starts from nothing.
import { afterAll, afterEach, beforeAll } from "vitest";
import { startRedis, type TestRedis } from "./redis-server.js";
import { type CliChild, stop } from "./worker-processes.js";

export interface RedisProcesses {
  /** The running Redis (available inside tests and hooks, not at collection time). */
  readonly server: TestRedis;
  readonly url: string;
  /** Kills `child` with SIGKILL after the test, whatever it did. */
  track<Child extends CliChild>(child: Child): Child;
}

export function useRedisProcesses(): RedisProcesses {
  let redis: TestRedis | undefined;
  const children: CliChild[] = [];
  const running = () => {
    if (!redis) throw new Error("Redis is not started yet: use it inside a test or a hook");
    return redis;
  };
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterEach(async () => {
    await Promise.all(children.splice(0).map((child) => stop(child, "SIGKILL")));
    if (!redis) return;
    const { Redis } = await import("ioredis");
    const client = new Redis(redis.url);
    await client.flushall();
    client.disconnect();
  });
  afterAll(async () => {
    await redis?.stop();
  });
  return {
    get server() {
      return running();
    },
    get url() {
      return running().url;
    },
    track(child) {
      children.push(child);
      return child;
    },
  };
}
