// Web server throughput: requests/second, latency percentiles and the server's CPU time per request for
// reading one stored report, listing 1,000, a search and a Markdown export, with `shirabe serve` in its
// own process and a bounded loop of concurrent keep-alive requests from this one, on loopback.
// `--against <folder>` instead measures an older source tree's server (a git worktree of an older commit)
// and this one in the same run, in alternating rounds (bench/server/paired.ts).
import { mkdtempSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Pool } from "undici";
import { CONNECTIONS, measure, REPORTS, ROOT, SCENARIOS, seedStore, startServer } from "./load.js";
import { runPaired } from "./paired.js";

const WARMUP_MS = 1000;
const DURATION_MS = 5000;

async function runPlain(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), "shirabe-bench-server-"));
  await seedStore(dataDir);
  const { url, child } = await startServer(dataDir);
  const pool = new Pool(url, { connections: CONNECTIONS, pipelining: 1 });
  try {
    const listed = await (await fetch(`${url}${SCENARIOS.list1000}`)).json();
    if (listed.reports.length !== REPORTS)
      throw new Error(`expected ${REPORTS} reports, listed ${listed.reports.length}`);
    const timing = { warmupMs: WARMUP_MS, durationMs: DURATION_MS };
    const scenarios: Record<string, unknown> = {};
    for (const [name, path] of Object.entries(SCENARIOS)) {
      scenarios[name] = await measure(pool, path, child.pid as number, timing);
    }
    const result = {
      benchmark: "web server on loopback: shirabe serve in its own process, keep-alive load from another",
      date: new Date().toISOString(),
      node: process.version,
      cpus: availableParallelism(),
      storedReports: REPORTS,
      connections: CONNECTIONS,
      durationMs: DURATION_MS,
      scenarios,
    };
    writeFileSync(join(ROOT, "bench/results/server.json"), `${JSON.stringify(result, null, 2)}\n`);
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await pool.close();
    child.kill("SIGTERM");
  }
}

const against = process.argv.indexOf("--against");
if (against >= 0) {
  const folder = process.argv[against + 1];
  if (!folder) throw new Error("--against needs the folder of an older source tree (a git worktree)");
  const rounds = Number(process.argv[process.argv.indexOf("--rounds") + 1] ?? 5);
  // --only readReport,list1000 measures those scenarios alone (written to the same result file).
  const only = process.argv.includes("--only")
    ? process.argv[process.argv.indexOf("--only") + 1]?.split(",")
    : undefined;
  await runPaired(resolve(folder), Number.isInteger(rounds) && rounds > 0 ? rounds : 5, only);
} else {
  await runPlain();
}
