// Turns socket, DNS and undici errors into ShirabeErrors that name the URL and say what to do.
import { ShirabeError } from "../../errors.js";
import { BlockedAddressError } from "./guard.js";

const DNS_CODES = new Set(["ENOTFOUND", "EAI_AGAIN", "EAI_FAIL", "ENODATA", "EAI_NONAME", "ESERVFAIL"]);
const UNREACHABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
  "ECONNABORTED",
  "UND_ERR_SOCKET",
  "UND_ERR_CLOSED",
]);
const TIMEOUT_CODES = new Set([
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
  "ETIMEDOUT",
]);

/** The error and everything it wraps (cause chains and AggregateErrors from happy-eyeballs connects). */
function* errorChain(error: unknown, depth = 0): Generator<unknown> {
  if (error === undefined || error === null || depth > 8) return;
  yield error;
  if (error instanceof AggregateError) {
    for (const inner of error.errors) yield* errorChain(inner, depth + 1);
  }
  if (error instanceof Error) yield* errorChain(error.cause, depth + 1);
}

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" ? code : undefined;
}

export function privateAddressError(url: string, address: string, addressClass: string): ShirabeError {
  return new ShirabeError(
    `${url}: refused ${addressClass} address ${address}; pass --allow-private-network to allow it`,
    { code: "private-address", kind: "input", input: url },
  );
}

export function timeoutError(url: string, what: string, ms: number, cause?: unknown): ShirabeError {
  return new ShirabeError(`${url}: ${what} timed out after ${ms} ms; try again later or raise the timeout`, {
    code: "timeout",
    kind: "network",
    input: url,
    retryable: true,
    cause,
  });
}

export interface FailureContext {
  url: string;
  hostname: string;
  connectTimeoutMs: number;
  totalTimeoutMs: number;
}

/** Maps a transport failure; unknown failures become kind "network" rather than crashing the run. */
export function transportError(error: unknown, context: FailureContext): ShirabeError {
  const { url, hostname } = context;
  for (const link of errorChain(error)) {
    if (link instanceof ShirabeError) return link;
    if (link instanceof BlockedAddressError) return privateAddressError(url, link.address, link.addressClass);
  }
  for (const link of errorChain(error)) {
    const code = codeOf(link);
    if (code === undefined) continue;
    if (DNS_CODES.has(code)) {
      return new ShirabeError(`${url}: could not resolve host ${hostname}; check the address`, {
        code: "dns",
        kind: "network",
        input: url,
        retryable: code === "EAI_AGAIN",
        cause: error,
      });
    }
    if (code === "UND_ERR_CONNECT_TIMEOUT")
      return timeoutError(url, "connecting", context.connectTimeoutMs, error);
    if (TIMEOUT_CODES.has(code)) return timeoutError(url, "the request", context.totalTimeoutMs, error);
    if (UNREACHABLE_CODES.has(code)) {
      return new ShirabeError(
        `${url}: could not connect to ${hostname} (${code}); check the address or try later`,
        {
          code: "unreachable",
          kind: "network",
          input: url,
          retryable: true,
          cause: error,
        },
      );
    }
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new ShirabeError(`${url}: request failed: ${detail}`, {
    code: "network",
    kind: "network",
    input: url,
    retryable: true,
    cause: error,
  });
}
