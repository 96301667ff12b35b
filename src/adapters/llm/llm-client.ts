// The LlmClient over a Vercel AI SDK model. Each call streams through the SDK's streamText with the
// provider's JSON mode, the call cache and the budget wrapped around the model as middleware
// (wrapLanguageModel), one provider-wide concurrency limit, retries of failed or cut attempts, and
// validation with repair rounds that send the error back. stop() ends a run without losing paid answers.
import type { LanguageModelV3 } from "@ai-sdk/provider";
import type { ModelMessage } from "ai";
import { z } from "zod";
import { ShirabeError } from "../../errors.js";
import type {
  LlmCallCache,
  LlmCallRecord,
  LlmClient,
  LlmRequest,
  LlmResult,
  LlmUsage,
} from "../../ports/llm.js";
import type { Budget } from "./budget.js";
import { type AttemptSpend, budgetMiddleware } from "./budget-middleware.js";
import { cacheMiddleware } from "./cache-middleware.js";
import { callError, invalidOutputError, rateLimitedError, stoppedError } from "./call-errors.js";
import { schemaInstruction, validateAnswer } from "./json-output.js";
import type { ModelConfig } from "./models.js";
import { checkModelConfig, languageModelFor } from "./provider.js";
import { type Limiter, providerLimiter, runLimited } from "./provider-limiter.js";
import { backoffMs, isRetryable, retryAfterMs, sleep } from "./retry.js";
import { loadAiSdk } from "./sdk-modules.js";
import { type Answer, streamAnswer } from "./stream-answer.js";

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
  /** Longest silence allowed before and while the answer streams. Default 60 s. */
  idleTimeoutMs?: number;
  /** First backoff step when the server gives no retry-after. Default 1 s. */
  retryBaseMs?: number;
  /** A retry-after longer than this fails the call instead of waiting. Default 120 s. */
  maxRetryDelayMs?: number;
  maxOutputTokens?: number;
  /**
   * After an abort whose reason is HandedBack, a call already sent reads its answer on this long so it
   * lands in the cache and the job's next run does not pay for it again. Default 30 s.
   */
  finishSentCallsMs?: number;
  onCall?: (record: LlmCallRecord) => void;
}

/** A client that can be stopped when its run fails or its budget stops it. */
export interface StoppableLlmClient extends LlmClient {
  /**
   * Sends nothing more: calls waiting for their turn or for a retry end with "llm-stopped". Resolves once
   * the calls already in flight have finished and their answers and usage are recorded.
   */
  stop(): Promise<void>;
}

const DEFAULT_MAX_OUTPUT_TOKENS = 4096;

