// Runs the CLI the way users do: in-process through main() with captured streams, or as a real child
// process when a test needs signals or a TTY-less environment.
import { type ChildProcess, spawn } from "node:child_process";
import { resolve } from "node:path";
import { main } from "../../src/cli/main.js";
import { tempDir } from "./temp.js";

export { tempDir };

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const code = await main(args, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: { HOME: tempDir(), ...env },
  });
  return { code, stdout, stderr };
}

const CLI_ENTRY = resolve(import.meta.dirname, "cli-entry.ts");

/** Starts the CLI as a child process (node + tsx), for tests that kill it or read real exit codes. */
export function spawnCli(args: string[], env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", CLI_ENTRY, ...args], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

export function collect(child: ChildProcess): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((done) => child.on("close", (code) => done({ code: code ?? -1, stdout, stderr })));
}

/** Resolves with the URL a `shirabe serve` child printed; rejects if it exits first. */
export function servedUrl(child: ChildProcess): Promise<string> {
  return new Promise((done, fail) => {
    let seen = "";
    child.stderr?.on("data", (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /serving on (http:\/\/\S+?)\/ /.exec(seen);
      if (match) done(match[1] as string);
    });
    child.on("close", () => fail(new Error(`serve exited early: ${seen}`)));
  });
}
