// One attempt at a call through the AI SDK's streamText: the answer's text, whether the output limit cut
// it, and whether it came from the call cache. Timeouts are the SDK's (in all, and between chunks once the
// answer flows) plus a wait for the first chunk, which the SDK's chunk timeout does not cover. A stall, a
// stream that ends without its finish, or a stream error is a RetryableCallError.
import type { LanguageModelV3 } from "@ai-sdk/provider";
import type { ModelMessage, Output } from "ai";
import { HandedBack } from "../../ports/llm.js";
import { CACHED_METADATA } from "./cache-middleware.js";
import { describe } from "./call-errors.js";
import { RetryableCallError } from "./retry.js";
import { loadAiSdk } from "./sdk-modules.js";

export interface AnswerRequest {
  /** The provider's model wrapped in the cache and budget middleware. */
  model: LanguageModelV3;
  system: string;
  messages: ModelMessage[];
  /** How the provider is asked for JSON; none for a prompted schema. */
  output: Output.Output | undefined;
  maxOutputTokens: number;
  /** The attempt may take this long in all. */
  timeoutMs: number;
  /** The longest wait for the first chunk and between chunks. */
  idleTimeoutMs: number;
  signal: AbortSignal | undefined;
  /** With a HandedBack abort, an answer already asked for is read on for this long (into the cache). */
  finishSentMs: number;
}

export interface Answer {
  text: string;
  /** True when the answer stopped at the output-token limit. */
  cut: boolean;
  /** True when the call cache answered and nothing was sent. */
  cached: boolean;
}

export async function streamAnswer(request: AnswerRequest): Promise<Answer> {
  const firstChunk = new AbortController();
  const waiting = setTimeout(
    () => firstChunk.abort(new DOMException(`no data for ${request.idleTimeoutMs} ms`, "TimeoutError")),
    request.idleTimeoutMs,
  );
  const { streamText } = await loadAiSdk();
  if (request.signal?.aborted) {
    clearTimeout(waiting);
    throw request.signal.reason;
  }
  const callStop = new AbortController();
  let finishing: ReturnType<typeof setTimeout> | undefined;
  const onAbort = () => {
    const reason = request.signal?.reason;
    if (!(reason instanceof HandedBack) || request.finishSentMs <= 0) callStop.abort(reason);
    else finishing = setTimeout(() => callStop.abort(reason), request.finishSentMs);
  };
  request.signal?.addEventListener("abort", onAbort, { once: true });
  const result = streamText({
    model: request.model,
    system: request.system,
    messages: request.messages,
    ...(request.output ? { output: request.output } : {}),
    maxOutputTokens: request.maxOutputTokens,
    temperature: 0,
    // Retries are the client's: it also retries cut streams and stalls, and counts every attempt.
    maxRetries: 0,
    abortSignal: AbortSignal.any([callStop.signal, firstChunk.signal]),
    timeout: { totalMs: request.timeoutMs, chunkMs: request.idleTimeoutMs },
    // OpenAI's strict mode rejects optional fields and length limits; the answer is validated anyway.
    providerOptions: { openaiCompatible: { strictJsonSchema: false } },
    onError: () => {},
  });
  let text = "";
  let began = false;
  let finish: { reason: string; cached: boolean } | undefined;
  let failure: unknown;
  let aborted: string | undefined;
  try {
    for await (const part of result.fullStream) {
      if (part.type === "start-step") {
        began = true;
        clearTimeout(waiting);
      } else if (part.type === "text-delta") text += part.text;
      else if (part.type === "finish-step") {
        finish = {
          reason: part.finishReason,
          cached: part.providerMetadata?.shirabe?.cached === CACHED_METADATA.shirabe.cached,
        };
      } else if (part.type === "error") failure ??= part.error;
      else if (part.type === "abort") aborted = part.reason ?? "aborted";
    }
  } catch (error) {
    failure ??= error;
  } finally {
    clearTimeout(waiting);
    clearTimeout(finishing);
    request.signal?.removeEventListener("abort", onAbort);
  }
  if (request.signal?.aborted) throw request.signal.reason;
  if (failure !== undefined) {
    if (isTimeout(failure)) throw new RetryableCallError(describe(failure), { cause: failure });
    // Once the answer flows, any failure is the stream being cut: worth another attempt.
    if (began)
      throw new RetryableCallError(`the answer stream was cut (${describe(failure)})`, { cause: failure });
    throw failure;
  }
  // Only our own timers abort the stream when the caller did not.
  if (aborted !== undefined) throw new RetryableCallError(aborted);
  if (!finish || finish.reason === "error") throw new RetryableCallError("the answer stream ended early");
  return { text, cut: finish.reason === "length", cached: finish.cached };
}

function isTimeout(error: unknown): boolean {
  const name = (error as { name?: string } | null)?.name;
  return name === "TimeoutError" || name === "AbortError";
}
