// Extraction benchmark: quality (the Zyte benchmark's shingle F1) and speed of Shirabe's extractor against
// Mozilla Readability on linkedom, on the Zyte dev half (91 pages, with the published peers' outputs and
// Readability on jsdom as the reference speed) and on the wide dev set (2,522 pages, eleven data sets:
// rows per data set, per language and per half of our tune/check split).
//
//   npx tsx bench/extraction/run.ts [--passes N]
//
// Speed: one warm-up pass (also the scored one), then N timed rounds over all pages in this process, each
// round running every extractor once; each extractor's median pass is reported. Readability on jsdom
// runs on the Zyte pages only (it would take an hour a pass on the wide set). Peak memory: each extractor
// runs again alone in a child process, which reports its own peak RSS and the largest heap seen between
// pages. Hostile pages: the slowest of the worst-case 2 MiB pages (hostile.ts).
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { extractArticle } from "../../src/stages/extract/index.js";
import type { DecodedPage } from "../../src/types.js";
import { breakdown, rowOf } from "./breakdown.js";
import { timeHostilePages } from "./hostile.js";
import { evaluate } from "./metric.js";
import { type BenchPage, loadPages, loadPeers, loadWidePages } from "./pages.js";
import { readabilityJsdom, readabilityLinkedom } from "./readability.js";
import { printSummary } from "./report.js";

const here = dirname(fileURLToPath(import.meta.url));
const RESULTS = join(here, "..", "results", "extraction.json");

/** Figures the Zyte dev set's README publishes; the metric must reproduce them. */
const PUBLISHED_F1: Record<string, number> = {
  rs_trafilatura: 0.969,
  go_trafilatura: 0.965,
  trafilatura: 0.963,
  readability_js: 0.95,
  newspaper: 0.95,
  go_readability: 0.936,
  goose3: 0.894,
};

interface Extractor {
  run: (page: DecodedPage) => string;
  /** Runs on the wide set too (jsdom is too slow for it). */
  wide: boolean;
}

const EXTRACTORS: Record<string, Extractor> = {
  shirabe: { run: (page) => extractArticle(page).text, wide: true },
  "readability-linkedom": { run: readabilityLinkedom, wide: true },
  "readability-jsdom": { run: readabilityJsdom, wide: false },
};

interface Memory {
  /** RSS once the pages are loaded, before the extractor runs: the floor the peak is measured from. */
  loadedRssMb: number;
  peakRssMb: number;
  peakHeapMb: number;
}

function pagesFor(name: string, zyte: BenchPage[], wide: BenchPage[]): BenchPage[] {
  return EXTRACTORS[name]?.wide ? [...zyte, ...wide] : zyte;
}

function runAll(name: string, pages: BenchPage[], onPage?: () => void): Record<string, string> {
  const extractor = EXTRACTORS[name];
  if (!extractor) throw new Error(`unknown extractor ${name}`);
  const out: Record<string, string> = {};
  for (const { id, page } of pages) {
    try {
      out[id] = extractor.run(page);
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

/** Child-process mode: measure one extractor's peak memory alone, over the pages it is timed on. */
function measureMemory(name: string): void {
  const pages = pagesFor(name, loadPages(), loadWidePages());
  const loadedRss = process.memoryUsage().rss;
  let peakHeap = 0;
  runAll(name, pages, () => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  });
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
    { encoding: "utf8", maxBuffer: 1 << 20 },
  );
  return JSON.parse(output) as Memory;
}

function main(): void {
  const passesArgument = process.argv.indexOf("--passes");
  const passes = passesArgument > 0 ? Number(process.argv[passesArgument + 1]) : 3;
  const zyte = loadPages();
  const wide = loadWidePages();
  const zyteTruth = Object.fromEntries(zyte.map((page) => [page.id, page.truth]));

  const peers = Object.entries(loadPeers()).map(([name, output]) => ({
    name,
    ...evaluate(zyteTruth, output),
    publishedF1: PUBLISHED_F1[name] ?? null,
  }));

  const names = Object.keys(EXTRACTORS);
  // Warm-up pass, whose output is also the one we score.
  const outputs = new Map(names.map((name) => [name, runAll(name, pagesFor(name, zyte, wide))]));
  // Passes are interleaved (every extractor once per round), so load from other processes on the
  // machine falls on all extractors alike instead of on whichever ran during a busy minute. Rates are
  // taken on the Zyte pages for every extractor, and on both sets for those that run on the wide one.
  const rates = new Map<string, { zyte: number[]; all: number[] }>(
    names.map((n) => [n, { zyte: [], all: [] }]),
  );
  for (let pass = 0; pass < passes; pass++) {
    for (const name of names) {
      const pages = pagesFor(name, zyte, wide);
      const start = performance.now();
      runAll(name, zyte);
      const zyteSeconds = (performance.now() - start) / 1000;
      rates.get(name)?.zyte.push(zyte.length / zyteSeconds);
      if (pages.length > zyte.length) {
        runAll(name, wide);
        rates.get(name)?.all.push(pages.length / ((performance.now() - start) / 1000));
      }
    }
  }
  const extractors = names.map((name) => {
    const output = outputs.get(name) ?? {};
    const rate = rates.get(name) ?? { zyte: [], all: [] };
    return {
      name,
      zyte: rowOf("zyte", zyte, output),
      wide: EXTRACTORS[name]?.wide ? breakdown(wide, output) : null,
      pagesPerSecondZyte: median(rate.zyte),
      pagesPerSecondAll: rate.all.length ? median(rate.all) : null,
      ...memoryOf(name),
    };
  });
  const hostile = timeHostilePages();

  const result = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? "",
    pages: { zyte: zyte.length, wide: wide.length },
    passes,
    extractors,
    peers,
    hostile,
  };
  mkdirSync(dirname(RESULTS), { recursive: true });
  writeFileSync(RESULTS, `${JSON.stringify(result, null, 2)}\n`);
  printSummary(result);
  console.log(`\nWrote ${RESULTS}`);
}

export type BenchResult = {
  pages: { zyte: number; wide: number };
  passes: number;
  extractors: {
    name: string;
    zyte: ReturnType<typeof rowOf>;
    wide: ReturnType<typeof breakdown> | null;
    pagesPerSecondZyte: number;
    pagesPerSecondAll: number | null;
    loadedRssMb: number;
    peakRssMb: number;
    peakHeapMb: number;
  }[];
  peers: { name: string; precision: number; recall: number; f1: number; publishedF1: number | null }[];
  hostile: ReturnType<typeof timeHostilePages>;
};

const memoryArgument = process.argv.indexOf("--memory");
if (memoryArgument > 0) measureMemory(process.argv[memoryArgument + 1] ?? "");
else main();
