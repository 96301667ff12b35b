import { z } from "zod";
import { createLlmClient, type LlmClientOptions } from "../../src/adapters/llm/llm-client.js";
import { resolveModel } from "../../src/adapters/llm/models.js";
import type { StructuredOutputMode } from "../../src/adapters/llm/presets.js";

export const answerSchema = z.object({ answer: z.string(), count: z.number().int() });

/** A client for the fake server as the provider "local", with fast retries for tests. */
export function fakeClient(
  baseURL: string,
  options: Partial<LlmClientOptions> & { mode?: StructuredOutputMode; apiKey?: string } = {},
) {
  const { mode = "json-schema", apiKey, ...rest } = options;
  const config = resolveModel(
    "local:fake-model",
    {
      providers: {
        local: { baseURL, keyEnv: apiKey ? "LOCAL_KEY" : null, structuredOutput: mode, concurrency: 4 },
      },
      prices: { "local:fake-model": { input: 1, output: 2 } },
    },
    apiKey ? { LOCAL_KEY: apiKey } : {},
  );
  return createLlmClient({ config, retryBaseMs: 5, ...rest });
}

export const ask = {
  purpose: "test",
  system: "Answer.",
  prompt: "Say hi.",
  schema: answerSchema,
  schemaName: "answer",
};
