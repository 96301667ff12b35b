// Tuning loop: Shirabe alone over both dev sets, F1 per data set on each half of our split, next to
// Readability-on-linkedom (cached after its first run) and to a saved earlier run of ours.
//
//   npx tsx bench/extraction/tune.ts [--save name] [--against name] [--dump dir]
//
// --save keeps this run's outputs under $TMPDIR/shirabe-tune/<name>.json; --against compares with one
// (default: the previous run). The deltas it prints are what bench/README.md records per kept change.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { extractArticle } from "../../src/stages/extract/index.js";
import { breakdown, type Row } from "./breakdown.js";
import { type BenchPage, loadPages, loadWidePages } from "./pages.js";
import { readabilityLinkedom } from "./readability.js";

const DIR = join(tmpdir(), "shirabe-tune");
mkdirSync(DIR, { recursive: true });
const argument = (name: string) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
};

function outputs(pages: BenchPage[], extract: (page: BenchPage) => string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const page of pages) {
    try {
      out[page.id] = extract(page);
    } catch {
      out[page.id] = "";
    }
  }
  return out;
}

function cached(name: string, make: () => Record<string, string>): Record<string, string> {
  const path = join(DIR, `${name}.json`);
  if (existsSync(path)) return JSON.parse(readFileSync(path, "utf8"));
  const out = make();
  writeFileSync(path, JSON.stringify(out));
  return out;
}

const zyte = loadPages();
const wide = loadWidePages();
const all = [...zyte, ...wide];
const start = performance.now();
const ours = outputs(all, (page) => extractArticle(page.page).text);
const seconds = (performance.now() - start) / 1000;
const readability = cached("readability-linkedom", () =>
  outputs(all, (page) => readabilityLinkedom(page.page)),
);
const previousPath = join(DIR, `${argument("--against") ?? "last"}.json`);
const previous: Record<string, string> | null = existsSync(previousPath)
  ? JSON.parse(readFileSync(previousPath, "utf8"))
  : null;
writeFileSync(join(DIR, "last.json"), JSON.stringify(ours));
const save = argument("--save");
if (save) writeFileSync(join(DIR, `${save}.json`), JSON.stringify(ours));

const dump = argument("--dump");
if (dump) {
  mkdirSync(dump, { recursive: true });
  for (const page of all) writeFileSync(join(dump, `${page.id}.txt`), ours[page.id] ?? "");
}

const f = (value: number) => value.toFixed(3);
const signed = (value: number) => `${value >= 0 ? "+" : ""}${value.toFixed(3)}`;
function print(title: string, pages: BenchPage[]): void {
  const byGroup = (rows: Row[]) => new Map(rows.map((row) => [row.group, row]));
  const mine = breakdown(pages, ours);
  const theirs = byGroup(breakdown(pages, readability));
  const before = previous ? byGroup(breakdown(pages, previous)) : null;
  const tune = (set: Row[]) => byGroup(set);
  const halves = (half: "tune" | "check") => pages.filter((page) => page.half === half);
  const mineTune = tune(breakdown(halves("tune"), ours));
  const mineCheck = tune(breakdown(halves("check"), ours));
  const beforeTune = previous ? tune(breakdown(halves("tune"), previous)) : null;
  const beforeCheck = previous ? tune(breakdown(halves("check"), previous)) : null;
  console.log(`\n${title}`);
  console.log("group                       pages  F1     RL-F1  Δprev   tune   Δtune  check  Δcheck empty");
  for (const row of mine) {
    if (row.group.startsWith("half:")) continue;
    const rl = theirs.get(row.group)?.f1 ?? 0;
    const delta = (map: Map<string, Row> | null, now: Map<string, Row>) =>
      map ? signed((now.get(row.group)?.f1 ?? 0) - (map.get(row.group)?.f1 ?? 0)) : "   -  ";
    console.log(
      [
        row.group.padEnd(27),
        String(row.pages).padStart(5),
        f(row.f1),
        f(rl),
        before ? signed(row.f1 - (before.get(row.group)?.f1 ?? 0)) : "   -  ",
        f(mineTune.get(row.group)?.f1 ?? 0),
        delta(beforeTune, mineTune),
        f(mineCheck.get(row.group)?.f1 ?? 0),
        delta(beforeCheck, mineCheck),
        `${(row.emptyShare * 100).toFixed(1)}%`,
      ].join("  "),
    );
  }
}
print("Zyte dev (91)", zyte);
print(`Wide dev (${wide.length})`, wide);
console.log(`\nShirabe: ${(all.length / seconds).toFixed(0)} pages/s (cold, one pass)`);
