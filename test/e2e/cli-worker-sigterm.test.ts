// A worker stopped with SIGTERM while it writes a report: with a grace period it finishes the report
// before it exits; with none it hands the job back at once (not after its lock lapses) and another
// worker completes it, exactly once, repaying no LLM call the first one had answered.
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../support/cli.js";
import { type FakeLlmServer, startFakeLlmServer } from "../support/fake-llm-server.js";
import { writeFakeModelConfig } from "../support/fake-model-config.js";
import { useRedisProcesses } from "../support/redis-processes.js";
import { HAS_REDIS, NO_REDIS_MESSAGE } from "../support/redis-server.js";
import { scriptedAnswer } from "../support/scripted-model.js";
import { type CliChild, reportsByInput, startCli, startWorker, stop } from "../support/worker-processes.js";

if (!HAS_REDIS) console.warn(NO_REDIS_MESSAGE);

const ARTICLE = resolve(import.meta.dirname, "../../examples/china-ai/article.html");
const KEY = "sk-test-sigterm-1717";

describe.skipIf(!HAS_REDIS)("a worker stopped with SIGTERM", () => {
  const redis = useRedisProcesses();
  let fake: FakeLlmServer;
  beforeAll(async () => {
    // Slow enough that the worker is mid-report when the signal comes.
    fake = await startFakeLlmServer({ responder: scriptedAnswer, firstTokenMs: 150 });
  });
  afterAll(async () => {
    await fake?.close();
  });

  /** `batch --queue` of the one article, written by the fake LLM. */
  const enqueue = () => {
    const dir = tempDir();
    const config = writeFakeModelConfig(dir, fake.baseURL);
    const list = join(dir, "list.txt");
    writeFileSync(list, `${ARTICLE}\n`);
    const dataDir = join(dir, "data");
    const args = ["batch", list, "--queue", redis.url, "--model", "local:fake-model", "--config", config];
    const batch = startCli([...args, "--no-follow-links"], { SHIRABE_DATA_DIR: dataDir });
    redis.track(batch);
    return { batch, dataDir };
  };
  // A long lock: a job that moves to another worker here was handed back, not taken over as stalled.
  const worker = (grace: string) => {
    const child = startWorker(
      redis.url,
      ["--concurrency", "1", "--grace", grace, "--lock", "60", "--stalled-interval", "60"],
      { LOCAL_LLM_KEY: KEY },
    );
    redis.track(child);
    return child;
  };
  const midReport = async (child: CliChild) => {
    const deadline = Date.now() + 30_000;
    while (fake.requests.filter((request) => request.answered).length < 2 || fake.inFlight() === 0) {
      if (Date.now() > deadline) throw new Error(`no call in flight:\n${child.stderr()}`);
      await new Promise((done) => setTimeout(done, 10));
    }
  };
  const body = (request: FakeLlmServer["requests"][number]) => JSON.stringify(request.body);

  it("finishes the running report within its grace period, then exits 0", async () => {
    fake.requests.length = 0;
    const { batch, dataDir } = enqueue();
    const first = worker("30");
    await midReport(first);
    const stopped = await stop(first, "SIGTERM");
    expect(stopped.code).toBe(0);
    expect(stopped.stderr).toMatch(/^done /m);
    expect((await batch.finished).stdout).toContain("batch: 1 done, 0 failed, 0 pending");
    expect([...reportsByInput(dataDir).values()]).toEqual([1]);
  }, 60_000);

  it("with no grace hands the job back; another worker completes it exactly once", async () => {
    fake.requests.length = 0;
    const { batch, dataDir } = enqueue();
    const first = worker("0");
    await midReport(first);
    const stopped = await stop(first, "SIGTERM");
    const answered = new Set(fake.requests.filter((request) => request.answered).map(body));
    // A call still waiting for a shared provider slot fails with the closed connection, not the process.
    expect(stopped.code).toBe(0);
    expect(stopped.stderr).toContain("stopping: running reports get 0 s");
    expect(stopped.stderr).not.toMatch(/^done /m);
    // Handed back: a second worker takes it at once although the first one's lock had a minute left.
    const second = worker("0");
    const result = await Promise.race([
      batch.finished,
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error(`second:\n${second.stderr()}\nbatch:\n${batch.stderr()}`)), 30_000),
      ),
    ]);
    expect(result.stdout).toContain("batch: 1 done, 0 failed, 0 pending");
    // The worker's own line can still be in its pipe when the batch has seen the job done.
    await second.waitFor(/^done /m);
    expect(second.stderr().match(/^done /gm)).toHaveLength(1);
    expect(second.stderr()).toMatch(/attempt 1\)/);
    expect([...reportsByInput(dataDir).values()]).toEqual([1]);
    for (const asked of answered) {
      expect(fake.requests.filter((request) => body(request) === asked)).toHaveLength(1);
    }
  }, 60_000);
});
