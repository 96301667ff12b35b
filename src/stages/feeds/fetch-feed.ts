// One poll of a feed over HTTP: a conditional GET with the validators of the last answer, so an unchanged
// feed costs a 304 and no parsing. The HTTP client refuses private addresses (on every redirect) and
// caps size and time; a feed bigger than MAX_FEED_BYTES is refused here too.
import { ShirabeError } from "../../errors.js";
import type { HttpClient } from "../../ports/http.js";

export interface FeedValidators {
  etag: string | null;
  lastModified: string | null;
}

export type FeedFetch =
  | { status: "not-modified" }
  | { status: "ok"; url: string; text: string; validators: FeedValidators };

/** Feeds are text listings; anything past this is not a feed worth reading. */
export const MAX_FEED_BYTES = 10 * 1024 * 1024;

export async function fetchFeed(
  http: HttpClient,
  url: string,
  last: FeedValidators,
  signal?: AbortSignal,
): Promise<FeedFetch> {
  const headers: Record<string, string> = {
    accept:
      "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.5",
  };
  if (last.etag) headers["if-none-match"] = last.etag;
  if (last.lastModified) headers["if-modified-since"] = last.lastModified;
  const response = await http.get(url, { headers, ...(signal ? { signal } : {}) });
  if (response.status === 304) return { status: "not-modified" };
  if (response.status < 200 || response.status >= 300) {
    throw new ShirabeError(`${url}: the feed answered HTTP ${response.status}`, {
      code: "http-status",
      kind: "network",
      input: url,
      retryable: response.status >= 500 || response.status === 429,
    });
  }
  if (response.body.byteLength > MAX_FEED_BYTES) {
    throw new ShirabeError(
      `${url}: the feed is ${(response.body.byteLength / 1048576).toFixed(1)} MiB, over the ${MAX_FEED_BYTES / 1048576} MiB a feed may be`,
      { code: "feed-too-large", kind: "input", input: url },
    );
  }
  return {
    status: "ok",
    url: response.url,
    text: new TextDecoder("utf-8").decode(response.body),
    validators: {
      etag: response.headers.etag ?? null,
      lastModified: response.headers["last-modified"] ?? null,
    },
  };
}
