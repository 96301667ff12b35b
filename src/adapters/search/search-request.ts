// The one HTTP exchange every search adapter makes: a JSON request to an endpoint the user configured,
// with a time limit, and failures turned into ShirabeErrors that say which provider and what to do.
// Search endpoints are chosen by the user (a self-hosted SearXNG is often on localhost), so they do not
// go through the page fetcher's private-address guard.
import { ShirabeError } from "../../errors.js";
import type { SearchResult } from "../../ports/search.js";

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface ProviderTransport {
  /** Defaults to the global fetch. */
  fetch?: FetchLike;
  /** Per request (default 20 s). */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 20_000;
/** No page of search results is this large; a bigger answer is refused before it fills memory. */
const MAX_ANSWER_BYTES = 4 * 1024 * 1024;

export async function requestJson(
  provider: string,
  url: string,
  init: RequestInit,
  transport: ProviderTransport,
  signal?: AbortSignal,
): Promise<unknown> {
  const fetchImpl = transport.fetch ?? fetch;
  const timeout = AbortSignal.timeout(transport.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
  let response: Response;
  try {
    response = await fetchImpl(url, { ...init, signal: combined });
  } catch (error) {
    const timedOut = timeout.aborted && !signal?.aborted;
    throw new ShirabeError(
      `${provider} search at ${origin(url)}: ${timedOut ? "no answer in time" : "cannot connect"}; check that it is running and the URL is right`,
      {
        code: timedOut ? "search-timeout" : "search-unreachable",
        kind: "network",
        input: url,
        retryable: true,
        cause: error,
      },
    );
  }
  const text = await readCapped(provider, url, response);
  if (response.status === 401 || response.status === 403) {
    throw new ShirabeError(
      `${provider} search at ${origin(url)}: HTTP ${response.status}, access refused; check the API key${provider === "searxng" ? " and that format json is enabled in settings.yml (search.formats)" : ""}`,
      { code: "search-refused", kind: "usage", input: url },
    );
  }
  if (response.status < 200 || response.status > 299) {
    const retryable = response.status === 429 || response.status >= 500;
    throw new ShirabeError(
      `${provider} search at ${origin(url)}: HTTP ${response.status}; ${retryable ? "try again later" : "check the query and settings"}`,
      { code: "search-status", kind: retryable ? "network" : "input", input: url, retryable },
    );
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ShirabeError(
      `${provider} search at ${origin(url)}: the answer is not JSON; check the URL points at the API`,
      {
        code: "search-bad-response",
        kind: "network",
        input: url,
        cause: error,
      },
    );
  }
}

async function readCapped(provider: string, url: string, response: Response): Promise<string> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  for (;;) {
    const chunk = reader ? await reader.read() : { done: true as const, value: undefined };
    if (chunk.done) break;
    size += chunk.value.byteLength;
    if (size > MAX_ANSWER_BYTES) {
      await reader?.cancel().catch(() => {});
      throw new ShirabeError(
        `${provider} search at ${origin(url)}: the answer is larger than ${MAX_ANSWER_BYTES / 1024 / 1024} MiB; check the URL points at the API`,
        { code: "search-too-large", kind: "network", input: url },
      );
    }
    chunks.push(chunk.value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function origin(url: string): string {
  return new URL(url).origin;
}

/** A field of an untyped JSON object, when it is a string. */
function stringField(record: unknown, name: string): string | null {
  if (typeof record !== "object" || record === null) return null;
  const value = (record as Record<string, unknown>)[name];
  return typeof value === "string" ? value : null;
}

/** The array at `path` in an untyped JSON value, or [] when there is none (an empty answer). */
export function arrayAt(value: unknown, ...path: string[]): unknown[] {
  let current = value;
  for (const key of path) {
    if (typeof current !== "object" || current === null) return [];
    current = (current as Record<string, unknown>)[key];
  }
  return Array.isArray(current) ? current : [];
}

/** Only http(s) result URLs are sources; anything else (javascript:, relative) is dropped. */
function isWebUrl(url: string | null): url is string {
  if (!url) return false;
  try {
    const { protocol } = new URL(url);
    return protocol === "http:" || protocol === "https:";
  } catch {
    return false;
  }
}

/** Snippets may carry highlighting markup (<strong>) and entities; results want plain text. */
function plainSnippet(text: string | null): string {
  return (text ?? "")
    .replace(/<[^>]*>/g, "")
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}

/** An ISO date from the provider's date string, or null when it cannot be read. */
function isoDate(value: string | null): string | null {
  if (!value) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

/** Where a provider puts each result's fields; every provider's answer is read the same way from here. */
export interface ResultFields {
  title: string;
  snippet: string;
  date: string;
}

/** The web results of a provider's answer: only http(s) links, snippets as plain text, dates as ISO. */
export function webResults(
  items: unknown[],
  fields: ResultFields,
  limit: number | undefined,
): SearchResult[] {
  const results: SearchResult[] = [];
  for (const item of items) {
    const link = stringField(item, "url");
    if (!isWebUrl(link)) continue;
    results.push({
      url: link,
      title: plainSnippet(stringField(item, fields.title)),
      snippet: plainSnippet(stringField(item, fields.snippet)),
      publishedAt: isoDate(stringField(item, fields.date)),
    });
  }
  return results.slice(0, limit ?? results.length);
}