export function createLlmClient(options: LlmClientOptions): StoppableLlmClient {
  const { config } = options;
  if (!options.model) checkModelConfig(config);
  let model: Promise<LanguageModelV3> | undefined;
  const modelReady = () => {
    model ??= options.model ? Promise.resolve(options.model) : languageModelFor(config);
    return model;
  };
  const limiter = options.limiter ?? providerLimiter(config);
  const maxRetries = options.maxRetries ?? 3;
  const maxRepairs = options.maxRepairs ?? 2;
  const stopping = new AbortController();
  const running = new Set<Promise<unknown>>();

  /** Every request of one call goes through these middleware, which tally what the call spent. */
  const modelForCall = async (purpose: string, usage: LlmUsage & { paid: number }) =>
    (await loadAiSdk()).wrapLanguageModel({
      model: await modelReady(),
      middleware: [
        ...(options.cache
          ? [
              cacheMiddleware({
                cache: options.cache,
                model: config.id,
                purpose,
                onHit: (hit) => {
                  usage.inputTokens += hit.inputTokens;
                  usage.outputTokens += hit.outputTokens;
                },
              }),
            ]
          : []),
        budgetMiddleware({
          budget: options.budget,
          price: config.price,
          defaultMaxOutputTokens: options.maxOutputTokens ?? DEFAULT_MAX_OUTPUT_TOKENS,
          onSpend: (spend: AttemptSpend) => {
            usage.inputTokens += spend.inputTokens;
            usage.outputTokens += spend.outputTokens;
            usage.costUsd += spend.costUsd;
            usage.paid++;
          },
        }),
      ],
    });

  const attemptWithRetries = async (
    attempt: () => Promise<Answer>,
    request: LlmRequest<unknown>,
    counter: { attempts: number },
  ): Promise<Answer> => {
    const waitSignal = request.signal ? AbortSignal.any([request.signal, stopping.signal]) : stopping.signal;
    for (let retry = 0; ; retry++) {
      if (stopping.signal.aborted) throw stoppedError(config, request.purpose);
      counter.attempts++;
      try {
        const answer = await runLimited(limiter, attempt, stopping.signal);
        if (answer.cached) counter.attempts--;
        return answer;
      } catch (error) {
        if (request.signal?.aborted || error instanceof ShirabeError) throw error;
        if (stopping.signal.aborted && error === stopping.signal.reason) {
          counter.attempts--;
          throw stoppedError(config, request.purpose);
        }
        if (!isRetryable(error) || retry >= maxRetries)
          throw callError(config, request.purpose, error, counter.attempts);
        const asked = retryAfterMs(error);
        if (asked !== undefined && asked > (options.maxRetryDelayMs ?? 120_000))
          throw rateLimitedError(config, request.purpose, asked, error);
        await sleep(asked ?? backoffMs(retry, options.retryBaseMs ?? 1000), waitSignal).catch((reason) => {
          throw stopping.signal.aborted && !request.signal?.aborted
            ? stoppedError(config, request.purpose)
            : reason;
        });
      }
    }
  };

  const generate = async <T>(request: LlmRequest<T>): Promise<LlmResult<T>> => {
    const startedAt = Date.now();
    const converted = z.toJSONSchema(request.schema, { io: "input", unrepresentable: "any" });
    const { jsonSchema, Output } = await loadAiSdk();
    // With a native schema the provider carries it; otherwise the prompt must.
    const mode = config.structuredOutput;
    const system =
      mode === "json-schema" ? request.system : `${request.system}\n\n${schemaInstruction(converted)}`;
    const output =
      mode === "json-schema"
        ? Output.object({
            schema: jsonSchema(converted as Parameters<typeof jsonSchema>[0], {
              validate: (value) => {
                const parsed = request.schema.safeParse(value);
                return parsed.success
                  ? { success: true, value: parsed.data }
                  : { success: false, error: parsed.error };
              },
            }),
            name: request.schemaName,
          })
        : mode === "json-mode"
          ? Output.json()
          : undefined;
    const usage = { inputTokens: 0, outputTokens: 0, costUsd: 0, paid: 0 };
    const counter = { attempts: 0 };
    const callModel = await modelForCall(request.purpose, usage);
    const messages: ModelMessage[] = [{ role: "user", content: request.prompt }];
    const attempt = () =>
      streamAnswer({
        model: callModel,
        system,
        messages,
        output,
        maxOutputTokens: request.maxOutputTokens ?? options.maxOutputTokens ?? DEFAULT_MAX_OUTPUT_TOKENS,
        timeoutMs: options.timeoutMs ?? 180_000,
        idleTimeoutMs: options.idleTimeoutMs ?? 60_000,
        signal: request.signal,
        finishSentMs: options.finishSentCallsMs ?? 30_000,
      });
    // Every call that asked anything is recorded, answered or not: what it paid belongs in the usage line.
    const record = () => {
      const { paid, ...totals } = usage;
      options.onCall?.({
        purpose: request.purpose,
        model: config.id,
        ...totals,
        cached: paid === 0,
        attempts: counter.attempts,
        startedAt,
        finishedAt: Date.now(),
      });
    };
    try {
      for (let round = 0; ; round++) {
        const answer = await attemptWithRetries(attempt, request as LlmRequest<unknown>, counter);
        const checked = validateAnswer(answer.text, request.schema, { cut: answer.cut });
        const validation =
          checked.ok || !answer.cut
            ? checked
            : {
                ok: false as const,
                error: `${checked.error}; the answer stopped at the output limit, so write less`,
              };
        if (validation.ok) {
          record();
          const { paid, ...totals } = usage;
          return { value: validation.value, usage: totals, cached: paid === 0 };
        }
        if (round >= maxRepairs)
          throw invalidOutputError(config, request.purpose, round + 1, validation.error);
        messages.push(
          { role: "assistant", content: answer.text },
          {
            role: "user",
            content: `That answer is invalid: ${validation.error}. Reply again with the corrected JSON object only.`,
          },
        );
      }
    } catch (error) {
      if (usage.paid > 0 || usage.inputTokens > 0) record();
      throw error;
    }
  };

  return {
    model: config.id,
    generate<T>(request: LlmRequest<T>): Promise<LlmResult<T>> {
      if (stopping.signal.aborted) return Promise.reject(stoppedError(config, request.purpose));
      const call = generate(request);
      running.add(call);
      const forget = () => running.delete(call);
      call.then(forget, forget);
      return call;
    },
    async stop() {
      stopping.abort(new Error("stopped"));
      await Promise.allSettled([...running]);
    },
  };
}
