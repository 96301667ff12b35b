// The LlmClient over a Vercel AI SDK model: cache first, then budget, concurrency limit, streamed calls
// with timeouts and retries, then JSON validation with repair rounds that send the error back.
import { createHash } from "node:crypto";
import { APICallError, type LanguageModelV3, type LanguageModelV3Prompt } from "@ai-sdk/provider";
import { z } from "zod";
import { ShirabeError } from "../../errors.js";
import type { LlmCallCache, LlmCallRecord, LlmClient, LlmRequest, LlmResult } from "../../ports/llm.js";
import type { Budget } from "./budget.js";
import { schemaInstruction, validateAnswer } from "./json.js";
import { createLimiter, type Limiter } from "./limiter.js";
import type { ModelConfig } from "./models.js";
import { costUsd } from "./prices.js";
import { languageModelFor } from "./provider.js";
import { backoffMs, isRetryable, RetryableCallError, retryAfterMs, sleep } from "./retry.js";

export interface LlmClientOptions {
  config: ModelConfig;
  /** Defaults to the AI SDK model built from `config`. */
  model?: LanguageModelV3;
  cache?: LlmCallCache;
  budget?: Budget;
  /** Defaults to one limiter per provider endpoint in this process, at the provider's concurrency. */
  limiter?: Limiter;
  /** New attempts after a retryable failure (429, 5xx, timeout, cut stream). Default 3. */
  maxRetries?: number;
  /** Rounds that send a validation error back to the model. Default 2. */
  maxRepairs?: number;
  /** One attempt may take this long in all. Default 180 s. */
  timeoutMs?: number;
  /** Longest silence allowed while the answer streams. Default 60 s. */
  idleTimeoutMs?: number;
  /** First backoff step when the server gives no retry-after. Default 1 s. */
  retryBaseMs?: number;
  /** A retry-after longer than this fails the call instead of waiting. Default 120 s. */
  maxRetryDelayMs?: number;
  maxOutputTokens?: number;
  onCall?: (record: LlmCallRecord) => void;
}

interface Attempt {
  text: string;
  inputTokens: number;
  outputTokens: number;
  /** True when the answer stopped at the output-token limit. */
  cut: boolean;
}

const DEFAULT_MAX_OUTPUT_TOKENS = 4096;

