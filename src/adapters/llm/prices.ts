// Estimated prices in US dollars per million tokens. Edit here or override per model in the config file
// ("prices": {"deepseek:deepseek-chat": {"input": 0.27, "output": 1.1}}). A model without a price costs 0.

export interface ModelPrice {
  input: number;
  output: number;
}

export const DEFAULT_PRICES: Readonly<Record<string, ModelPrice>> = {
  "deepseek:deepseek-chat": { input: 0.27, output: 1.1 },
  "deepseek:deepseek-reasoner": { input: 0.55, output: 2.19 },
  "openai:gpt-4o-mini": { input: 0.15, output: 0.6 },
  "openai:gpt-4o": { input: 2.5, output: 10 },
  "openai:gpt-4.1-mini": { input: 0.4, output: 1.6 },
  "openai:gpt-4.1": { input: 2, output: 8 },
  "qwen:qwen-plus": { input: 0.4, output: 1.2 },
  "qwen:qwen-max": { input: 1.6, output: 6.4 },
  "anthropic:claude-3-5-haiku-latest": { input: 0.8, output: 4 },
  "anthropic:claude-sonnet-4-0": { input: 3, output: 15 },
  "google:gemini-2.0-flash": { input: 0.1, output: 0.4 },
  "google:gemini-2.5-flash": { input: 0.3, output: 2.5 },
  "google:gemini-2.5-pro": { input: 1.25, output: 10 },
};

export function costUsd(price: ModelPrice | undefined, inputTokens: number, outputTokens: number): number {
  if (!price) return 0;
  return (inputTokens * price.input + outputTokens * price.output) / 1_000_000;
}
