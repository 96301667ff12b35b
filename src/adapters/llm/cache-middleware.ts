// The call cache as AI SDK language-model middleware: every answer a provider finished is stored under a
// hash of what was asked, the moment its stream ends, and an identical request is answered from the store
// without being sent. Each round of a call (first answer, repair rounds) is its own entry, so a run that
// failed or was stopped keeps every answer it paid for and --resume pays only for what was never answered.
import { createHash } from "node:crypto";
import type {
  LanguageModelV3CallOptions,
  LanguageModelV3Middleware,
  LanguageModelV3StreamPart,
  LanguageModelV3Usage,
} from "@ai-sdk/provider";
import type { LlmCallCache } from "../../ports/llm.js";
import { watchStream } from "./stream-watch.js";
import { estimatePromptTokens, estimateTokens } from "./token-estimate.js";

export interface CacheMiddlewareOptions {
  cache: LlmCallCache;
  /** "provider:model"; part of the key. Keys and endpoints never are. */
  model: string;
  /** Stored with the answer, for reading the cache table. */
  purpose: string;
  onHit?: (hit: { inputTokens: number; outputTokens: number }) => void;
}

/** Marks a replayed answer in the finish part's provider metadata. */
export const CACHED_METADATA = { shirabe: { cached: true } };

export function cacheMiddleware(options: CacheMiddlewareOptions): LanguageModelV3Middleware {
  return {
    specificationVersion: "v3",
    async wrapStream({ doStream, params }) {
      const key = callKey(options.model, params);
      const hit = await options.cache.getCall(key);
      if (hit) {
        options.onHit?.(hit);
        // A stored answer as long as the output allowance stopped there, as it did when it was paid for.
        const cut = params.maxOutputTokens !== undefined && hit.outputTokens >= params.maxOutputTokens;
        return { stream: replay(hit, cut) };
      }
      const result = await doStream();
      let text = "";
      let finish: { usage: LanguageModelV3Usage; reason: string } | undefined;
      const stream = watchStream(result.stream, {
        onPart(part) {
          if (part.type === "text-delta") text += part.delta;
          else if (part.type === "finish") finish = { usage: part.usage, reason: part.finishReason.unified };
        },
        onEnd(end) {
          if (end !== "finished" || !finish || finish.reason === "error") return;
          void Promise.resolve(
            options.cache.putCall(key, {
              model: options.model,
              purpose: options.purpose,
              text,
              inputTokens: finish.usage.inputTokens.total ?? estimatePromptTokens(params.prompt),
              outputTokens: finish.usage.outputTokens.total ?? estimateTokens(text),
            }),
          ).catch(() => {
            // A cache that cannot keep the answer costs a repeat later, never this call.
          });
        },
      });
      return { ...result, stream };
    },
  };
}

/** Identical requests to the same model share an answer: the prompt, the JSON format and the limits. */
function callKey(model: string, params: LanguageModelV3CallOptions): string {
  const asked = {
    model,
    prompt: params.prompt,
    responseFormat: params.responseFormat ?? null,
    maxOutputTokens: params.maxOutputTokens ?? null,
    temperature: params.temperature ?? null,
  };
  return createHash("sha256").update(JSON.stringify(asked)).digest("hex");
}

function replay(
  hit: { text: string; inputTokens: number; outputTokens: number },
  cut: boolean,
): ReadableStream<LanguageModelV3StreamPart> {
  const parts: LanguageModelV3StreamPart[] = [
    { type: "stream-start", warnings: [] },
    { type: "text-start", id: "cached" },
    { type: "text-delta", id: "cached", delta: hit.text },
    { type: "text-end", id: "cached" },
    {
      type: "finish",
      finishReason: { unified: cut ? "length" : "stop", raw: undefined },
      usage: {
        inputTokens: {
          total: hit.inputTokens,
          noCache: undefined,
          cacheRead: undefined,
          cacheWrite: undefined,
        },
        outputTokens: { total: hit.outputTokens, text: undefined, reasoning: undefined },
      },
      providerMetadata: CACHED_METADATA,
    },
  ];
  return new ReadableStream({
    start(controller) {
      for (const part of parts) controller.enqueue(part);
      controller.close();
    },
  });
}
