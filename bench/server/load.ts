// What the web server benchmarks share: a store seeded with 1,000 reports, `shirabe serve` started from
// a source tree in its own process, a bounded loop of keep-alive requests, and the server's CPU time.
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Pool } from "undici";

export const ROOT = resolve(import.meta.dirname, "../..");
export const REPORTS = 1000;
export const CONNECTIONS = 16;
export const LAST_ID = `00000000-0000-4000-8000-${String(REPORTS - 1).padStart(12, "0")}`;

/** The requests every run measures, by the name bench/results/server.json gives them. */
export const SCENARIOS = {
  readReport: `/api/reports/${LAST_ID}`,
  list1000: `/api/reports?limit=${REPORTS}`,
  search: `/api/reports?q=${encodeURIComponent("#999")}`,
  exportMarkdown: `/api/reports/${LAST_ID}/export?format=md`,
} as const;

/** The two library calls seeding needs, from whichever source tree (this one or an older commit's). */
interface SeedingLibrary {
  openStore(options: { path: string }): { saveRun(run: never): void; close(): void };
  createReport(options: { input: string; deps: { http: unknown } }): Promise<{
    report: { createdAt: string; title: string };
    run: object;
  }>;
  createHttpClient(options: object): unknown;
}

/** A store with 1,000 reports: the bundled example's real report under 1,000 ids and titles. */
export async function seedStore(dataDir: string, sourceRoot = ROOT): Promise<void> {
  const library = (await import(join(sourceRoot, "src/index.ts"))) as SeedingLibrary;
  const store = library.openStore({ path: join(dataDir, "shirabe.sqlite") });
  const { report, run } = await library.createReport({
    input: join(sourceRoot, "examples/china-ai/article.html"),
    deps: { http: library.createHttpClient({}) },
  });
  const base = Date.parse(report.createdAt);
  for (let index = 0; index < REPORTS; index++) {
    const id = `00000000-0000-4000-8000-${String(index).padStart(12, "0")}`;
    const copy = {
      ...report,
      id,
      title: `${report.title} #${index}`,
      createdAt: new Date(base + index * 1000).toISOString(),
    };
    store.saveRun({ ...run, id, report: copy } as never);
  }
  store.close();
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
}

/** `shirabe serve` from `sourceRoot`'s bench/server/serve.ts, on a free loopback port. */
export function startServer(
  dataDir: string,
  sourceRoot = ROOT,
  nodeArgs: string[] = [],
): Promise<ServerProcess> {
  const serve = join(sourceRoot, "bench/server/serve.ts");
  const child = spawn(process.execPath, [...nodeArgs, "--import", "tsx", serve, dataDir], {
    cwd: sourceRoot,
    stdio: ["ignore", "ignore", "pipe"],
  });
  return new Promise((done, fail) => {
    let seen = "";
    child.stderr?.on("data", (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /serving on (http:\/\/\S+?)\/ /.exec(seen);
      if (match) done({ url: match[1] as string, child });
    });
    child.on("exit", (code) => fail(new Error(`shirabe serve exited ${code}: ${seen}`)));
  });
}

/** User plus system CPU time of a process so far, in microseconds (Linux /proc). */
export function cpuMicros(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // Fields after the command name (which may hold spaces) start at utime = field 14.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1_000_000) / 100;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

export interface Measurement {
  path: string;
  requests: number;
  errors: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  responseBytes: number;
  /** The server process's CPU time (user + system) per request while measuring. */
  serverCpuMicrosPerRequest: number;
}

/** CONNECTIONS loops, each sending its next request when the last one is fully read. */
export async function measure(
  pool: Pool,
  path: string,
  serverPid: number,
  timing: { warmupMs: number; durationMs: number },
): Promise<Measurement> {
  const latencies: number[] = [];
  let errors = 0;
  let responseBytes = 0;
  const loop = async (until: number, record: boolean) => {
    while (performance.now() < until) {
      const started = performance.now();
      const response = await pool.request({ method: "GET", path });
      const body = await response.body.arrayBuffer();
      if (!record) continue;
      latencies.push(performance.now() - started);
      responseBytes = body.byteLength;
      if (response.statusCode !== 200) errors += 1;
    }
  };
  const warm = performance.now() + timing.warmupMs;
  await Promise.all(Array.from({ length: CONNECTIONS }, () => loop(warm, false)));
  const cpuBefore = cpuMicros(serverPid);
  const started = performance.now();
  await Promise.all(Array.from({ length: CONNECTIONS }, () => loop(started + timing.durationMs, true)));
  const elapsed = performance.now() - started;
  const cpu = cpuMicros(serverPid) - cpuBefore;
  const sorted = [...latencies].sort((a, b) => a - b);
  const round = (value: number) => Math.round(value * 100) / 100;
  return {
    path,
    requests: latencies.length,
    errors,
    requestsPerSecond: Math.round(latencies.length / (elapsed / 1000)),
    latencyMs: {
      p50: round(percentile(sorted, 50)),
      p95: round(percentile(sorted, 95)),
      p99: round(percentile(sorted, 99)),
      max: round(sorted.at(-1) ?? Number.NaN),
    },
    responseBytes,
    serverCpuMicrosPerRequest: Math.round(cpu / Math.max(1, latencies.length)),
  };
}
