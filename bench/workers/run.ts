// Reports per minute on worker processes sharing one Redis, with the fake LLM server at a realistic speed
// (as bench/llm: 400 ms to the first token, 60 tokens/s): 1, 2 and 4 `shirabe worker` processes, with the
// provider uncapped and capped at 4 calls at once across all of them; and the queue's own cost per job,
// Redis (BullMQ) against embedded (SQLite), with a handler that does nothing. Writes
// bench/results/workers.json.
import { spawn } from "node:child_process";
import { readdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { Redis } from "ioredis";
import { openBullmqQueue } from "../../src/adapters/queue/bullmq-queue.js";
import { openEmbeddedQueue } from "../../src/adapters/queue/embedded-queue.js";
import type { Queue } from "../../src/ports/queue.js";
import { startFakeLlmServer } from "../../test/support/fake-llm-server.js";
import { startRedis } from "../../test/support/redis-server.js";
import { scriptedAnswer } from "../../test/support/scripted-model.js";
import { tempDir } from "../../test/support/temp.js";
import { startCli, stop } from "../../test/support/worker-processes.js";

const ROOT = resolve(import.meta.dirname, "../..");
const EXAMPLES = join(ROOT, "examples/china-ai");
const FIRST_TOKEN_MS = 400;
const TOKENS_PER_SECOND = 60;
const JOBS = 8;
const WORKER_CONCURRENCY = 2;
const OVERHEAD_JOBS = 500;

async function overheadMs(queue: Queue<{ input: string }, number>): Promise<number> {
  const started = performance.now();
  for (let n = 0; n < OVERHEAD_JOBS; n += 1) await queue.enqueue({ input: `job-${n}` });
  const worker = queue.process(async () => 1, { concurrency: 4 });
  await worker.idle();
  const ms = performance.now() - started;
  await queue.close();
  return Number((ms / OVERHEAD_JOBS).toFixed(2));
}

const redis = await startRedis();
const embeddedMs = await overheadMs(
  openEmbeddedQueue({ path: join(tempDir(), "shirabe.sqlite"), pollMs: 20 }),
);
const redisMs = await overheadMs(openBullmqQueue({ url: redis.url, name: "overhead", pollMs: 20 }));

const inputs = readdirSync(EXAMPLES)
  .filter((name) => name.endsWith(".html"))
  .slice(0, JOBS)
  .map((name) => join(EXAMPLES, name));

interface Run {
  workers: number;
  providerCap: number | null;
  seconds: number;
  reportsPerMinute: number;
  calls: number;
  mostCallsOpen: number;
}

async function throughput(workers: number, providerCap: number | null): Promise<Run> {
  // A fresh fake per run, so its count of calls open at once is this run's.
  const fake = await startFakeLlmServer({
    responder: scriptedAnswer,
    firstTokenMs: FIRST_TOKEN_MS,
    tokensPerSecond: TOKENS_PER_SECOND,
  });
  const client = new Redis(redis.url);
  await client.flushall(); // a cold LLM cache: every call is paid
  client.disconnect();
  const dir = tempDir();
  const config = join(dir, "shirabe.json");
  writeFileSync(
    config,
    JSON.stringify({
      providers: {
        fake: {
          baseURL: fake.baseURL,
          keyEnv: "FAKE_KEY",
          structuredOutput: "json-schema",
          concurrency: providerCap ?? 64,
        },
      },
    }),
  );
  const list = join(dir, "list.txt");
  writeFileSync(list, inputs.join("\n"));
  const started = workers;
  const processes = Array.from({ length: started }, () =>
    startCli(["worker", "--queue", redis.url, "--concurrency", String(WORKER_CONCURRENCY), "--quiet"], {
      SHIRABE_DATA_DIR: tempDir(),
      FAKE_KEY: "bench",
    }),
  );
  await Promise.all(processes.map((process_) => process_.waitFor(/taking jobs/)));
  const begin = performance.now();
  const batch = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      join(ROOT, "test/support/cli-entry.ts"),
      "batch",
      list,
      "--queue",
      redis.url,
      "--model",
      "fake:bench",
      "--config",
      config,
      "--no-follow-links",
      "--quiet",
    ],
    { env: { ...process.env, SHIRABE_DATA_DIR: join(dir, "data") }, stdio: "inherit" },
  );
  await new Promise((done) => batch.on("close", done));
  const seconds = (performance.now() - begin) / 1000;
  await Promise.all(processes.map((process_) => stop(process_)));
  await fake.close();
  return {
    workers,
    providerCap,
    seconds: Number(seconds.toFixed(1)),
    reportsPerMinute: Number(((JOBS / seconds) * 60).toFixed(1)),
    calls: fake.requests.length,
    mostCallsOpen: fake.maxInFlight(),
  };
}

const runs: Run[] = [];
for (const cap of [null, 4]) {
  for (const workers of [1, 2, 4]) {
    const run = await throughput(workers, cap);
    console.log(run);
    runs.push(run);
  }
}
await redis.stop();

const results = {
  date: new Date().toISOString(),
  node: process.version,
  machine: "2 cores shared with other work",
  fakeServer: { firstTokenMs: FIRST_TOKEN_MS, tokensPerSecond: TOKENS_PER_SECOND },
  jobs: JOBS,
  workerConcurrency: WORKER_CONCURRENCY,
  runs,
  queueOverheadPerJobMs: { embedded: embeddedMs, redis: redisMs, jobs: OVERHEAD_JOBS },
};
writeFileSync(join(ROOT, "bench/results/workers.json"), `${JSON.stringify(results, null, 2)}\n`);
console.table(runs);
console.log(`queue overhead per job: embedded ${embeddedMs} ms, Redis ${redisMs} ms`);
