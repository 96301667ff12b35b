// Runs generated hostile pages through the real CLI and checks what the user sees: a result, or one clear
// line naming the input — never an internal error (exit 70), a control character, or a page that keeps
// the CPU busy past the bound.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import { hasControlCharacters } from "../../src/text/control-characters.js";
import { type CliResult, collect, runCli, spawnCli } from "./cli.js";
import { type HostilePage, hostilePages } from "./hostile-pages.js";
import { fuzzSeed, seededRandom } from "./seeded-random.js";

/** CPU time one page may take through `extract` or `report` (the bound of issue 16), in ms. */
/** This run's seed (FUZZ_SEED replays one) and its pages, FUZZ_ROUNDS rounds of every category. */
export function fuzzPages(env: NodeJS.ProcessEnv = process.env): { seed: number; pages: HostilePage[] } {
  const seed = fuzzSeed(env);
  return { seed, pages: hostilePages(seededRandom(seed), Number(env.FUZZ_ROUNDS) || 1) };
}

export const PAGE_CPU_BUDGET_MS = 2_000;

/** Writes each page to `dir` and returns its path. */
export function writePages(dir: string, pages: HostilePage[]): Map<HostilePage, string> {
  const files = new Map<HostilePage, string>();
  for (const page of pages) {
    const file = join(dir, `${page.name.replace("/", "-")}${page.extension}`);
    writeFileSync(file, page.bytes);
    files.set(page, file);
  }
  return files;
}

/**
 * The CLI in-process, with the CPU time it used. CPU time, not wall time: the bound must hold on a
 * loaded machine too, where the wall clock says more about the neighbours than about Shirabe.
 */
export async function runMeasured(args: string[], env: Record<string, string> = {}) {
  const before = process.cpuUsage();
  const result = await runCli(args, env);
  const used = process.cpuUsage(before);
  return { ...result, cpuMs: (used.user + used.system) / 1000 };
}

/** The CLI as a child process, killed at `deadlineMs` (a hung page then fails instead of freezing). */
export async function runProcess(args: string[], deadlineMs: number, env: Record<string, string> = {}) {
  const child = spawnCli(args, env);
  const deadline = setTimeout(() => child.kill("SIGKILL"), deadlineMs);
  const result = await collect(child);
  clearTimeout(deadline);
  return { ...result, killed: child.signalCode === "SIGKILL" };
}

/** A result on stdout, or exactly one line on stderr that names the input; never exit 70. */
export function expectResultOrClearError(result: CliResult, input: string, what: string): void {
  const context = `${what} (exit ${result.code}): ${result.stderr.slice(0, 300)}`;
  expect(result.code, context).not.toBe(70);
  expect(hasControlCharacters(result.stdout), `${what}: control character on stdout`).toBe(false);
  expect(hasControlCharacters(result.stderr), `${what}: control character on stderr`).toBe(false);
  if (result.code === 0) {
    expect(result.stdout.trim().length, context).toBeGreaterThan(0);
    return;
  }
  expect([1, 3], context).toContain(result.code);
  const lines = result.stderr.trim().split("\n");
  expect(lines, context).toHaveLength(1);
  expect(lines[0], context).toMatch(/^shirabe: /);
  expect(lines[0], context).toContain(input);
}
