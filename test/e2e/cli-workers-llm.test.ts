// Paid calls across workers: a worker SIGKILLed mid-report has its job finished by another, which repays
// no call the fake LLM server already answered (the call cache is in Redis), and a provider's concurrency
// holds across worker processes (the fake counts the requests open at once).
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore } from "../../src/index.js";
import { tempDir } from "../support/cli.js";
import { type FakeLlmServer, startFakeLlmServer } from "../support/fake-llm-server.js";
import { writeFakeModelConfig } from "../support/fake-model-config.js";
import { useRedisProcesses } from "../support/redis-processes.js";
import { HAS_REDIS, NO_REDIS_MESSAGE } from "../support/redis-server.js";
import { scriptedAnswer } from "../support/scripted-model.js";
import { reportsByInput, startCli, startWorker, stop } from "../support/worker-processes.js";

if (!HAS_REDIS) console.warn(NO_REDIS_MESSAGE);

const EXAMPLES = resolve(import.meta.dirname, "../../examples/china-ai");
const KEY = "sk-test-workers-4242";

describe.skipIf(!HAS_REDIS)("LLM reports on workers", () => {
  const redis = useRedisProcesses();
  let fake: FakeLlmServer;
  beforeAll(async () => {
    // Slow enough that a worker can be killed with answers given and a call still open.
    fake = await startFakeLlmServer({ responder: scriptedAnswer, firstTokenMs: 150 });
  });
  afterAll(async () => {
    await fake?.close();
  });

  /** A config naming the fake as provider `local`, at most 2 calls at once. */
  const writeConfig = (dir: string) =>
    writeFakeModelConfig(dir, fake.baseURL, { provider: { concurrency: 2 } });
  const setup = (inputs: string[]) => {
    const dir = tempDir();
    const config = writeConfig(dir);
    const list = join(dir, "list.txt");
    writeFileSync(list, `${inputs.map((name) => join(EXAMPLES, name)).join("\n")}\n`);
    const dataDir = join(dir, "data");
    const batch = startCli(
      [
        "batch",
        list,
        "--queue",
        redis.url,
        "--model",
        "local:fake-model",
        "--config",
        config,
        "--no-follow-links",
      ],
      { SHIRABE_DATA_DIR: dataDir },
    );
    redis.track(batch);
    return { batch, dataDir };
  };
  /** A short `lock` hands a killed worker's job over quickly; the default keeps a busy machine's jobs put. */
  const worker = (concurrency: string, lock = "30", env: Record<string, string> = {}) => {
    const child = startWorker(
      redis.url,
      ["--concurrency", concurrency, "--lock", lock, "--stalled-interval", "0.5"],
      { LOCAL_LLM_KEY: KEY, ...env },
    );
    redis.track(child);
    return child;
  };
  const body = (request: FakeLlmServer["requests"][number]) => JSON.stringify(request.body);

  it("finishes a SIGKILLed worker's report on another worker exactly once, repaying no answered call", async () => {
    fake.requests.length = 0;
    const { batch, dataDir } = setup(["article.html"]);
    const first = worker("1", "1");
    const deadline = Date.now() + 30_000;
    while (fake.requests.filter((request) => request.answered).length < 3 || fake.inFlight() === 0) {
      if (Date.now() > deadline)
        throw new Error(
          `no call in flight: ${fake.requests.length} requests\n${first.stderr()}\n${batch.stderr()}`,
        );
      await new Promise((done) => setTimeout(done, 10));
    }
    await stop(first, "SIGKILL");
    const answered = new Set(fake.requests.filter((request) => request.answered).map(body));
    const second = worker("1", "1");
    const result = await Promise.race([
      batch.finished,
      new Promise<never>((_, reject) =>
        setTimeout(
          () =>
            reject(
              new Error(
                `second:\n${second.stderr()}\nbatch:\n${batch.stderr()}\nrequests ${fake.requests.length}`,
              ),
            ),
          40_000,
        ),
      ),
    ]);
    expect(result.stdout).toContain("batch: 1 done, 0 failed, 0 pending");

    expect(first.stderr()).not.toMatch(/^done /m);
    expect(second.stderr().match(/^done /gm)).toHaveLength(1);
    expect([...reportsByInput(dataDir).values()]).toEqual([1]);
    // Every call answered before the kill was sent once in all: the second worker read it from Redis.
    for (const asked of answered) {
      expect(fake.requests.filter((request) => body(request) === asked)).toHaveLength(1);
    }
    expect(answered.size).toBeGreaterThanOrEqual(3);
  }, 60_000);

  it("never has more calls open at once than the provider allows, across worker processes", async () => {
    fake.requests.length = 0;
    const startMost = fake.maxInFlight();
    expect(startMost).toBeLessThanOrEqual(2);
    const { batch, dataDir } = setup([
      "china-ai-plan-2017.html",
      "deepseek-founding.html",
      "export-controls.html",
      "market-reaction.html",
    ]);
    worker("2");
    worker("2");
    const result = await batch.finished;
    expect(result.stdout).toContain("batch: 4 done, 0 failed, 0 pending");
    expect(reportsByInput(dataDir).size).toBe(4);
    // Two workers writing two reports each, every report sending its sections at once: still 2.
    expect(fake.maxInFlight()).toBe(2);
  }, 60_000);

  it("writes a job that asks for the extractive engine without the LLM its worker has configured", async () => {
    fake.requests.length = 0;
    const dir = tempDir();
    const dataDir = join(dir, "data");
    const list = join(dir, "list.txt");
    writeFileSync(list, `${join(EXAMPLES, "deepseek-talent.html")}\n`);
    // The worker's own configuration names the fake as its model.
    const configured = worker("1", "30", { SHIRABE_CONFIG: writeConfig(dir) });
    const batch = startCli(
      ["batch", list, "--queue", redis.url, "--engine", "extractive", "--no-follow-links"],
      {
        SHIRABE_DATA_DIR: dataDir,
      },
    );
    redis.track(batch);
    const result = await batch.finished;
    expect(result.stdout, `${result.stderr}\n${configured.stderr()}`).toContain(
      "batch: 1 done, 0 failed, 0 pending",
    );
    expect(fake.requests).toHaveLength(0);
    const store = openStore({ path: join(dataDir, "shirabe.sqlite") });
    try {
      expect(store.listReports().map((report) => report.engine)).toEqual(["extractive"]);
    } finally {
      store.close();
    }

    // The same job without the choice is written by the worker's model.
    const withModel = startCli(["batch", list, "--queue", redis.url, "--no-follow-links"], {
      SHIRABE_DATA_DIR: dataDir,
    });
    redis.track(withModel);
    expect((await withModel.finished).stdout).toContain("batch: 1 done, 0 failed, 0 pending");
    expect(fake.requests.length).toBeGreaterThan(0);
  }, 60_000);
});
