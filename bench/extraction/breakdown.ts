// Quality by group: overall, per data set, per language and per half of our split, plus the share of
// pages where an extractor returned nothing although the truth holds prose.
import { aggregate, type Quality, scorePage } from "./metric.js";
import type { BenchPage } from "./pages.js";

export interface Row extends Quality {
  group: string;
  pages: number;
  /** Share of pages whose truth has at least EMPTY_TRUTH_CHARS characters but whose output is empty. */
  emptyShare: number;
}

/** A page whose truth is at least this long has prose: returning nothing on it is a failure. */
export const EMPTY_TRUTH_CHARS = 200;

export function rowOf(group: string, pages: BenchPage[], output: Record<string, string>): Row {
  const scores = pages.map((page) => scorePage(page.truth, output[page.id] ?? ""));
  const withProse = pages.filter((page) => page.truth.length >= EMPTY_TRUTH_CHARS);
  const empty = withProse.filter((page) => !(output[page.id] ?? "").trim()).length;
  return {
    group,
    pages: pages.length,
    ...aggregate(scores),
    emptyShare: withProse.length ? empty / withProse.length : 0,
  };
}

function groupBy(pages: BenchPage[], key: (page: BenchPage) => string): Map<string, BenchPage[]> {
  const groups = new Map<string, BenchPage[]>();
  for (const page of pages) {
    const name = key(page);
    const list = groups.get(name) ?? [];
    list.push(page);
    groups.set(name, list);
  }
  return new Map([...groups].sort((a, b) => b[1].length - a[1].length));
}

/** Rows: all, each half, then each data set and each language (languages with one page fold into "other"). */
export function breakdown(pages: BenchPage[], output: Record<string, string>): Row[] {
  const rows = [rowOf("all", pages, output)];
  for (const [half, list] of groupBy(pages, (page) => page.half))
    rows.push(rowOf(`half:${half}`, list, output));
  for (const [set, list] of groupBy(pages, (page) => page.dataset))
    rows.push(rowOf(`set:${set}`, list, output));
  const langs = groupBy(pages, (page) => page.lang || "?");
  const other: BenchPage[] = [];
  for (const [lang, list] of langs) {
    if (list.length < 5) other.push(...list);
    else rows.push(rowOf(`lang:${lang}`, list, output));
  }
  if (other.length) rows.push(rowOf("lang:other", other, output));
  return rows;
}
