// The Embedder over an OpenAI-compatible /v1/embeddings endpoint through the AI SDK, with an in-memory
// cache per (model, text) for the run: the same passage is ranked against many sections.
import { createHash } from "node:crypto";
import type { EmbeddingModelV3 } from "@ai-sdk/provider";
import { ShirabeError } from "../../errors.js";
import type { Embedder } from "../../ports/embed.js";
import type { ModelConfig } from "./models.js";
import { loadAiSdk, loadOpenAiCompatible } from "./sdk-modules.js";

export interface EmbedderOptions {
  config: ModelConfig;
  /** Defaults to the AI SDK embedding model built from `config`. */
  model?: EmbeddingModelV3;
  /** New attempts after a retryable failure. Default 2. */
  maxRetries?: number;
}

export function createEmbedder(options: EmbedderOptions): Embedder {
  const { config } = options;
  if (!options.model) checkEmbeddingConfig(config);
  let model: Promise<EmbeddingModelV3> | undefined;
  const cache = new Map<string, number[]>();
  const keyOf = (text: string) => createHash("sha256").update(`${config.id}\n${text}`).digest("hex");
  return {
    model: config.id,
    async embed(texts, signal) {
      const missing = [...new Set(texts.filter((text) => !cache.has(keyOf(text))))];
      if (missing.length > 0) {
        try {
          model ??= options.model ? Promise.resolve(options.model) : embeddingModelFor(config);
          const { embedMany } = await loadAiSdk();
          const { embeddings } = await embedMany({
            model: await model,
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
function checkEmbeddingConfig(config: ModelConfig): void {
  const { provider } = config;
  if (provider.kind !== "openai-compatible" || !provider.baseURL) {
    throw new ShirabeError(
      `--embed-model ${config.id}: provider "${provider.name}" has no OpenAI-compatible embeddings endpoint; use one that does (openai, ollama, vllm, …)`,
      { code: "bad-model", kind: "usage", input: config.id },
    );
  }
}

export async function embeddingModelFor(config: ModelConfig): Promise<EmbeddingModelV3> {
  checkEmbeddingConfig(config);
  const { provider } = config;
  const { createOpenAICompatible } = await loadOpenAiCompatible();
  return createOpenAICompatible({
    name: provider.name,
    baseURL: provider.baseURL as string,
    ...(provider.apiKey ? { apiKey: provider.apiKey } : {}),
  }).embeddingModel(config.modelId);
}
