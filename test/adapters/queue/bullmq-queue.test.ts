import { afterAll, beforeAll, describe } from "vitest";
import { openBullmqQueue } from "../../../src/adapters/queue/bullmq-queue.js";
import { queueContract } from "../../support/queue-contract.js";
import { HAS_REDIS, NO_REDIS_MESSAGE, startRedis, type TestRedis } from "../../support/redis-server.js";

if (!HAS_REDIS) console.warn(NO_REDIS_MESSAGE);

describe.skipIf(!HAS_REDIS)("BullMQ queue", () => {
  let redis: TestRedis;
  let queues = 0;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis?.stop();
  });
  // A fresh queue name per test keeps every test's jobs apart in the one Redis.
  queueContract("BullMQ", async () =>
    openBullmqQueue({ url: redis.url, name: `contract-${++queues}`, backoffMs: 5, pollMs: 20 }),
  );
});