export function createLlmClient(options: LlmClientOptions): LlmClient {
  const { config } = options;
  const model = options.model ?? languageModelFor(config);
  const limiter = options.limiter ?? providerLimiter(config);
  const maxRetries = options.maxRetries ?? 3;
  const maxRepairs = options.maxRepairs ?? 2;

  const callOnce = async (
    prompt: LanguageModelV3Prompt,
    request: LlmRequest<unknown>,
    jsonSchema: unknown,
  ) => {
    const maxOutputTokens = request.maxOutputTokens ?? options.maxOutputTokens ?? DEFAULT_MAX_OUTPUT_TOKENS;
    const release = options.budget?.reserve(worstCase(prompt, maxOutputTokens, config));
    try {
      const attempt = await limiter.run(() =>
        streamAnswer(model, prompt, {
          maxOutputTokens,
          jsonSchema,
          schemaName: request.schemaName,
          mode: config.structuredOutput,
          timeoutMs: options.timeoutMs ?? 180_000,
          idleTimeoutMs: options.idleTimeoutMs ?? 60_000,
          signal: request.signal,
        }),
      );
      options.budget?.record({
        tokens: attempt.inputTokens + attempt.outputTokens,
        costUsd: costUsd(config.price, attempt.inputTokens, attempt.outputTokens),
      });
      return attempt;
    } finally {
      release?.();
    }
  };

  const callWithRetries = async (
    prompt: LanguageModelV3Prompt,
    request: LlmRequest<unknown>,
    jsonSchema: unknown,
    counter: { attempts: number },
  ): Promise<Attempt> => {
    for (let retry = 0; ; retry++) {
      counter.attempts++;
      try {
        return await callOnce(prompt, request, jsonSchema);
      } catch (error) {
        if (request.signal?.aborted || error instanceof ShirabeError) throw error;
        if (!isRetryable(error) || retry >= maxRetries)
          throw callError(config, request.purpose, error, counter.attempts);
        const asked = retryAfterMs(error);
        if (asked !== undefined && asked > (options.maxRetryDelayMs ?? 120_000)) {
          throw new ShirabeError(
            `${config.id}: the provider asked to wait ${Math.round(asked / 1000)} s before retrying (${request.purpose}); try again later`,
            { code: "llm-rate-limited", kind: "network", input: config.id, retryable: true, cause: error },
          );
        }
        await sleep(asked ?? backoffMs(retry, options.retryBaseMs ?? 1000), request.signal);
      }
    }
  };

  return {
    model: config.id,
    async generate<T>(request: LlmRequest<T>): Promise<LlmResult<T>> {
      const startedAt = Date.now();
      const jsonSchema = z.toJSONSchema(request.schema, { io: "input", unrepresentable: "any" });
      const prompt = initialPrompt(request, config.structuredOutput, jsonSchema);
      const key = cacheKey(config.id, config.structuredOutput, prompt, jsonSchema, request);
      const record = (partial: Omit<LlmCallRecord, "purpose" | "model" | "startedAt" | "finishedAt">) =>
        options.onCall?.({
          purpose: request.purpose,
          model: config.id,
          startedAt,
          finishedAt: Date.now(),
          ...partial,
        });

      const hit = options.cache?.getCall(key);
      if (hit) {
        const validation = validateAnswer(hit.text, request.schema);
        if (validation.ok) {
          const usage = { inputTokens: hit.inputTokens, outputTokens: hit.outputTokens, costUsd: 0 };
          record({ ...usage, cached: true, attempts: 0 });
          return { value: validation.value, usage, cached: true };
        }
      }

      const counter = { attempts: 0 };
      const usage = { inputTokens: 0, outputTokens: 0, costUsd: 0 };
      const messages = [...prompt];
      for (let round = 0; ; round++) {
        const attempt = await callWithRetries(messages, request as LlmRequest<unknown>, jsonSchema, counter);
        usage.inputTokens += attempt.inputTokens;
        usage.outputTokens += attempt.outputTokens;
        usage.costUsd = costUsd(config.price, usage.inputTokens, usage.outputTokens);
        const checked = validateAnswer(attempt.text, request.schema);
        const validation =
          checked.ok || !attempt.cut
            ? checked
            : {
                ok: false as const,
                error: `${checked.error}; the answer stopped at the output limit, so write less`,
              };
        if (validation.ok) {
          options.cache?.putCall(key, {
            model: config.id,
            purpose: request.purpose,
            text: attempt.text,
            inputTokens: usage.inputTokens,
            outputTokens: usage.outputTokens,
          });
          record({ ...usage, cached: false, attempts: counter.attempts });
          return { value: validation.value, usage, cached: false };
        }
        if (round >= maxRepairs) {
          record({ ...usage, cached: false, attempts: counter.attempts });
          throw new ShirabeError(
            `${config.id}: the model's answer for ${request.purpose} is still invalid after ${round + 1} tries (${validation.error}); try another model or set "structuredOutput" for it in the config file`,
            { code: "llm-invalid-output", kind: "network", input: config.id },
          );
        }
        messages.push(
          { role: "assistant", content: [{ type: "text", text: attempt.text }] },
          {
            role: "user",
            content: [
              {
                type: "text",
                text: `That answer is invalid: ${validation.error}. Reply again with the corrected JSON object only.`,
              },
            ],
          },
        );
      }
    },
  };
}

const limiters = new Map<string, Limiter>();

/** Clients of the same endpoint (e.g. reports written at once by the server) share its limit. */
function providerLimiter(config: ModelConfig): Limiter {
  const key = `${config.provider.name} ${config.provider.baseURL} ${config.provider.concurrency}`;
  let limiter = limiters.get(key);
  if (!limiter) {
    limiter = createLimiter(config.provider.concurrency);
    limiters.set(key, limiter);
  }
  return limiter;
}

function initialPrompt(
  request: LlmRequest<unknown>,
  mode: ModelConfig["structuredOutput"],
  jsonSchema: unknown,
): LanguageModelV3Prompt {
  // With a native schema the provider carries it; otherwise the prompt must.
  const system =
    mode === "json-schema" ? request.system : `${request.system}\n\n${schemaInstruction(jsonSchema)}`;
  return [
    { role: "system", content: system },
    { role: "user", content: [{ type: "text", text: request.prompt }] },
  ];
}

