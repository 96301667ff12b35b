// The offline report for the bundled example, end to end: wall time and peak memory of the real CLI in
// a fresh process (as a user runs it), and time per stage from the library's progress events.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createHttpClient, createReport, type StageName } from "../../src/index.js";

const ROOT = resolve(import.meta.dirname, "../..");
const EXAMPLE = join(ROOT, "examples/china-ai/article.html");
const RUNS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** One CLI run in a new Node process; the child prints its own resource usage when done. */
function cliRun(dataDir: string): { wallMs: number; maxRssMb: number } {
  const script = `
    const { main } = await import(${JSON.stringify(join(ROOT, "dist/cli/main.js"))});
    const code = await main(${JSON.stringify(["report", EXAMPLE, "--quiet", "--out", join(dataDir, "report.md")])});
    process.stderr.write("\\nBENCH " + JSON.stringify({ code, maxRSS: process.resourceUsage().maxRSS }) + "\\n");`;
  const started = performance.now();
  const child = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
    env: { ...process.env, SHIRABE_DATA_DIR: dataDir },
    encoding: "utf8",
  });
  const wallMs = performance.now() - started;
  const line = child.stderr.split("\n").find((text) => text.startsWith("BENCH "));
  if (!line) throw new Error(`the CLI run failed:\n${child.stderr}`);
  const stats = JSON.parse(line.slice(6)) as { code: number; maxRSS: number };
  if (stats.code !== 0) throw new Error(`the CLI exited ${stats.code}:\n${child.stderr}`);
  return { wallMs, maxRssMb: stats.maxRSS / 1024 };
}

/** One in-process run, timing each stage between its start and done events. */
async function stageRun(): Promise<Record<string, number>> {
  const times: Record<string, number> = {};
  const started: Partial<Record<StageName, number>> = {};
  await createReport({
    input: EXAMPLE,
    deps: { http: createHttpClient({}) },
    onProgress: (event) => {
      if (event.type === "stage-start") started[event.stage] = performance.now();
      if (event.type === "stage-done") times[event.stage] = performance.now() - (started[event.stage] ?? 0);
    },
  });
  return times;
}

const build = spawnSync("npm", ["run", "build", "--silent"], { cwd: ROOT, stdio: "inherit" });
if (build.status !== 0) throw new Error("npm run build failed");

const dataDir = mkdtempSync(join(tmpdir(), "shirabe-bench-"));
const cli = Array.from({ length: RUNS }, () => cliRun(dataDir));
await stageRun(); // warm-up: module loading and JIT are in the CLI figures already
const stageRuns: Array<Record<string, number>> = [];
for (let run = 0; run < RUNS; run++) stageRuns.push(await stageRun());
const stages = Object.fromEntries(
  Object.keys(stageRuns[0] ?? {}).map((stage) => [
    stage,
    median(stageRuns.map((times) => times[stage] ?? 0)),
  ]),
);

const result = {
  benchmark: "offline report, bundled example, end to end",
  date: new Date().toISOString(),
  node: process.version,
  runs: RUNS,
  cli: {
    wallMsMedian: median(cli.map((run) => run.wallMs)),
    wallMsMax: Math.max(...cli.map((run) => run.wallMs)),
    peakRssMbMax: Math.max(...cli.map((run) => run.maxRssMb)),
  },
  stagesMsMedian: stages,
  targets: { wallMs: 2000, peakRssMb: 300 },
};
writeFileSync(join(ROOT, "bench/results/report.json"), `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify(result, null, 2));
