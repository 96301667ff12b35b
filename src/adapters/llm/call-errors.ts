// The errors a failed LLM call ends in, worded for the user: which model, which call, what to do.
import { APICallError } from "@ai-sdk/provider";
import { ShirabeError } from "../../errors.js";
import type { ModelConfig } from "./models.js";

export function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The last error of a call that will not be tried again. */
export function callError(
  config: ModelConfig,
  purpose: string,
  error: unknown,
  attempts: number,
): ShirabeError {
  const tries = attempts === 1 ? "1 try" : `${attempts} tries`;
  if (APICallError.isInstance(error)) {
    const status = error.statusCode ?? 0;
    if (status === 401 || status === 403) {
      const hint = config.provider.keyEnv ? `check ${config.provider.keyEnv}` : "check the provider's key";
      return new ShirabeError(`${config.id}: the provider refused the key (HTTP ${status}); ${hint}`, {
        code: "llm-auth",
        kind: "usage",
        input: config.id,
        cause: error,
      });
    }
    return new ShirabeError(
      `${config.id}: ${purpose} failed with HTTP ${status || "error"} after ${tries} (${error.message})`,
      { code: "llm-http", kind: "network", input: config.id, retryable: error.isRetryable, cause: error },
    );
  }
  return new ShirabeError(`${config.id}: ${purpose} failed after ${tries} (${describe(error)})`, {
    code: "llm-unreachable",
    kind: "network",
    input: config.id,
    retryable: true,
    cause: error,
  });
}

export function rateLimitedError(config: ModelConfig, purpose: string, waitMs: number, cause: unknown) {
  return new ShirabeError(
    `${config.id}: the provider asked to wait ${Math.round(waitMs / 1000)} s before retrying (${purpose}); try again later`,
    { code: "llm-rate-limited", kind: "network", input: config.id, retryable: true, cause },
  );
}

export function invalidOutputError(config: ModelConfig, purpose: string, tries: number, detail: string) {
  return new ShirabeError(
    `${config.id}: the model's answer for ${purpose} is still invalid after ${tries} tries (${detail}); try another model or set "structuredOutput" for it in the config file`,
    { code: "llm-invalid-output", kind: "network", input: config.id },
  );
}

/** A call asked of a client whose run has failed or been stopped: it is never sent. */
export function stoppedError(config: ModelConfig, purpose: string): ShirabeError {
  return new ShirabeError(`${config.id}: ${purpose} not sent; the run has stopped`, {
    code: "llm-stopped",
    kind: "usage",
    input: config.id,
  });
}