/** Identical requests to the same model share an answer; keys and endpoints are not part of it. */
function cacheKey(
  model: string,
  mode: string,
  prompt: LanguageModelV3Prompt,
  jsonSchema: unknown,
  request: LlmRequest<unknown>,
): string {
  const params = { mode, schemaName: request.schemaName, maxOutputTokens: request.maxOutputTokens ?? null };
  return createHash("sha256").update(JSON.stringify({ model, prompt, jsonSchema, params })).digest("hex");
}

/** A safe upper bound on tokens: CJK characters count one each, other text one per three characters. */
export function estimateTokens(text: string): number {
  const cjk = text.match(/[\u3000-\u9fff\uac00-\ud7af\uff00-\uffef]/g)?.length ?? 0;
  return cjk + Math.ceil((text.length - cjk) / 3);
}

function worstCase(prompt: LanguageModelV3Prompt, maxOutputTokens: number, config: ModelConfig) {
  const inputTokens = estimateTokens(JSON.stringify(prompt));
  return {
    tokens: inputTokens + maxOutputTokens,
    costUsd: costUsd(config.price, inputTokens, maxOutputTokens),
  };
}

interface StreamOptions {
  maxOutputTokens: number;
  jsonSchema: unknown;
  schemaName: string;
  mode: ModelConfig["structuredOutput"];
  timeoutMs: number;
  idleTimeoutMs: number;
  signal: AbortSignal | undefined;
}

/** One streamed request. A stream that stalls, ends without a finish reason or errors is retryable. */
async function streamAnswer(
  model: LanguageModelV3,
  prompt: LanguageModelV3Prompt,
  options: StreamOptions,
): Promise<Attempt> {
  const controller = new AbortController();
  const onAbort = () => controller.abort(options.signal?.reason);
  options.signal?.addEventListener("abort", onAbort, { once: true });
  let timedOut = "";
  const total = setTimeout(() => {
    timedOut = `no complete answer within ${options.timeoutMs} ms`;
    controller.abort();
  }, options.timeoutMs);
  let idle: NodeJS.Timeout | undefined;
  const resetIdle = () => {
    clearTimeout(idle);
    idle = setTimeout(() => {
      timedOut = `no data for ${options.idleTimeoutMs} ms`;
      controller.abort();
    }, options.idleTimeoutMs);
  };
  try {
    resetIdle();
    const { stream } = await model.doStream({
      prompt,
      maxOutputTokens: options.maxOutputTokens,
      temperature: 0,
      abortSignal: controller.signal,
      // OpenAI's strict mode rejects optional fields and length limits; the answer is validated anyway.
      providerOptions: { openaiCompatible: { strictJsonSchema: false } },
      ...(options.mode === "prompted"
        ? {}
        : {
            responseFormat: {
              type: "json" as const,
              ...(options.mode === "json-schema"
                ? { schema: options.jsonSchema as never, name: options.schemaName }
                : {}),
            },
          }),
    });
    let text = "";
    let finished: { inputTokens?: number; outputTokens?: number; reason: string } | undefined;
    const reader = stream.getReader();
    for (;;) {
      const { done, value: part } = await reader.read();
      if (done) break;
      resetIdle();
      if (part.type === "text-delta") text += part.delta;
      else if (part.type === "error") throw new RetryableCallError(`stream error: ${describe(part.error)}`);
      else if (part.type === "finish") {
        finished = {
          reason: part.finishReason.unified,
          ...(part.usage.inputTokens.total !== undefined
            ? { inputTokens: part.usage.inputTokens.total }
            : {}),
          ...(part.usage.outputTokens.total !== undefined
            ? { outputTokens: part.usage.outputTokens.total }
            : {}),
        };
      }
    }
    if (!finished || finished.reason === "error")
      throw new RetryableCallError("the answer stream ended early");
    return {
      text,
      cut: finished.reason === "length",
      inputTokens: finished.inputTokens ?? estimateTokens(JSON.stringify(prompt)),
      outputTokens: finished.outputTokens ?? estimateTokens(text),
    };
  } catch (error) {
    if (timedOut) throw new RetryableCallError(timedOut, { cause: error });
    throw error;
  } finally {
    clearTimeout(total);
    clearTimeout(idle);
    options.signal?.removeEventListener("abort", onAbort);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function callError(config: ModelConfig, purpose: string, error: unknown, attempts: number): ShirabeError {
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
