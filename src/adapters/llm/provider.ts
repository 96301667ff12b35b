// Builds the Vercel AI SDK model for a resolved config. Nothing here reads the environment. The config is
// checked when the client is made; the provider package loads with the first call (see sdk-modules.ts).
import type { LanguageModelV3 } from "@ai-sdk/provider";
import { ShirabeError } from "../../errors.js";
import type { ModelConfig } from "./models.js";
import { loadAnthropic, loadGoogle, loadOpenAiCompatible } from "./sdk-modules.js";

/** Throws the usage error a config that cannot make a model gets, before anything is sent. */
export function checkModelConfig(config: ModelConfig): void {
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
}

export async function languageModelFor(config: ModelConfig): Promise<LanguageModelV3> {
  checkModelConfig(config);
  const { provider } = config;
  if (provider.kind === "anthropic") {
    const { createAnthropic } = await loadAnthropic();
    return createAnthropic({ baseURL: provider.baseURL, apiKey: provider.apiKey ?? "" })(config.modelId);
  }
  if (provider.kind === "google") {
    const { createGoogleGenerativeAI } = await loadGoogle();
    return createGoogleGenerativeAI({ baseURL: provider.baseURL, apiKey: provider.apiKey ?? "" })(
      config.modelId,
    );
  }
  const { createOpenAICompatible } = await loadOpenAiCompatible();
  return createOpenAICompatible({
    name: provider.name,
    baseURL: provider.baseURL,
    ...(provider.apiKey ? { apiKey: provider.apiKey } : {}),
    includeUsage: true,
    supportsStructuredOutputs: config.structuredOutput === "json-schema",
  }).chatModel(config.modelId);
}
