// Extraction benchmark: quality (the Zyte benchmark's shingle F1) and speed of Shirabe's extractor against
// Mozilla Readability on jsdom and on linkedom, plus the published peers' outputs on the same pages.
//
//   npx tsx bench/extraction/run.ts [--passes N]
//
// Speed: one warm-up pass, then N timed rounds over all pages in this process, each round running every
// extractor once; each extractor's median pass is reported. Peak memory: each extractor runs again alone
// in a child process (warm-up + one pass), which reports its own peak RSS and the largest heap seen
// between pages.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { extractArticle } from "../../src/stages/extract/index.js";
import type { DecodedPage } from "../../src/types.js";
import { evaluate, type Quality } from "./metric.js";
import { type BenchPage, loadPages, loadPeers } from "./pages.js";
import { readabilityJsdom, readabilityLinkedom } from "./readability.js";

const here = dirname(fileURLToPath(import.meta.url));
const RESULTS = join(here, "..", "results", "extraction.json");

/** Figures the dev set's README publishes; the metric must reproduce them. */
const PUBLISHED_F1: Record<string, number> = {
  rs_trafilatura: 0.969,
  go_trafilatura: 0.965,
  trafilatura: 0.963,
  readability_js: 0.95,
  newspaper: 0.95,
  go_readability: 0.936,
  goose3: 0.894,
};

const EXTRACTORS: Record<string, (page: DecodedPage) => string> = {
  shirabe: (page) => extractArticle(page).text,
  "readability-linkedom": readabilityLinkedom,
  "readability-jsdom": readabilityJsdom,
};

interface Memory {
  /** RSS once the pages are loaded, before the extractor runs: the floor the peak is measured from. */
  loadedRssMb: number;
  peakRssMb: number;
  peakHeapMb: number;
}

function runAll(name: string, pages: BenchPage[], onPage?: () => void): Record<string, string> {
  const extract = EXTRACTORS[name];
  if (!extract) throw new Error(`unknown extractor ${name}`);
  const out: Record<string, string> = {};
  for (const { id, page } of pages) {
    try {
      out[id] = extract(page);
    } catch {
      // A crash on a page is an empty extraction for the metric, as for the peers.
      out[id] = "";
    }
    onPage?.();
  }
  return out;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/** Child-process mode: measure one extractor's peak memory alone. */
function measureMemory(name: string): void {
  const pages = loadPages();
  const loadedRss = process.memoryUsage().rss;
  let peakHeap = 0;
  const sample = () => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  };
  runAll(name, pages, sample);
  runAll(name, pages, sample);
  const memory: Memory = {
    loadedRssMb: mb(loadedRss),
    peakRssMb: mb(process.resourceUsage().maxRSS * 1024),
    peakHeapMb: mb(peakHeap),
  };
  process.stdout.write(JSON.stringify(memory));
}

function memoryOf(name: string): Memory {
  const output = execFileSync(
    process.execPath,
    [...process.execArgv, fileURLToPath(import.meta.url), "--memory", name],
    {
      encoding: "utf8",
      maxBuffer: 1 << 20,
    },
  );
  return JSON.parse(output) as Memory;
}

function table(rows: string[][]): string {
  const widths =
    rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? "").length))) ?? [];
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join("  ")).join("\n");
}

function main(): void {
  const passesArgument = process.argv.indexOf("--passes");
  const passes = passesArgument > 0 ? Number(process.argv[passesArgument + 1]) : 5;
  const pages = loadPages();
  const truth = Object.fromEntries(pages.map((page) => [page.id, page.truth]));

  const peers = Object.entries(loadPeers()).map(([name, output]) => ({
    name,
    ...evaluate(truth, output),
    publishedF1: PUBLISHED_F1[name] ?? null,
  }));

  const names = Object.keys(EXTRACTORS);
  // Warm-up pass, whose output is also the one we score.
  const outputs = new Map(names.map((name) => [name, runAll(name, pages)]));
  // Passes are interleaved (every extractor once per round), so load from other processes on the
  // machine falls on all extractors alike instead of on whichever ran during a busy minute.
  const rates = new Map<string, number[]>(names.map((name) => [name, []]));
  for (let pass = 0; pass < passes; pass++) {
    for (const name of names) {
      const start = performance.now();
      runAll(name, pages);
      rates.get(name)?.push(pages.length / ((performance.now() - start) / 1000));
    }
  }
  const extractors = names.map((name) => {
    const quality: Quality = evaluate(truth, outputs.get(name) ?? {});
    const passRates = rates.get(name) ?? [];
    return { name, ...quality, pagesPerSecond: median(passRates), passRates, ...memoryOf(name) };
  });

  const baseline =
    extractors.find((extractor) => extractor.name === "readability-jsdom")?.pagesPerSecond ?? 0;
  const result = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? "",
    pages: pages.length,
    passes,
    extractors: extractors.map((extractor) => ({
      ...extractor,
      speedupVsReadabilityJsdom: baseline ? extractor.pagesPerSecond / baseline : null,
    })),
    peers,
  };
  mkdirSync(dirname(RESULTS), { recursive: true });
  writeFileSync(RESULTS, `${JSON.stringify(result, null, 2)}\n`);

  const f = (value: number) => value.toFixed(3);
  console.log(`Extraction: ${pages.length} pages, Node ${process.version}, median of ${passes} passes\n`);
  console.log(
    table([
      ["extractor", "P", "R", "F1", "pages/s", "×jsdom", "RSS loaded→peak MB", "peak heap MB"],
      ...result.extractors.map((e) => [
        e.name,
        f(e.precision),
        f(e.recall),
        f(e.f1),
        e.pagesPerSecond.toFixed(1),
        (e.speedupVsReadabilityJsdom ?? 0).toFixed(1),
        `${e.loadedRssMb}→${e.peakRssMb}`,
        String(e.peakHeapMb),
      ]),
    ]),
  );
  console.log("\nPeers (published outputs, same metric):\n");
  console.log(
    table([
      ["peer", "P", "R", "F1", "published F1"],
      ...peers
        .sort((a, b) => b.f1 - a.f1)
        .map((p) => [
          p.name,
          f(p.precision),
          f(p.recall),
          f(p.f1),
          p.publishedF1 === null ? "-" : f(p.publishedF1),
        ]),
    ]),
  );
  console.log(`\nWrote ${RESULTS}`);
}

const memoryArgument = process.argv.indexOf("--memory");
if (memoryArgument > 0) measureMemory(process.argv[memoryArgument + 1] ?? "");
else main();
