// Stored reports → the files of a static briefing site: an index by date, one page per report (its HTML
// render with a working citation popover), a page per feed and per language, and an Atom feed. Every
// link is relative, so the folder can be served from anywhere or opened from disk. No page carries the
// time it was built, so republishing the same reports produces the same bytes.
import { createRequire } from "node:module";
import { escapeHtml } from "../../text/html-escape.js";
import { POPOVER_SCRIPT, POPOVER_STYLE } from "./popover-script.js";

// feedsmith takes about 0.1 s of CPU to load; loaded on first use so commands that read no feed skip it.
const feedsmith = () => createRequire(import.meta.url)("feedsmith") as typeof import("feedsmith");

export interface PublishedReport {
  id: string;
  title: string;
  lang: string;
  createdAt: string;
  originalUrl: string;
  /** The report's standalone HTML page (the render stage's). */
  html: string;
  /** A few sentences for listings and the Atom summary. */
  summary: string;
  /** The feeds the report's article came from. */
  feeds: Array<{ id: string; title: string }>;
}

export interface SiteOptions {
  title: string;
  /** The site's absolute address, when known; the Atom feed's ids and links use it. */
  baseUrl?: string;
  /** Where a report's page is, relative to baseUrl (default: the site's reports/<id>.html). */
  reportPath?: (id: string) => string;
  /** The Atom feed's and the home page's paths, relative to baseUrl (default: atom.xml, index.html). */
  atomPath?: string;
  homePath?: string;
}

const STYLE = `body { font-family: system-ui, "Hiragino Sans", "Noto Sans CJK JP", sans-serif; line-height: 1.7;
  max-width: 46rem; margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; }
h2 { margin-top: 2rem; border-bottom: 1px solid #ddd; } ul.reports { list-style: none; padding: 0; }
ul.reports li { margin: 0.8rem 0; } .meta { color: #555; font-size: 0.85rem; } nav a { margin-right: 1rem; }`;

/** A file name that is safe on every file system and in a URL. */
const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "-")
    .slice(0, 60) || "x";

export function buildSite(reports: PublishedReport[], options: SiteOptions): Map<string, string> {
  const sorted = [...reports].sort((a, b) =>
    a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0,
  );
  const files = new Map<string, string>();
  for (const report of sorted) files.set(`reports/${slug(report.id)}.html`, reportPage(report));

  const feeds = new Map<string, { title: string; reports: PublishedReport[] }>();
  const langs = new Map<string, PublishedReport[]>();
  for (const report of sorted) {
    for (const feed of report.feeds) {
      const entry = feeds.get(feed.id) ?? { title: feed.title, reports: [] };
      entry.reports.push(report);
      feeds.set(feed.id, entry);
    }
    langs.set(report.lang, [...(langs.get(report.lang) ?? []), report]);
  }
  const nav = [
    `<a href="{root}index.html">${escapeHtml(options.title)}</a>`,
    ...[...feeds.entries()].map(
      ([id, feed]) => `<a href="{root}feeds/${slug(id)}.html">${escapeHtml(feed.title)}</a>`,
    ),
    ...[...langs.keys()].map((lang) => `<a href="{root}langs/${slug(lang)}.html">${escapeHtml(lang)}</a>`),
    `<a href="{root}atom.xml">Atom</a>`,
  ].join(" ");
  files.set("index.html", listingPage(options.title, sorted, nav, ""));
  for (const [id, feed] of feeds) {
    files.set(
      `feeds/${slug(id)}.html`,
      listingPage(`${options.title}: ${feed.title}`, feed.reports, nav, "../"),
    );
  }
  for (const [lang, list] of langs) {
    files.set(`langs/${slug(lang)}.html`, listingPage(`${options.title}: ${lang}`, list, nav, "../"));
  }
  files.set("atom.xml", atomFeed(sorted, options));
  return files;
}

/** The report's own page with a way back to the index and the popover script. */
function reportPage(report: PublishedReport): string {
  const back = `<nav class="site-nav"><a href="../index.html">← index</a></nav>`;
  return report.html
    .replace("</head>", `<style>${POPOVER_STYLE}</style>\n</head>`)
    .replace("<main>", `<main>\n${back}`)
    .replace("</body>", `<script>${POPOVER_SCRIPT}</script>\n</body>`);
}

/** Reports grouped by the day they were written, newest first. */
function listingPage(title: string, reports: PublishedReport[], nav: string, root: string): string {
  const days = new Map<string, PublishedReport[]>();
  for (const report of reports) {
    const day = report.createdAt.slice(0, 10);
    days.set(day, [...(days.get(day) ?? []), report]);
  }
  const body = [...days.entries()].map(([day, list]) => {
    const items = list.map(
      (report) =>
        `<li lang="${escapeHtml(report.lang)}"><a href="${root}reports/${slug(report.id)}.html">${escapeHtml(report.title)}</a>` +
        `<div class="meta">${escapeHtml(report.createdAt.slice(11, 16))} UTC · ${escapeHtml(hostOf(report.originalUrl))}</div>` +
        `<div>${escapeHtml(report.summary)}</div></li>`,
    );
    return `<h2>${day}</h2>\n<ul class="reports">\n${items.join("\n")}\n</ul>`;
  });
  return [
    "<!doctype html>",
    '<html lang="ja">',
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<link rel="alternate" type="application/atom+xml" href="${root}atom.xml">`,
    `<style>${STYLE}</style></head>`,
    `<body><nav>${nav.replaceAll("{root}", root)}</nav>`,
    `<h1>${escapeHtml(title)}</h1>`,
    body.length > 0 ? body.join("\n") : "<p>No reports yet.</p>",
    "</body></html>",
    "",
  ].join("\n");
}

function hostOf(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}

/** The Atom feed of the reports (newest first): the site's atom.xml, and the web app's feed of its reports. */
export function atomFeed(reports: Array<Omit<PublishedReport, "html">>, options: SiteOptions): string {
  const atomPath = options.atomPath ?? "atom.xml";
  const reportPath = options.reportPath ?? ((id: string) => `reports/${slug(id)}.html`);
  const base = options.baseUrl ? options.baseUrl.replace(/\/?$/, "/") : "";
  const updated = new Date(reports[0]?.createdAt ?? "2000-01-01T00:00:00Z");
  return feedsmith().generateAtomFeed({
    id: base ? `${base}${atomPath}` : `urn:shirabe:site:${slug(options.title)}`,
    title: { value: options.title },
    updated,
    links: [
      { href: `${base}${options.homePath ?? "index.html"}`, rel: "alternate", type: "text/html" },
      { href: `${base}${atomPath}`, rel: "self", type: "application/atom+xml" },
    ],
    entries: reports.map((report) => ({
      id: `urn:shirabe:report:${report.id}`,
      title: { value: report.title },
      updated: new Date(report.createdAt),
      published: new Date(report.createdAt),
      links: [
        { href: `${base}${reportPath(report.id)}`, rel: "alternate", type: "text/html" },
        { href: report.originalUrl, rel: "related" },
      ],
      summary: { value: report.summary },
      categories: [
        { term: report.lang },
        ...report.feeds.map((feed) => ({ term: feed.id, label: feed.title })),
      ],
    })),
  });
}
