export { type Budget, type BudgetLimits, createBudget } from "./budget.js";
export { createEmbedder, type EmbedderOptions, embeddingModelFor } from "./embedder.js";
export { createLlmClient, type LlmClientOptions, type StoppableLlmClient } from "./llm-client.js";
export {
  type LlmFileConfig,
  type ModelConfig,
  type ProviderConfig,
  parseModelSpec,
  resolveModel,
  resolveProviders,
} from "./models.js";
export {
  PROVIDER_ALIASES,
  PROVIDER_PRESETS,
  type ProviderPreset,
  type StructuredOutputMode,
} from "./presets.js";
export { costUsd, DEFAULT_PRICES, type ModelPrice } from "./prices.js";
export { languageModelFor } from "./provider.js";
export { createLimiter, type Limiter } from "./provider-limiter.js";
export { estimateTokens } from "./token-estimate.js";
