// Builds the Vercel AI SDK model for a resolved config. Nothing here reads the environment.
import { createAnthropic } from "@ai-sdk/anthropic";
import { createGoogleGenerativeAI } from "@ai-sdk/google";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import type { LanguageModelV3 } from "@ai-sdk/provider";
import { ShirabeError } from "../../errors.js";
import type { ModelConfig } from "./models.js";

export function languageModelFor(config: ModelConfig): LanguageModelV3 {
  const { provider } = config;
  if (!provider.baseURL) {
    throw new ShirabeError(
      `${config.id}: provider "${provider.name}" has no baseURL; set it in the config file`,
      {
        code: "bad-model",
        kind: "usage",
        input: config.id,
      },
    );
  }
  if (provider.kind === "anthropic") {
    return createAnthropic({ baseURL: provider.baseURL, apiKey: provider.apiKey ?? "" })(config.modelId);
  }
  if (provider.kind === "google") {
    return createGoogleGenerativeAI({ baseURL: provider.baseURL, apiKey: provider.apiKey ?? "" })(
      config.modelId,
    );
  }
  return createOpenAICompatible({
    name: provider.name,
    baseURL: provider.baseURL,
    ...(provider.apiKey ? { apiKey: provider.apiKey } : {}),
    includeUsage: true,
    supportsStructuredOutputs: config.structuredOutput === "json-schema",
  }).chatModel(config.modelId);
}
