// Prints the extraction benchmark's tables: speed and memory, Zyte quality with the published peers, and
// the wide set's rows (per data set, language and half) for Shirabe beside Readability on linkedom.
import type { BenchResult } from "./run.js";

function table(rows: string[][]): string {
  const widths =
    rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? "").length))) ?? [];
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join("  ")).join("\n");
}

const f = (value: number) => value.toFixed(3);
const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

export function printSummary(result: BenchResult): void {
  const { extractors } = result;
  const linkedom = extractors.find((e) => e.name === "readability-linkedom");
  const jsdom = extractors.find((e) => e.name === "readability-jsdom");
  console.log(
    `Extraction: ${result.pages.zyte} Zyte + ${result.pages.wide} wide pages, median of ${result.passes} passes\n`,
  );
  console.log(
    table([
      [
        "extractor",
        "pages/s (Zyte)",
        "×jsdom",
        "pages/s (all)",
        "×linkedom",
        "RSS loaded→peak MB",
        "peak heap MB",
      ],
      ...extractors.map((e) => [
        e.name,
        e.pagesPerSecondZyte.toFixed(1),
        jsdom ? (e.pagesPerSecondZyte / jsdom.pagesPerSecondZyte).toFixed(1) : "-",
        e.pagesPerSecondAll === null ? "-" : e.pagesPerSecondAll.toFixed(1),
        e.pagesPerSecondAll !== null && linkedom?.pagesPerSecondAll
          ? (e.pagesPerSecondAll / linkedom.pagesPerSecondAll).toFixed(1)
          : "-",
        `${e.loadedRssMb}→${e.peakRssMb}`,
        String(e.peakHeapMb),
      ]),
    ]),
  );
  console.log("\nZyte dev half (extractors run here; peers from their published outputs, same metric):\n");
  console.log(
    table([
      ["extractor", "P", "R", "F1", "published F1"],
      ...extractors.map((e) => [e.name, f(e.zyte.precision), f(e.zyte.recall), f(e.zyte.f1), "-"]),
      ...[...result.peers]
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
  const ours = extractors.find((e) => e.name === "shirabe")?.wide ?? [];
  const theirs = new Map((linkedom?.wide ?? []).map((row) => [row.group, row]));
  console.log("\nWide dev set (Shirabe | Readability on linkedom):\n");
  console.log(
    table([
      ["group", "pages", "P", "R", "F1", "no text", "| RL P", "RL R", "RL F1", "RL no text"],
      ...ours.map((row) => {
        const other = theirs.get(row.group);
        return [
          row.group,
          String(row.pages),
          f(row.precision),
          f(row.recall),
          f(row.f1),
          percent(row.emptyShare),
          `| ${other ? f(other.precision) : "-"}`,
          other ? f(other.recall) : "-",
          other ? f(other.f1) : "-",
          other ? percent(other.emptyShare) : "-",
        ];
      }),
    ]),
  );
  const slowest = [...result.hostile].sort((a, b) => b.ms - a.ms)[0];
  console.log(
    `\nHostile 2 MiB pages: slowest ${slowest?.ms ?? 0} ms (${slowest?.unit ?? "-"} repeated); ` +
      result.hostile.map((h) => `${h.unit} ${h.ms} ms`).join(", "),
  );
}
