// The few error classes Shirabe throws. They carry data; only the CLI and server map them to exit codes
// and HTTP statuses.

/** What kind of failure this is, which decides the CLI exit code (usage 2, input 1, network 3). */
export type ErrorKind = "usage" | "input" | "network" | "store" | "internal";

export interface ShirabeErrorOptions {
  /** Stable machine-readable code, e.g. "private-address", "http-status", "timeout". */
  code: string;
  kind: ErrorKind;
  /** The input at fault (URL, file path, option), when there is one. */
  input?: string;
  retryable?: boolean;
  cause?: unknown;
}

export class ShirabeError extends Error {
  readonly code: string;
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
