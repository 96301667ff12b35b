// Runs a snippet of module code in a child process killed at a deadline: for tests of input that once
// made synchronous code run for minutes, where an in-process hang would freeze the test runner itself.
import { spawn } from "node:child_process";

export const HANG_DEADLINE_MS = 20_000;

/** The snippet's exit code (null when killed at the deadline) and what it printed. */
export async function runWithDeadline(code: string): Promise<{ exitCode: number | null; output: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", code]);
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const deadline = setTimeout(() => child.kill("SIGKILL"), HANG_DEADLINE_MS);
  const exitCode = await new Promise<number | null>((done) => child.on("close", done));
  clearTimeout(deadline);
  return { exitCode, output: output.trim() };
}
