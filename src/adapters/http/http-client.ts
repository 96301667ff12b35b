// The real HttpClient: undici with the SSRF guard at connect time, redirects followed by hand so each
// hop is checked and counted, and hard limits on time and size.
import { isIP } from "node:net";
import type { Readable } from "node:stream";
import { Agent } from "undici";
import { DEFAULTS } from "../../defaults.js";
import { ShirabeError } from "../../errors.js";
import type { HttpClient, HttpGetOptions, HttpResponse } from "../../ports/http.js";
import { privateAddressError, timeoutError, transportError } from "./failures.js";
import { type GuardPolicy, guardedLookup, type Resolver, refusal, systemResolver } from "./guard.js";
import { ACCEPT_ENCODING, decodeContent, readLimited } from "./response-body.js";

export const DEFAULT_USER_AGENT = "Shirabe/0.1 (+https://github.com/shirabe; research report generator)";
const ACCEPT = "text/html,application/xhtml+xml,text/markdown;q=0.9,text/plain;q=0.9,*/*;q=0.5";
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export interface HttpClientOptions {
  allowPrivateNetwork?: boolean;
  /** Addresses reachable despite the guard, e.g. ["127.0.0.1"] for a test's own server. */
  allowedAddresses?: string[];
  connectTimeoutMs?: number;
  /** Whole request, redirects and body included. */
  totalTimeoutMs?: number;
  /** Cap on the body, both as sent and after decompression. */
  maxBodyBytes?: number;
  maxRedirects?: number;
  userAgent?: string;
  /** Replaces DNS resolution (tests map names to 127.0.0.1 with it). */
  lookup?: Resolver;
}

export interface ClosableHttpClient extends HttpClient {
  /** Closes pooled connections. */
  close(): Promise<void>;
}

function headerRecord(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
  }
  return headers;
}

/** Drops a body we will not read; the listener keeps the abort from surfacing as an unhandled error. */
function discard(body: Readable): void {
  body.on("error", () => {});
  body.destroy();
}

function parseTarget(input: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(input, base);
  } catch (error) {
    throw new ShirabeError(`${input}: not a valid URL; check the address`, {
      code: "invalid-url",
      kind: "input",
      input,
      cause: error,
    });
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new ShirabeError(
      `${url.href}: unsupported scheme ${url.protocol} (only http: and https: are fetched)`,
      {
        code: "unsupported-scheme",
        kind: "input",
        input: url.href,
      },
    );
  }
  return url;
}

/** IP-literal hosts never reach the lookup hook, so they are checked here before connecting. */
function checkLiteral(url: URL, policy: GuardPolicy): void {
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  if (isIP(host) === 0) return;
  const addressClass = refusal(host, policy);
  if (addressClass) throw privateAddressError(url.href, host, addressClass);
}

export function createHttpClient(options: HttpClientOptions = {}): ClosableHttpClient {
  const policy: GuardPolicy = {
    allowPrivateNetwork: options.allowPrivateNetwork ?? false,
    allowedAddresses: options.allowedAddresses ?? [],
  };
  const connectTimeoutMs = options.connectTimeoutMs ?? DEFAULTS.connectTimeoutMs;
  const totalTimeoutMs = options.totalTimeoutMs ?? DEFAULTS.timeoutMs;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULTS.maxBodyBytes;
  const maxRedirects = options.maxRedirects ?? DEFAULTS.maxRedirects;
  const userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
  const agent = new Agent({
    connect: { timeout: connectTimeoutMs, lookup: guardedLookup(options.lookup ?? systemResolver, policy) },
    headersTimeout: totalTimeoutMs,
    bodyTimeout: totalTimeoutMs,
  });

  async function get(input: string, getOptions: HttpGetOptions = {}): Promise<HttpResponse> {
    const timer = new AbortController();
    const timeout = setTimeout(() => timer.abort(), totalTimeoutMs);
    const signal = getOptions.signal ? AbortSignal.any([timer.signal, getOptions.signal]) : timer.signal;
    const redirects: string[] = [];
    let current = parseTarget(input);
    try {
      for (;;) {
        checkLiteral(current, policy);
        const context = { url: current.href, hostname: current.hostname, connectTimeoutMs, totalTimeoutMs };
        try {
          const response = await agent.request({
            origin: current.origin,
            path: `${current.pathname}${current.search}`,
            method: "GET",
            headers: {
              "user-agent": userAgent,
              accept: ACCEPT,
              "accept-encoding": ACCEPT_ENCODING,
              ...getOptions.headers,
            },
            signal,
          });
          const headers = headerRecord(response.headers);
          const location = headers.location;
          if (REDIRECT_STATUSES.has(response.statusCode) && location) {
            discard(response.body);
            if (redirects.length >= maxRedirects) {
              throw new ShirabeError(
                `${input}: more than ${maxRedirects} redirects; the page may be a loop`,
                {
                  code: "too-many-redirects",
                  kind: "input",
                  input,
                },
              );
            }
            redirects.push(current.href);
            current = parseTarget(location, current);
            continue;
          }
          const declared = Number(headers["content-length"]);
          if (Number.isFinite(declared) && declared > maxBodyBytes) {
            discard(response.body);
            throw new ShirabeError(
              `${current.href}: response is larger than the size limit (${declared} bytes)`,
              {
                code: "too-large",
                kind: "input",
                input: current.href,
              },
            );
          }
          const raw = await readLimited(response.body, current.href, maxBodyBytes);
          const body = await decodeContent(raw, headers["content-encoding"], current.href, maxBodyBytes);
          return { url: current.href, status: response.statusCode, headers, body, redirects };
        } catch (error) {
          if (timer.signal.aborted) throw timeoutError(current.href, "the request", totalTimeoutMs, error);
          if (getOptions.signal?.aborted) throw getOptions.signal.reason;
          throw transportError(error, context);
        }
      }
    } finally {
      clearTimeout(timeout);
    }
  }

  return { get, close: () => agent.close() };
}
