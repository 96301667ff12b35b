// Every interface's defaults in one place: the CLI's flags, the web app's form and the library API read
// these, so the same article gives the same report wherever it is submitted.

export const DEFAULTS = {
  /** Report language (BCP 47). */
  lang: "ja",
  /** Follow the links the article cites. */
  followLinks: true,
  /** Cited links followed at most. */
  maxLinks: 10,
  /** Sources read at once. */
  concurrency: 4,
  /** Honour robots.txt when fetching sources. */
  robots: true,
  /** Requests in flight per host when fetching sources. */
  perHost: 2,
  /** Minimum time between the starts of two requests to one host. */
  hostDelayMs: 500,
  /** Whole fetch, redirects and body included. */
  timeoutMs: 30_000,
  connectTimeoutMs: 10_000,
  /** Largest page, PDF or local file read, as sent and after decompression. */
  maxBodyBytes: 15 * 1024 * 1024,
  maxRedirects: 5,
} as const;
