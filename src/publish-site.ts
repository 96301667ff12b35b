// `publish`: stored reports → a static briefing site in a folder. Renders each report with the HTML
// renderer, builds the site's files, and writes only those whose bytes changed.
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { ShirabeError } from "./errors.js";
import type { FeedStore } from "./ports/feeds.js";
import type { ReportStore } from "./ports/store.js";
import { atomFeed, buildSite, type PublishedReport, type SiteOptions } from "./stages/publish/index.js";
import { claimText, renderHtml } from "./stages/render/index.js";
import type { Report } from "./types.js";

export interface PublishOptions {
  out: string;
  reports: ReportStore;
  /** Gives each report its feeds (and lets --feed select by feed). */
  feeds?: FeedStore;
  /** Only reports written on or after this ISO time. */
  since?: string;
  /** Only reports from this feed (id or address). */
  feed?: string;
  title?: string;
  baseUrl?: string;
}

export interface PublishResult {
  reports: number;
  written: string[];
  unchanged: number;
}

export async function publishSite(options: PublishOptions): Promise<PublishResult> {
  const feedsByReport =
    options.feeds?.reportFeeds() ?? new Map<string, Array<{ id: string; title: string }>>();
  const feedFilter = options.feed ? (options.feeds?.getFeed(options.feed) ?? null) : null;
  if (options.feed && !feedFilter) {
    throw new ShirabeError(`--feed ${options.feed}: no such feed; see the feeds shirabe watch follows`, {
      code: "unknown-feed",
      kind: "usage",
      input: options.feed,
    });
  }
  const published: PublishedReport[] = [];
  for (const summary of options.reports.listReports()) {
    if (options.since && summary.createdAt < options.since) continue;
    const feeds = feedsByReport.get(summary.id) ?? [];
    if (feedFilter && !feeds.some((feed) => feed.id === feedFilter.id)) continue;
    const report = options.reports.getReport(summary.id);
    if (report) published.push(toPublished(report, feeds));
  }
  const files = buildSite(published, {
    title: options.title ?? "Shirabe briefing",
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
  });
  const written: string[] = [];
  let unchanged = 0;
  for (const [path, content] of files) {
    const target = join(options.out, path);
    const before = await readFile(target, "utf8").catch(() => null);
    if (before === content) {
      unchanged += 1;
      continue;
    }
    await writeAtomically(target, content);
    written.push(path);
  }
  return { reports: published.length, written, unchanged };
}

/** The Atom feed of the newest stored reports, as the site's atom.xml has it (the web app serves it). */
export function reportsAtom(
  reports: ReportStore,
  feeds: FeedStore | undefined,
  options: SiteOptions & { limit?: number },
): string {
  const feedsByReport = feeds?.reportFeeds() ?? new Map<string, Array<{ id: string; title: string }>>();
  const entries: Array<Omit<PublishedReport, "html">> = [];
  for (const summary of reports.listReports({ limit: options.limit ?? 50 })) {
    const report = reports.getReport(summary.id);
    if (report) entries.push(toEntry(report, feedsByReport.get(summary.id) ?? []));
  }
  entries.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
  return atomFeed(entries, options);
}

function toPublished(report: Report, feeds: Array<{ id: string; title: string }>): PublishedReport {
  return { ...toEntry(report, feeds), html: renderHtml(report) };
}

function toEntry(report: Report, feeds: Array<{ id: string; title: string }>): Omit<PublishedReport, "html"> {
  const claims = report.introduction.flatMap((paragraph) => paragraph.claims);
  const summary = claims
    .map((claim) => claimText(claim, report.lang))
    .join(" ")
    .slice(0, 280);
  return {
    id: report.id,
    title: report.title,
    lang: report.lang,
    createdAt: report.createdAt,
    originalUrl: report.original.url,
    summary,
    feeds,
  };
}

async function writeAtomically(path: string, content: string): Promise<void> {
  try {
    await mkdir(dirname(path), { recursive: true });
    const temporary = `${path}.${process.pid}.tmp`;
    await writeFile(temporary, content);
    await rename(temporary, path);
  } catch (error) {
    throw new ShirabeError(
      `${path}: cannot write the site there (${(error as Error).message}); choose another --out`,
      {
        code: "output-not-writable",
        kind: "input",
        input: path,
        cause: error,
      },
    );
  }
}
