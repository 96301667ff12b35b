// Workers on Redis end to end: `batch --queue` enqueues, `shirabe worker` processes on their own data
// dirs write the reports, and the enqueuer stores each exactly once — with several workers, with the
// enqueuer killed and started again, and with Redis stopped and restarted mid-run.
import { readdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { openBullmqQueue } from "../../src/adapters/queue/bullmq-queue.js";
import { runCli, tempDir } from "../support/cli.js";
import { useRedisProcesses } from "../support/redis-processes.js";
import { HAS_REDIS, NO_REDIS_MESSAGE } from "../support/redis-server.js";
import { reportsByInput, startCli, startWorker, stop } from "../support/worker-processes.js";

if (!HAS_REDIS) console.warn(NO_REDIS_MESSAGE);

const EXAMPLES = resolve(import.meta.dirname, "../../examples/china-ai");
const INPUTS = readdirSync(EXAMPLES)
  .filter((name) => name.endsWith(".html"))
  .map((name) => join(EXAMPLES, name))
  .slice(0, 6);

describe.skipIf(!HAS_REDIS)("workers on Redis", () => {
  const redis = useRedisProcesses();

  const listFile = () => {
    const file = join(tempDir(), "list.txt");
    writeFileSync(file, `${INPUTS.join("\n")}\n`);
    return file;
  };
  /**
   * A worker whose running jobs another takes over after `lock` seconds of silence. Short locks make the
   * tests quick where a job must move; where none should, the default (30 s) keeps a worker starved of
   * CPU on a busy machine from losing a job it is still writing.
   */
  const worker = (lock = "30") => {
    const child = startWorker(redis.url, ["--concurrency", "2", "--lock", lock, "--stalled-interval", "1"]);
    redis.track(child);
    return child;
  };

  it("spreads a batch over several worker processes; the enqueuer stores every report once and status counts them", async () => {
    const dataDir = tempDir();
    const workers = [worker(), worker(), worker()];
    const batch = await runCli(["batch", listFile(), "--queue", redis.url, "--no-follow-links"], {
      SHIRABE_DATA_DIR: dataDir,
    });
    expect(batch.stdout).toContain(`batch: ${INPUTS.length} done, 0 failed, 0 pending`);
    expect(batch.code).toBe(0);
    const stored = reportsByInput(dataDir);
    expect([...stored.keys()].sort()).toEqual([...INPUTS].sort());
    expect([...stored.values()].every((count) => count === 1)).toBe(true);

    const status = await runCli(["queue", "status", "--queue", redis.url, "--json"]);
    expect(JSON.parse(status.stdout)).toMatchObject({
      total: { waiting: 0, active: 0, done: INPUTS.length, failed: 0 },
      groups: [{ group: "batch", counts: { done: INPUTS.length } }],
    });
    // Workers stop on SIGTERM with nothing running.
    for (const child of workers) expect((await stop(child)).code).toBe(0);
    // Each job was written by exactly one worker (read once they ended: a line can lag in its pipe).
    const written = workers.flatMap((child) => child.stderr().match(/^done .*$/gm) ?? []);
    expect(written).toHaveLength(INPUTS.length);

    const again = await runCli(["batch", listFile(), "--queue", redis.url, "--no-follow-links"], {
      SHIRABE_DATA_DIR: dataDir,
    });
    expect(again.stderr).toContain(`batch: ${INPUTS.length} already done, skipped`);
    expect(reportsByInput(dataDir).size).toBe(INPUTS.length);
  });

  it("two enqueuers on one Redis each store only the reports they asked for", async () => {
    const lists = [INPUTS.slice(0, 3), INPUTS.slice(3)].map((inputs) => {
      const file = join(tempDir(), "list.txt");
      writeFileSync(file, `${inputs.join("\n")}\n`);
      return { file, inputs, dataDir: tempDir() };
    });
    worker();
    const results = await Promise.all(
      lists.map(({ file, dataDir }) =>
        runCli(["batch", file, "--queue", redis.url, "--no-follow-links"], { SHIRABE_DATA_DIR: dataDir }),
      ),
    );
    for (const [index, { inputs, dataDir }] of lists.entries()) {
      expect(results[index]?.stdout).toContain(`batch: ${inputs.length} done, 0 failed, 0 pending`);
      expect([...reportsByInput(dataDir).keys()].sort()).toEqual([...inputs].sort());
    }
  });

  it("stores the reports that finished while the enqueuer was dead when it runs again", async () => {
    const dataDir = tempDir();
    const env = { SHIRABE_DATA_DIR: dataDir };
    const args = ["batch", listFile(), "--queue", redis.url, "--no-follow-links"];
    const enqueuer = startCli(args, env);
    redis.track(enqueuer);
    const queue = openBullmqQueue({ url: redis.url });
    while ((await queue.counts("batch")).waiting < INPUTS.length) {
      await new Promise((done) => setTimeout(done, 50));
    }
    await stop(enqueuer, "SIGKILL");
    expect(reportsByInput(dataDir).size).toBe(0);

    const done = await runCli(["worker", "--queue", redis.url, "--until-idle", "--concurrency", "3"], {
      SHIRABE_DATA_DIR: tempDir(),
    });
    expect(done.code).toBe(0);
    expect(await queue.counts("batch")).toMatchObject({ done: INPUTS.length, waiting: 0, active: 0 });
    await queue.close();

    const again = await runCli(args, env);
    expect(again.stdout).toContain(`batch: ${INPUTS.length} done, 0 failed, 0 pending`);
    const stored = reportsByInput(dataDir);
    expect(stored.size).toBe(INPUTS.length);
    expect([...stored.values()].every((count) => count === 1)).toBe(true);
  });

  it("says Redis is down and waits for it; a Redis restarted mid-run loses no acknowledged job", async () => {
    const dataDir = tempDir();
    await redis.server.stop();
    const enqueuer = startCli(["batch", listFile(), "--queue", redis.url, "--no-follow-links"], {
      SHIRABE_DATA_DIR: dataDir,
    });
    redis.track(enqueuer);
    await enqueuer.waitFor(/Redis is unreachable .*trying again/);
    await redis.server.start();
    // A job finished while Redis was away stays active there until its lock lapses, then runs again.
    const first = worker("5");
    await first.waitFor(/^done /m);
    // Redis goes away with jobs waiting and running, and comes back from its append-only file.
    await redis.server.stop();
    await new Promise((done) => setTimeout(done, 500));
    await redis.server.start();
    const result = await Promise.race([
      enqueuer.finished,
      new Promise<never>((_, reject) =>
        setTimeout(
          () => reject(new Error(`enqueuer:\n${enqueuer.stderr()}\nworker:\n${first.stderr()}`)),
          // Generous: on a loaded 2-core machine the stalled-job recovery after the restart takes a while.
          100_000,
        ),
      ),
    ]);
    expect(result.stdout, `enqueuer (exit ${result.code}):\n${result.stderr}`).toContain(
      `batch: ${INPUTS.length} done, 0 failed, 0 pending`,
    );
    const stored = reportsByInput(dataDir);
    expect([...stored.keys()].sort()).toEqual([...INPUTS].sort());
    expect([...stored.values()].every((count) => count === 1)).toBe(true);
  }, 130_000);
});
