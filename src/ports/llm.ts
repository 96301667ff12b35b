// A language model as the writing stages see it: one call that returns a validated value. Providers,
// retries, caching, budgets and concurrency live behind it in src/adapters/llm; how page text enters a
// prompt as data is src/text/prompt-data.ts.
import type { z } from "zod";

export interface LlmUsage {
  inputTokens: number;
  outputTokens: number;
  /** Estimated from the price table; 0 when the model has no price or the answer came from the cache. */
  costUsd: number;
}

export interface LlmRequest<T> {
  /** What the call is for, e.g. "outline" or "section:2"; recorded with its usage. */
  purpose: string;
  /** The instructions. Never contains page text. */
  system: string;
  /** The task with its data; page text inside it is delimited as data. */
  prompt: string;
  /** The answer is JSON matching this schema; validation errors are sent back for repair. */
  schema: z.ZodType<T>;
  schemaName: string;
  maxOutputTokens?: number;
  /** Aborting stops the call; with a HandedBack reason, an answer already asked for is read to its end first. */
  signal?: AbortSignal;
}

/**
 * An abort reason saying the work stops here but will be done again elsewhere (a stopped worker hands its
 * job back): a call already sent reads its answer to the end, into the call cache, before failing, so the
 * retry does not buy it twice. Any other reason (a cancel) stops the call at once: no one will need it.
 */
export class HandedBack extends Error {
  override name = "HandedBack";
}

export interface LlmResult<T> {
  value: T;
  usage: LlmUsage;
  /** True when no paid call was made: the answer was in the call cache. */
  cached: boolean;
}

export interface LlmClient {
  /** "provider:model", e.g. "deepseek:deepseek-chat". */
  readonly model: string;
  generate<T>(request: LlmRequest<T>): Promise<LlmResult<T>>;
}

/** One finished call, for usage accounting and the benchmark's critical path. */
export interface LlmCallRecord {
  purpose: string;
  model: string;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  cached: boolean;
  /** Requests sent, including retries and repairs; 0 for a cache hit. */
  attempts: number;
  startedAt: number;
  finishedAt: number;
}

/**
 * Answers of earlier calls keyed by a hash of (model, prompt, parameters). In the store's SQLite file, or
 * in Redis where workers on several machines share it (hence either may answer with a promise).
 */
export interface LlmCallCache {
  getCall(
    key: string,
  ):
    | { text: string; inputTokens: number; outputTokens: number }
    | null
    | Promise<{ text: string; inputTokens: number; outputTokens: number } | null>;
  putCall(
    key: string,
    call: { model: string; purpose: string; text: string; inputTokens: number; outputTokens: number },
  ): void | Promise<void>;
}
