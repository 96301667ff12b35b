// The few error classes Shirabe throws. They carry data; only the CLI and server map them to exit codes
// and HTTP statuses.

/** What kind of failure this is, which decides the CLI exit code (usage 2, input 1, network 3). */
export type ErrorKind = "usage" | "input" | "network" | "store" | "internal";

/**
 * Every stable, machine-readable error code, grouped by where it arises. A caller switches on these;
 * a misspelt code fails to compile. Add a code here before throwing it.
 */
export const ERROR_CODES = [
  // Options, configuration and the command line
  "bad-option",
  "bad-config",
  "bad-provenance",
  "data-dir",
  "queue-unavailable",
  "output-not-writable",
  "not-found",
  "unknown-run",
  "run-done",
  "unknown-lang",
  // Reading inputs: files, URLs, content
  "invalid-url",
  "unsupported-scheme",
  "unsupported-content",
  "file-not-found",
  "file-unreadable",
  "not-a-file",
  "too-large",
  "unknown-encoding",
  "bad-encoding",
  "bad-pdf",
  "no-article-text",
  "no-sources",
  "no-sentences",
  "input-missing",
  "empty-list",
  "not-a-list",
  // Feeds
  "bad-feed",
  "bad-opml",
  "feed-too-large",
  "unknown-feed",
  // Network
  "private-address",
  "timeout",
  "dns",
  "unreachable",
  "network",
  "http-status",
  "too-many-redirects",
  "robots-disallowed",
  "robots-unavailable",
  // Web search providers
  "search-timeout",
  "search-unreachable",
  "search-refused",
  "search-status",
  "search-bad-response",
  "search-too-large",
  // LLM providers and the budget
  "bad-model",
  "missing-key",
  "embed-failed",
  "llm-rate-limited",
  "llm-invalid-output",
  "llm-auth",
  "llm-http",
  "llm-unreachable",
  "budget-exceeded",
  "daily-budget-exceeded",
  "llm-stopped",
  // The store
  "store-locked",
  "store-corrupt",
  "store-unavailable",
  "store-readonly",
  "store-full",
  "store-failed",
  "store-too-new",
  // The server
  "token-required",
  "port-in-use",
  "cannot-listen",
  "ui-missing",
  // A bug: anything not thrown as a ShirabeError
  "internal",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && (ERROR_CODES as readonly string[]).includes(value);
}

export interface ShirabeErrorOptions {
  /** Stable machine-readable code, e.g. "private-address", "http-status", "timeout". */
  code: ErrorCode;
  kind: ErrorKind;
  /** The input at fault (URL, file path, option), when there is one. */
  input?: string;
  retryable?: boolean;
  cause?: unknown;
}

export class ShirabeError extends Error {
  readonly code: ErrorCode;
  readonly kind: ErrorKind;
  readonly input: string | undefined;
  readonly retryable: boolean;

  constructor(message: string, options: ShirabeErrorOptions) {
    super(message, { cause: options.cause });
    this.name = "ShirabeError";
    this.code = options.code;
    this.kind = options.kind;
    this.input = options.input;
    this.retryable = options.retryable ?? false;
  }
}

export function isShirabeError(error: unknown): error is ShirabeError {
  return error instanceof ShirabeError;
}
