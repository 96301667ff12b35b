// "provider:model" → everything needed to call it: endpoint, key, JSON mode, concurrency, price.
import { ShirabeError } from "../../errors.js";
import {
  PROVIDER_ALIASES,
  PROVIDER_PRESETS,
  type ProviderPreset,
  type StructuredOutputMode,
} from "./presets.js";
import { DEFAULT_PRICES, type ModelPrice } from "./prices.js";

export interface ProviderConfig extends ProviderPreset {
  name: string;
  /** Never logged, stored or hashed into cache keys. */
  apiKey: string | undefined;
}

export interface ModelConfig {
  /** "provider:model" with the provider's canonical name. */
  id: string;
  modelId: string;
  provider: ProviderConfig;
  structuredOutput: StructuredOutputMode;
  price: ModelPrice | undefined;
}

/** What a config file may say (validated by the CLI's config reader). */
export interface LlmFileConfig {
  model?: string;
  providers?: Record<string, Partial<ProviderPreset>>;
  /** Per "provider:model": how to ask it for JSON. */
  models?: Record<string, { structuredOutput?: StructuredOutputMode }>;
  prices?: Record<string, ModelPrice>;
}

export function parseModelSpec(spec: string): { provider: string; modelId: string } {
  // Split at the first colon only: Ollama model names carry tags such as "qwen2.5:7b".
  const colon = spec.indexOf(":");
  const provider = colon > 0 ? spec.slice(0, colon).trim().toLowerCase() : "";
  const modelId = colon > 0 ? spec.slice(colon + 1).trim() : "";
  if (!provider || !modelId) {
    throw new ShirabeError(
      `--model ${spec}: expected provider:model, e.g. deepseek:deepseek-chat or ollama:qwen2.5:7b`,
      {
        code: "bad-model",
        kind: "usage",
        input: spec,
      },
    );
  }
  return { provider: PROVIDER_ALIASES[provider] ?? provider, modelId };
}

/** Every provider known from the presets and the config file, with its key looked up in `env`. */
export function resolveProviders(
  file: LlmFileConfig,
  env: Record<string, string | undefined>,
): ProviderConfig[] {
  // A config file may name a provider by an alias ("gemini"); it overrides the canonical preset.
  const overrides = new Map<string, Partial<ProviderPreset>>();
  for (const [name, value] of Object.entries(file.providers ?? {})) {
    const canonical = PROVIDER_ALIASES[name.toLowerCase()] ?? name.toLowerCase();
    overrides.set(canonical, { ...overrides.get(canonical), ...value });
  }
  const names = new Set([...Object.keys(PROVIDER_PRESETS), ...overrides.keys()]);
  return [...names].map((name) => {
    const preset = PROVIDER_PRESETS[name];
    const override = overrides.get(name) ?? {};
    const merged = { ...defaultPreset(), ...preset, ...override };
    const apiKey = merged.keyEnv ? env[merged.keyEnv] || undefined : undefined;
    return { name, ...merged, apiKey };
  });
}

export function resolveModel(
  spec: string,
  file: LlmFileConfig,
  env: Record<string, string | undefined>,
): ModelConfig {
  const { provider: name, modelId } = parseModelSpec(spec);
  const provider = resolveProviders(file, env).find((p) => p.name === name);
  if (!provider) {
    const known = Object.keys(PROVIDER_PRESETS).join(", ");
    throw new ShirabeError(
      `--model ${spec}: unknown provider "${name}"; use one of ${known} or add it under "providers" in the config file`,
      { code: "bad-model", kind: "usage", input: spec },
    );
  }
  if (provider.keyEnv && !provider.apiKey && !isLocal(provider)) {
    throw new ShirabeError(`--model ${spec}: no API key; set ${provider.keyEnv} in the environment`, {
      code: "missing-key",
      kind: "usage",
      input: spec,
    });
  }
  const id = `${name}:${modelId}`;
  return {
    id,
    modelId,
    provider,
    structuredOutput: file.models?.[id]?.structuredOutput ?? provider.structuredOutput,
    price: file.prices?.[id] ?? DEFAULT_PRICES[id],
  };
}

function isLocal(provider: ProviderPreset): boolean {
  return /^https?:\/\/(127\.|localhost|\[::1\])/.test(provider.baseURL);
}

/** A provider named only in the config file is an OpenAI-compatible endpoint unless it says otherwise. */
function defaultPreset(): ProviderPreset {
  return {
    kind: "openai-compatible",
    baseURL: "",
    keyEnv: null,
    structuredOutput: "json-mode",
    concurrency: 4,
  };
}
