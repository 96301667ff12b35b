import { spawn } from "node:child_process";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { openEmbeddedQueue } from "../../../src/adapters/queue/embedded-queue.js";
import { queueContract } from "../../support/queue-contract.js";
import { tempDir } from "../../support/temp.js";

queueContract("embedded", async () =>
  openEmbeddedQueue({ path: join(tempDir(), "shirabe.sqlite"), backoffMs: 5, pollMs: 20 }),
);

const HOLDER = resolve(import.meta.dirname, "../../support/queue-holder.ts");

describe("embedded queue after a crash", () => {
  it("runs again the job a SIGKILLed process was running, and never a job it finished", async () => {
    const path = join(tempDir(), "shirabe.sqlite");
    const queue = openEmbeddedQueue<{ input: string }, { by: string }>({ path, pollMs: 20 });
    const finished = await queue.enqueue({ input: "finished" });
    const interrupted = await queue.enqueue({ input: "interrupted" });
    // The child finishes "finished", then hangs inside "interrupted" until it is killed.
    const child = spawn(process.execPath, ["--import", "tsx", HOLDER, path], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    await new Promise<void>((done) => {
      child.stdout?.on("data", (chunk: Buffer) => {
        if (chunk.toString().includes("holding interrupted")) done();
      });
    });
    child.kill("SIGKILL");
    await new Promise((done) => child.on("close", done));
    expect((await queue.get(interrupted.id))?.state).toBe("active");

    const ran: string[] = [];
    const worker = queue.process(
      async (job) => {
        ran.push(job.data.input);
        return { by: "parent" };
      },
      { concurrency: 2 },
    );
    await worker.idle();
    await queue.close();
    expect(ran).toEqual(["interrupted"]);
    const reopened = openEmbeddedQueue<{ input: string }, { by: string }>({ path });
    expect((await reopened.get(finished.id))?.result).toEqual({ by: "child" });
    expect(await reopened.get(interrupted.id)).toMatchObject({
      state: "done",
      attempts: 2,
      result: { by: "parent" },
    });
    await reopened.close();
  });
});
