// Cited links on the labelled pages (bench/links/pages.ts): recall and precision of the links the
// report would follow (discover's citedLinks, no cap), with the extraction F1 on the same pages beside
// them so recall is never bought with boilerplate. Results: bench/results/links.json.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { decodePage } from "../../src/stages/decode/index.js";
import { citedLinks } from "../../src/stages/discover/index.js";
import { extractArticle } from "../../src/stages/extract/index.js";
import { evaluate } from "../extraction/metric.js";
import { type LabelledPage, labelledPages } from "./pages.js";

interface Counts {
  pages: number;
  truth: number;
  found: number;
  correct: number;
}

const empty = (): Counts => ({ pages: 0, truth: 0, found: 0, correct: 0 });
const ratio = (a: number, b: number) => (b === 0 ? 1 : Math.round((a / b) * 1000) / 1000);

function read(page: LabelledPage) {
  const body = new TextEncoder().encode(page.html);
  const decoded = decodePage({
    input: page.url,
    url: page.url,
    status: 200,
    headers: { "content-type": "text/html; charset=utf-8" },
    contentType: "text/html",
    body,
    fetchedAt: new Date(0).toISOString(),
    fromCache: false,
    redirects: [],
  });
  return extractArticle(decoded);
}

const pages = labelledPages();
const overall = empty();
const byLang: Record<string, Counts> = {};
const byTemplate: Record<string, Counts> = {};
const misses: Array<{ page: string; missed: string[]; extra: string[] }> = [];
const truthText: Record<string, string> = {};
const predictedText: Record<string, string> = {};
const started = performance.now();
for (const page of pages) {
  const article = read(page);
  const found = citedLinks(article, { maxLinks: Number.POSITIVE_INFINITY });
  const truth = new Set(page.cited);
  const correct = found.filter((url) => truth.has(url)).length;
  byLang[page.lang] ??= empty();
  byTemplate[page.template] ??= empty();
  for (const counts of [overall, byLang[page.lang], byTemplate[page.template]] as Counts[]) {
    counts.pages += 1;
    counts.truth += truth.size;
    counts.found += found.length;
    counts.correct += correct;
  }
  const missed = page.cited.filter((url) => !found.includes(url));
  const extra = found.filter((url) => !truth.has(url));
  if (missed.length > 0 || extra.length > 0) misses.push({ page: page.id, missed, extra });
  truthText[page.id] = page.body;
  predictedText[page.id] = article.text;
}
const elapsedMs = performance.now() - started;
const summarise = (counts: Counts) => ({
  pages: counts.pages,
  recall: ratio(counts.correct, counts.truth),
  precision: ratio(counts.correct, counts.found),
});
const extraction = evaluate(truthText, predictedText);
const result = {
  ...summarise(overall),
  cited: overall.truth,
  extractionF1: Math.round(extraction.f1 * 1000) / 1000,
  msPerPage: Math.round((elapsedMs / pages.length) * 100) / 100,
  byLang: Object.fromEntries(Object.entries(byLang).map(([lang, counts]) => [lang, summarise(counts)])),
  byTemplate: Object.fromEntries(
    Object.entries(byTemplate).map(([name, counts]) => [name, summarise(counts)]),
  ),
  misses,
};
writeFileSync(join(import.meta.dirname, "../results/links.json"), `${JSON.stringify(result, null, 2)}\n`);
console.log(
  `cited links on ${pages.length} pages: recall ${result.recall}, precision ${result.precision}; extraction F1 ${result.extractionF1}`,
);
for (const miss of misses)
  console.log(`  ${miss.page}: missed ${miss.missed.join(" ")} | extra ${miss.extra.join(" ")}`);
