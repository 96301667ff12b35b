// Fetch stage: a URL or a local file → Page (bytes plus what the transport said about them).
// Limits and the SSRF guard live in the HttpClient; this stage decides what counts as a readable page.
import { readFile, stat } from "node:fs/promises";
import { STATUS_CODES } from "node:http";
import { extname, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { ShirabeError } from "../../errors.js";
import type { HttpClient, HttpResponse } from "../../ports/http.js";
import type { PageCache } from "../../ports/store.js";
import type { Page } from "../../types.js";
import { readableMediaType } from "./content-type.js";

export interface FetchDeps {
  http: HttpClient;
  /** When given, pages with validators are kept and revalidated instead of downloaded again. */
  cache?: PageCache;
  now?: () => Date;
}

/** Same cap the HTTP adapter uses by default, so a file and a URL are read alike. */
const MAX_FILE_BYTES = 15 * 1024 * 1024;

const FILE_TYPES: Record<string, string> = {
  ".html": "text/html",
  ".htm": "text/html",
  ".xhtml": "application/xhtml+xml",
  ".md": "text/markdown",
  ".markdown": "text/markdown",
  ".txt": "text/plain",
  ".pdf": "application/pdf",
};

function conditionalHeaders(cached: Page | null): Record<string, string> {
  const headers: Record<string, string> = {};
  if (cached?.headers.etag) headers["if-none-match"] = cached.headers.etag;
  if (cached?.headers["last-modified"]) headers["if-modified-since"] = cached.headers["last-modified"];
  return headers;
}

function statusError(input: string, response: HttpResponse): ShirabeError {
  const { status, url } = response;
  const reason = STATUS_CODES[status] ?? "error";
  const serverSide = status >= 500 || status === 429;
  const advice = serverSide ? "try again later" : "check the address";
  return new ShirabeError(`${url}: HTTP ${status} ${reason}; ${advice}`, {
    code: "http-status",
    kind: serverSide ? "network" : "input",
    input,
    retryable: serverSide,
  });
}

export async function fetchPage(url: string, deps: FetchDeps): Promise<Page> {
  const now = deps.now ?? (() => new Date());
  const cached = deps.cache?.getPage(url) ?? null;
  const validators = conditionalHeaders(cached);
  const response = await deps.http.get(
    url,
    Object.keys(validators).length > 0 ? { headers: validators } : {},
  );
  if (response.status === 304 && cached) {
    // The server confirmed the kept bytes are current, so they count as fetched now.
    return { ...cached, input: url, fromCache: true, fetchedAt: now().toISOString() };
  }
  if (response.status < 200 || response.status > 299) throw statusError(url, response);
  const page: Page = {
    input: url,
    url: response.url,
    status: response.status,
    headers: response.headers,
    contentType: readableMediaType(response.url, response.headers["content-type"], response.body),
    body: response.body,
    fetchedAt: now().toISOString(),
    fromCache: false,
    redirects: response.redirects,
  };
  if (deps.cache && (response.headers.etag || response.headers["last-modified"]))
    deps.cache.putPage(url, page);
  return page;
}

function fileError(path: string, error: unknown): ShirabeError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT" || code === "ENOTDIR") {
    return new ShirabeError(`${path}: file not found; check the path`, {
      code: "file-not-found",
      kind: "input",
      input: path,
      cause: error,
    });
  }
  if (code === "EISDIR") return notAFile(path);
  const detail = code === "EACCES" || code === "EPERM" ? "permission denied" : (error as Error).message;
  return new ShirabeError(`${path}: cannot read the file (${detail}); check its permissions`, {
    code: "file-unreadable",
    kind: "input",
    input: path,
    cause: error,
  });
}

function notAFile(path: string): ShirabeError {
  return new ShirabeError(
    `${path}: is not a regular file; give the path of an HTML, Markdown, text or PDF file`,
    {
      code: "not-a-file",
      kind: "input",
      input: path,
    },
  );
}

export async function readFilePage(path: string, now: () => Date = () => new Date()): Promise<Page> {
  const absolute = resolve(path);
  let body: Buffer;
  try {
    const info = await stat(absolute);
    if (!info.isFile()) throw notAFile(path);
    if (info.size > MAX_FILE_BYTES) {
      throw new ShirabeError(`${path}: file is larger than the ${MAX_FILE_BYTES / 1024 / 1024} MiB limit`, {
        code: "too-large",
        kind: "input",
        input: path,
      });
    }
    body = await readFile(absolute);
  } catch (error) {
    throw error instanceof ShirabeError ? error : fileError(path, error);
  }
  const extension = extname(absolute).toLowerCase();
  return {
    input: path,
    url: pathToFileURL(absolute).href,
    status: 200,
    headers: {},
    contentType: readableMediaType(path, FILE_TYPES[extension], body),
    body,
    fetchedAt: now().toISOString(),
    fromCache: false,
    redirects: [],
  };
}
