// The paired comparison: an older source tree's server and this tree's, each on its own copy of one
// store (seeded by the older code, so the newer one migrates it as a user's upgrade would), measured in
// the same run in alternating rounds, old first in odd rounds and new first in even ones, so that load
// from other processes falls on both alike. Throughput swings with that load; the server's CPU time per
// request much less, so both are reported, as medians over the rounds.
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { Pool } from "undici";
import {
  CONNECTIONS,
  type Measurement,
  measure,
  REPORTS,
  ROOT,
  SCENARIOS,
  type ServerProcess,
  seedStore,
  startServer,
} from "./load.js";

const WARMUP_MS = 500;
const DURATION_MS = 3000;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

const commitOf = (folder: string) =>
  execFileSync("git", ["-C", folder, "rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();

function summarise(runs: Measurement[]) {
  return {
    requestsPerSecond: runs.map((run) => run.requestsPerSecond),
    medianRequestsPerSecond: Math.round(median(runs.map((run) => run.requestsPerSecond))),
    serverCpuMicrosPerRequest: runs.map((run) => run.serverCpuMicrosPerRequest),
    medianServerCpuMicrosPerRequest: Math.round(median(runs.map((run) => run.serverCpuMicrosPerRequest))),
    medianP95Ms: median(runs.map((run) => run.latencyMs.p95)),
    responseBytes: runs.at(-1)?.responseBytes ?? 0,
    errors: runs.reduce((sum, run) => sum + run.errors, 0),
  };
}

export async function runPaired(oldRoot: string, rounds: number, only?: string[]): Promise<void> {
  const seed = mkdtempSync(join(tmpdir(), "shirabe-bench-server-seed-"));
  await seedStore(seed, oldRoot);
  const copy = (name: string) => {
    const dir = mkdtempSync(join(tmpdir(), `shirabe-bench-server-${name}-`));
    cpSync(seed, dir, { recursive: true });
    return dir;
  };
  const servers: Record<"old" | "new", ServerProcess> = {
    old: await startServer(copy("old"), oldRoot),
    new: await startServer(copy("new"), ROOT),
  };
  const pools = {
    old: new Pool(servers.old.url, { connections: CONNECTIONS, pipelining: 1 }),
    new: new Pool(servers.new.url, { connections: CONNECTIONS, pipelining: 1 }),
  };
  const loadBefore = loadavg()[0];
  try {
    const scenarios: Record<string, unknown> = {};
    for (const [name, path] of Object.entries(SCENARIOS)) {
      if (only && !only.includes(name)) continue;
      const runs: Record<"old" | "new", Measurement[]> = { old: [], new: [] };
      for (let round = 0; round < rounds; round++) {
        const order = round % 2 === 0 ? (["old", "new"] as const) : (["new", "old"] as const);
        for (const side of order) {
          const pid = servers[side].child.pid as number;
          runs[side].push(
            await measure(pools[side], path, pid, { warmupMs: WARMUP_MS, durationMs: DURATION_MS }),
          );
        }
      }
      const old = summarise(runs.old);
      const now = summarise(runs.new);
      scenarios[name] = {
        path,
        old,
        new: now,
        requestsPerSecondRatio:
          Math.round((now.medianRequestsPerSecond / old.medianRequestsPerSecond) * 100) / 100,
        cpuEfficiencyRatio:
          Math.round((old.medianServerCpuMicrosPerRequest / now.medianServerCpuMicrosPerRequest) * 100) / 100,
      };
      console.error(name, JSON.stringify(scenarios[name]));
    }
    const result = {
      benchmark: "web server, paired: an older commit's server and this one, same run, alternating rounds",
      date: new Date().toISOString(),
      node: process.version,
      cpus: availableParallelism(),
      loadAverage: { before: loadBefore, after: loadavg()[0] },
      old: commitOf(oldRoot),
      new: commitOf(ROOT),
      storedReports: REPORTS,
      connections: CONNECTIONS,
      rounds,
      durationMsPerRound: DURATION_MS,
      scenarios,
    };
    writeFileSync(join(ROOT, "bench/results/server-paired.json"), `${JSON.stringify(result, null, 2)}\n`);
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await pools.old.close();
    await pools.new.close();
    servers.old.child.kill("SIGTERM");
    servers.new.child.kill("SIGTERM");
  }
}
