// Helpers for the distributed-queue tests: CLI child processes (workers, enqueuers) and the reports an
// enqueuer's store ends up with.
import type { ChildProcess } from "node:child_process";
import { join } from "node:path";
import { openStore } from "../../src/index.js";
import { type CliResult, collect, spawnCli, tempDir } from "./cli.js";

export interface CliChild {
  child: ChildProcess;
  /** stderr so far. */
  stderr(): string;
  /** Resolves when stderr has matched `pattern` `times` times. */
  waitFor(pattern: RegExp, times?: number): Promise<void>;
  finished: Promise<CliResult>;
}

export function startCli(args: string[], env: Record<string, string> = {}): CliChild {
  const child = spawnCli(args, env);
  let stderr = "";
  const waiters: Array<{ pattern: RegExp; times: number; resolve: () => void }> = [];
  const check = () => {
    for (const waiter of [...waiters]) {
      const flags = waiter.pattern.flags.includes("g") ? waiter.pattern.flags : `${waiter.pattern.flags}g`;
      const count = stderr.match(new RegExp(waiter.pattern.source, flags))?.length ?? 0;
      if (count >= waiter.times) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  };
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
    check();
  });
  const finished = collect(child).then((result) => ({ ...result, stderr }));
  return {
    child,
    stderr: () => stderr,
    waitFor: (pattern, times = 1) =>
      new Promise<void>((resolve, reject) => {
        waiters.push({ pattern, times, resolve });
        check();
        void finished.then(() => {
          if (waiters.some((waiter) => waiter.resolve === resolve)) {
            reject(new Error(`process ended before ${pattern} appeared ${times} times:\n${stderr}`));
          }
        });
      }),
    finished,
  };
}

/** A worker process on its own data dir. */
export function startWorker(
  queueUrl: string,
  extra: string[] = [],
  env: Record<string, string> = {},
): CliChild {
  return startCli(["worker", "--queue", queueUrl, "--allow-private-network", ...extra], {
    SHIRABE_DATA_DIR: tempDir(),
    ...env,
  });
}

/** How many stored reports each input has in the store of `dataDir`. */
export function reportsByInput(dataDir: string): Map<string, number> {
  const store = openStore({ path: join(dataDir, "shirabe.sqlite") });
  try {
    const counts = new Map<string, number>();
    for (const report of store.listReports()) {
      const input = store.getRun(report.id)?.input ?? report.originalUrl;
      counts.set(input, (counts.get(input) ?? 0) + 1);
    }
    return counts;
  } finally {
    store.close();
  }
}

/** Stops a process with `signal` and waits for it. */
export async function stop(process_: CliChild, signal: NodeJS.Signals = "SIGTERM"): Promise<CliResult> {
  if (process_.child.exitCode === null && process_.child.signalCode === null) process_.child.kill(signal);
  return process_.finished;
}
