// Web server throughput: requests/second and latency percentiles for reading one stored report and for
// listing 1,000 reports, with `shirabe serve` in its own process and a bounded loop of concurrent
// keep-alive requests from this one, on loopback.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Pool } from "undici";
import { createHttpClient, createReport, openStore } from "../../src/index.js";

const ROOT = resolve(import.meta.dirname, "../..");
const EXAMPLE = join(ROOT, "examples/china-ai/article.html");
const REPORTS = 1000;
const CONNECTIONS = 16;
const WARMUP_MS = 1000;
const DURATION_MS = 5000;

/** A store with 1,000 reports: the bundled example's real report under 1,000 ids and titles. */
async function seedStore(dataDir: string): Promise<string> {
  const store = openStore({ path: join(dataDir, "shirabe.sqlite") });
  const { report, run } = await createReport({ input: EXAMPLE, deps: { http: createHttpClient({}) } });
  const base = Date.parse(report.createdAt);
  for (let index = 0; index < REPORTS; index++) {
    const id = `00000000-0000-4000-8000-${String(index).padStart(12, "0")}`;
    const copy = {
      ...report,
      id,
      title: `${report.title} #${index}`,
      createdAt: new Date(base + index * 1000).toISOString(),
    };
    store.saveRun({ ...run, id, report: copy });
  }
  store.close();
  return `00000000-0000-4000-8000-${String(REPORTS - 1).padStart(12, "0")}`;
}

function startServer(dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ["--import", "tsx", join(import.meta.dirname, "serve.ts"), dataDir], {
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

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

interface Measurement {
  path: string;
  requests: number;
  errors: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  responseBytes: number;
}

/** CONNECTIONS workers, each sending its next request when the last one is fully read. */
async function measure(pool: Pool, path: string): Promise<Measurement> {
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
  const warm = performance.now() + WARMUP_MS;
  await Promise.all(Array.from({ length: CONNECTIONS }, () => loop(warm, false)));
  const started = performance.now();
  await Promise.all(Array.from({ length: CONNECTIONS }, () => loop(started + DURATION_MS, true)));
  const elapsed = performance.now() - started;
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
  };
}

const dataDir = mkdtempSync(join(tmpdir(), "shirabe-bench-server-"));
const reportId = await seedStore(dataDir);
const { url, child } = await startServer(dataDir);
const pool = new Pool(url, { connections: CONNECTIONS, pipelining: 1 });
try {
  const listed = await (await fetch(`${url}/api/reports?limit=${REPORTS}`)).json();
  if (listed.reports.length !== REPORTS)
    throw new Error(`expected ${REPORTS} reports, listed ${listed.reports.length}`);
  const scenarios = {
    readReport: await measure(pool, `/api/reports/${reportId}`),
    list1000: await measure(pool, `/api/reports?limit=${REPORTS}`),
    search: await measure(pool, `/api/reports?q=${encodeURIComponent("#999")}`),
    exportMarkdown: await measure(pool, `/api/reports/${reportId}/export?format=md`),
  };
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
