// The Embedder over an OpenAI-compatible /v1/embeddings endpoint through the AI SDK, with an in-memory
// cache per (model, text) for the run: the same passage is ranked against many sections.
import { createHash } from "node:crypto";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import type { EmbeddingModelV3 } from "@ai-sdk/provider";
import { embedMany } from "ai";
import { ShirabeError } from "../../errors.js";
import type { Embedder } from "../../ports/embed.js";
import type { ModelConfig } from "./models.js";

export interface EmbedderOptions {
  config: ModelConfig;
  /** Defaults to the AI SDK embedding model built from `config`. */
  model?: EmbeddingModelV3;
  /** New attempts after a retryable failure. Default 2. */
  maxRetries?: number;
}

export function createEmbedder(options: EmbedderOptions): Embedder {
  const { config } = options;
  const model = options.model ?? embeddingModelFor(config);
  const cache = new Map<string, number[]>();
  const keyOf = (text: string) => createHash("sha256").update(`${config.id}\n${text}`).digest("hex");
  return {
    model: config.id,
    async embed(texts, signal) {
      const missing = [...new Set(texts.filter((text) => !cache.has(keyOf(text))))];
      if (missing.length > 0) {
        try {
          const { embeddings } = await embedMany({
            model,
            values: missing,
            maxRetries: options.maxRetries ?? 2,
            maxParallelCalls: config.provider.concurrency,
            ...(signal ? { abortSignal: signal } : {}),
          });
          missing.forEach((text, index) => {
            cache.set(keyOf(text), embeddings[index] as number[]);
          });
        } catch (error) {
          if (signal?.aborted) throw error;
          throw new ShirabeError(
            `${config.id}: embedding ${missing.length} texts failed (${error instanceof Error ? error.message : String(error)}); check --embed-model or leave it out to rank by keywords`,
            { code: "embed-failed", kind: "network", input: config.id, retryable: true, cause: error },
          );
        }
      }
      return texts.map((text) => cache.get(keyOf(text)) as number[]);
    },
  };
}

/** Only OpenAI-compatible endpoints (OpenAI, vLLM, Ollama, llama.cpp, …) serve /v1/embeddings here. */
export function embeddingModelFor(config: ModelConfig): EmbeddingModelV3 {
  const { provider } = config;
  if (provider.kind !== "openai-compatible" || !provider.baseURL) {
    throw new ShirabeError(
      `--embed-model ${config.id}: provider "${provider.name}" has no OpenAI-compatible embeddings endpoint; use one that does (openai, ollama, vllm, …)`,
      { code: "bad-model", kind: "usage", input: config.id },
    );
  }
  return createOpenAICompatible({
    name: provider.name,
    baseURL: provider.baseURL,
    ...(provider.apiKey ? { apiKey: provider.apiKey } : {}),
  }).embeddingModel(config.modelId);
}
