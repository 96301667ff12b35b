// A real Redis for the tests: Debian's redis-server on a free loopback port with its data in a temp dir,
// append-only file on (fsync always), so a restart keeps every acknowledged write as production would.
// Tests skip with a clear message only when /usr/bin/redis-server is not installed (CI installs it).
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { tempDir } from "./temp.js";

export const REDIS_SERVER = "/usr/bin/redis-server";
export const HAS_REDIS = existsSync(REDIS_SERVER);
export const NO_REDIS_MESSAGE = `${REDIS_SERVER} is not installed (apt-get install redis-server): Redis tests skipped`;

export interface TestRedis {
  url: string;
  port: number;
  dir: string;
  /** Stops the server (SHUTDOWN-like: SIGTERM, the append-only file is flushed). */
  stop(): Promise<void>;
  /** Starts it again on the same port and data dir. */
  start(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startRedis(): Promise<TestRedis> {
  if (!HAS_REDIS) throw new Error(NO_REDIS_MESSAGE);
  const port = await freePort();
  const dir = tempDir("shirabe-redis-");
  let child: ChildProcess | null = null;

  const start = async () => {
    const process_ = spawn(
      REDIS_SERVER,
      [
        "--port",
        String(port),
        "--bind",
        "127.0.0.1",
        "--dir",
        dir,
        "--appendonly",
        "yes",
        "--appendfsync",
        "always",
        "--save",
        "",
        "--protected-mode",
        "yes",
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    child = process_;
    await new Promise<void>((resolve, reject) => {
      let output = "";
      const timer = setTimeout(() => reject(new Error(`redis-server did not start: ${output}`)), 10_000);
      process_.stdout?.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes("Ready to accept connections")) {
          clearTimeout(timer);
          resolve();
        }
      });
      process_.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`redis-server exited with ${code}: ${output}`));
      });
    });
  };

  const stop = async () => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once("exit", () => resolve());
      running.kill("SIGTERM");
    });
  };

  await start();
  return { url: `redis://127.0.0.1:${port}`, port, dir, stop, start };
}
