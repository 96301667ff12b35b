// Research, first step: which inputs become sources. The article's own body links (minus social, share
// and ad links) and the files, folders and URLs the user names with --sources.
import { readdir, stat } from "node:fs/promises";
import { extname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { ShirabeError } from "../../errors.js";
import type { Article } from "../../types.js";

/** Hosts whose links are sharing, social profiles or ads, never evidence. */
const SKIPPED_HOSTS = [
  "twitter.com",
  "x.com",
  "facebook.com",
  "linkedin.com",
  "instagram.com",
  "pinterest.com",
  "reddit.com",
  "t.me",
  "telegram.me",
  "line.me",
  "b.hatena.ne.jp",
  "weibo.com",
  "service.weibo.com",
  "connect.qq.com",
  "wa.me",
  "api.whatsapp.com",
  "tiktok.com",
  "doubleclick.net",
  "googleadservices.com",
  "googlesyndication.com",
  "news.google.com",
];

/** Path or query shapes of share, login, subscribe and feed links. */
const SKIPPED_PATH =
  /\/(share|sharer|intent|login|signin|signup|subscribe|newsletter|feed|rss)(\/|\.php|$|\?)/i;

const SOURCE_EXTENSIONS = new Set([".html", ".htm", ".xhtml", ".md", ".markdown", ".txt", ".pdf"]);

/** The most files one --sources folder contributes by default, so a huge folder cannot stall a run. */
const MAX_FOLDER_FILES = 200;

export type InputKind = "url" | "file";

/** Tells a URL from a local path; refuses other schemes with a usage error. */
export function classifyInput(input: string): { kind: InputKind; location: string } {
  if (/^https?:\/\//i.test(input)) return { kind: "url", location: input };
  if (/^file:\/\//i.test(input)) return { kind: "file", location: fileURLToPath(input) };
  if (/^[a-z][a-z0-9+.-]*:/i.test(input) && !/^[a-z]:[\\/]/i.test(input)) {
    throw new ShirabeError(`${input}: only http(s) URLs and local files can be read`, {
      code: "unsupported-scheme",
      kind: "input",
      input,
    });
  }
  return { kind: "file", location: resolve(input) };
}

function isSkippedHost(host: string): boolean {
  const bare = host.toLowerCase().replace(/^www\./, "");
  return SKIPPED_HOSTS.some((skipped) => bare === skipped || bare.endsWith(`.${skipped}`));
}

/**
 * The links of an article worth following as sources, best first, at most `maxLinks`.
 * Local files may only be followed from a local article, and only inside its own folder, so a web
 * page can never make Shirabe read the user's files.
 */
export function citedLinks(article: Article, options: { maxLinks: number }): string[] {
  const articleUrl = new URL(article.url);
  const localRoot = articleUrl.protocol === "file:" ? dirOf(fileURLToPath(articleUrl)) : null;
  const seen = new Set<string>([stripHash(article.url)]);
  if (article.canonicalUrl) seen.add(stripHash(article.canonicalUrl));
  const picked: string[] = [];
  // The extractor's ranked citations (prose, references, see-also lines) when it found them.
  for (const link of article.citedLinks ?? article.links) {
    if (picked.length >= options.maxLinks) break;
    let url: URL;
    try {
      url = new URL(link.url, article.url);
    } catch {
      continue;
    }
    const key = stripHash(url.href);
    if (seen.has(key)) continue;
    if (url.protocol === "file:") {
      if (!localRoot || !localPath(url)?.startsWith(localRoot)) continue;
    } else if (url.protocol !== "http:" && url.protocol !== "https:") {
      continue;
    } else if (isSkippedHost(url.hostname) || SKIPPED_PATH.test(url.pathname)) {
      continue;
    }
    seen.add(key);
    picked.push(url.protocol === "file:" ? fileURLToPath(url) : key);
  }
  return picked;
}

/** The path of a file: URL, or null when it names no local path (another host, an encoded "/"). */
function localPath(url: URL): string | null {
  try {
    return fileURLToPath(url);
  } catch {
    return null;
  }
}

function stripHash(url: string): string {
  const parsed = new URL(url);
  parsed.hash = "";
  return parsed.href;
}

function dirOf(path: string): string {
  const index = path.lastIndexOf(sep);
  return path.slice(0, index + 1);
}

/**
 * Expands the --sources list: URLs stay as they are, folders become the readable source files inside
 * them (sorted, so runs are deterministic). A path that does not exist is a usage error.
 */
export async function expandSourceInputs(
  inputs: string[],
  options: { maxFolderFiles?: number } = {},
): Promise<string[]> {
  const expanded: string[] = [];
  for (const input of inputs) {
    const { kind, location } = classifyInput(input);
    if (kind === "url") {
      expanded.push(input);
      continue;
    }
    const info = await stat(location).catch((error: unknown) => {
      throw new ShirabeError(`${input}: no such file or folder; check the path`, {
        code: "file-not-found",
        kind: "input",
        input,
        cause: error,
      });
    });
    if (info.isDirectory()) {
      expanded.push(...(await listSourceFiles(location, options.maxFolderFiles ?? MAX_FOLDER_FILES)));
    } else expanded.push(location);
  }
  return [...new Set(expanded)];
}

async function listSourceFiles(dir: string, maxFiles: number): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && SOURCE_EXTENSIONS.has(extname(entry.name).toLowerCase()))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort()
    .slice(0, maxFiles);
}
