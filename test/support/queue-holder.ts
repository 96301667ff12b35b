// A worker process for the crash test: finishes the job "finished", then holds "interrupted" forever
// (until the test kills it), printing when it does.
import { openEmbeddedQueue } from "../../src/adapters/queue/embedded-queue.js";

const queue = openEmbeddedQueue<{ input: string }, { by: string }>({
  path: process.argv[2] ?? "",
  pollMs: 20,
});
queue.process(
  async (job) => {
    if (job.data.input === "finished") return { by: "child" };
    process.stdout.write(`holding ${job.data.input}\n`);
    return new Promise(() => {});
  },
  { concurrency: 1 },
);
