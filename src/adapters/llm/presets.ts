// Known providers: where they listen, which environment variable holds their key, and how their models
// are asked for JSON. A config file can add providers or override any field.

/** How a model is asked for JSON: a JSON schema, plain JSON mode, or only the prompt (then validated). */
export type StructuredOutputMode = "json-schema" | "json-mode" | "prompted";

export type ProviderKind = "openai-compatible" | "anthropic" | "google";

export interface ProviderPreset {
  kind: ProviderKind;
  baseURL: string;
  /** Environment variable with the API key; null for local servers that need none. */
  keyEnv: string | null;
  structuredOutput: StructuredOutputMode;
  /** Calls in flight at once to this provider. */
  concurrency: number;
}

export const PROVIDER_PRESETS: Readonly<Record<string, ProviderPreset>> = {
  openai: {
    kind: "openai-compatible",
    baseURL: "https://api.openai.com/v1",
    keyEnv: "OPENAI_API_KEY",
    structuredOutput: "json-schema",
    concurrency: 8,
  },
  deepseek: {
    kind: "openai-compatible",
    baseURL: "https://api.deepseek.com/v1",
    keyEnv: "DEEPSEEK_API_KEY",
    // DeepSeek accepts response_format json_object but not a JSON schema.
    structuredOutput: "json-mode",
    concurrency: 8,
  },
  qwen: {
    kind: "openai-compatible",
    baseURL: "https://dashscope-intl.aliyuncs.com/compatible-mode/v1",
    keyEnv: "DASHSCOPE_API_KEY",
    structuredOutput: "json-mode",
    concurrency: 8,
  },
  openrouter: {
    kind: "openai-compatible",
    baseURL: "https://openrouter.ai/api/v1",
    keyEnv: "OPENROUTER_API_KEY",
    // Not every routed model honours a schema; JSON mode plus validation works across them.
    structuredOutput: "json-mode",
    concurrency: 8,
  },
  ollama: {
    kind: "openai-compatible",
    baseURL: "http://127.0.0.1:11434/v1",
    keyEnv: null,
    // Many small local models ignore response_format; a prompted schema with validation and repair works.
    structuredOutput: "prompted",
    concurrency: 1,
  },
  vllm: {
    kind: "openai-compatible",
    baseURL: "http://127.0.0.1:8000/v1",
    keyEnv: "VLLM_API_KEY",
    structuredOutput: "json-schema",
    concurrency: 4,
  },
  llamacpp: {
    kind: "openai-compatible",
    baseURL: "http://127.0.0.1:8080/v1",
    keyEnv: null,
    structuredOutput: "prompted",
    concurrency: 1,
  },
  anthropic: {
    kind: "anthropic",
    baseURL: "https://api.anthropic.com/v1",
    keyEnv: "ANTHROPIC_API_KEY",
    structuredOutput: "prompted",
    concurrency: 4,
  },
  google: {
    kind: "google",
    baseURL: "https://generativelanguage.googleapis.com/v1beta",
    keyEnv: "GOOGLE_GENERATIVE_AI_API_KEY",
    structuredOutput: "json-schema",
    concurrency: 4,
  },
};

/** Other names users type for a preset. */
export const PROVIDER_ALIASES: Readonly<Record<string, string>> = {
  gemini: "google",
  dashscope: "qwen",
  "llama.cpp": "llamacpp",
};
