// One recorded-response test per provider adapter: a server on 127.0.0.1 replays a streamed answer in the
// provider's own wire format, and the adapter must send that provider's request and read text and usage.
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createLlmClient, resolveModel } from "../../../src/adapters/llm/index.js";
import { answerSchema } from "../../support/fake-llm-client.js";

interface Recording {
  request: { method: string; path: string };
  response: { status: number; headers: Record<string, string>; body: string };
}

interface Received {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: Record<string, unknown>;
}

const closers: Array<() => void> = [];
afterEach(() => {
  for (const close of closers.splice(0)) close();
});

async function replay(name: string): Promise<{ origin: string; received: Received[] }> {
  const recording = JSON.parse(
    readFileSync(resolve(import.meta.dirname, `../../fixtures/llm/${name}.json`), "utf8"),
  ) as Recording;
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk: Buffer) => (raw += chunk.toString()));
    req.on("end", () => {
      received.push({
        method: req.method ?? "",
        path: req.url ?? "",
        headers: req.headers,
        body: JSON.parse(raw),
      });
      if (req.method !== recording.request.method || req.url !== recording.request.path) {
        res
          .writeHead(404, { "content-type": "application/json" })
          .end('{"error":{"message":"not recorded"}}');
        return;
      }
      res.writeHead(recording.response.status, recording.response.headers).end(recording.response.body);
    });
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  closers.push(() => server.close());
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received };
}

const request = {
  purpose: "test",
  system: "Answer in JSON.",
  prompt: "Greet three times.",
  schema: answerSchema,
  schemaName: "answer",
};

function clientFor(spec: string, baseURL: string, keyEnv: string) {
  const config = resolveModel(
    spec,
    { providers: { [spec.split(":")[0] as string]: { baseURL } } },
    { [keyEnv]: "test-key" },
  );
  // Never let a test reach the real provider.
  expect(config.provider.baseURL).toBe(baseURL);
  return createLlmClient({ config, maxRetries: 0 });
}

describe("provider adapters against recorded responses", () => {
  it("OpenAI-compatible (DeepSeek preset): chat completions stream with usage, JSON mode", async () => {
    const { origin, received } = await replay("openai-compatible");
    const result = await clientFor("deepseek:deepseek-chat", `${origin}/v1`, "DEEPSEEK_API_KEY").generate(
      request,
    );
    expect(result.value).toEqual({ answer: "こんにちは", count: 3 });
    expect(result.usage).toMatchObject({ inputTokens: 57, outputTokens: 14 });
    expect(result.usage.costUsd).toBeCloseTo((57 * 0.27 + 14 * 1.1) / 1e6);
    const sent = received[0] as Received;
    expect(sent.headers.authorization).toBe("Bearer test-key");
    expect(sent.body).toMatchObject({
      model: "deepseek-chat",
      stream: true,
      response_format: { type: "json_object" },
    });
  });

  it("Anthropic: Messages API stream, key in x-api-key, schema in the system prompt", async () => {
    const { origin, received } = await replay("anthropic");
    const result = await clientFor(
      "anthropic:claude-3-5-haiku-latest",
      `${origin}/v1`,
      "ANTHROPIC_API_KEY",
    ).generate(request);
    expect(result.value).toEqual({ answer: "こんにちは", count: 3 });
    expect(result.usage).toMatchObject({ inputTokens: 61, outputTokens: 18 });
    const sent = received[0] as Received;
    expect(sent.headers["x-api-key"]).toBe("test-key");
    expect(sent.body).toMatchObject({ model: "claude-3-5-haiku-latest", stream: true });
    expect(JSON.stringify(sent.body.system)).toContain("JSON schema");
  });

  it("Gemini: streamGenerateContent over SSE, key in x-goog-api-key, native JSON schema", async () => {
    const { origin, received } = await replay("google");
    const result = await clientFor(
      "gemini:gemini-2.0-flash",
      `${origin}/v1beta`,
      "GOOGLE_GENERATIVE_AI_API_KEY",
    ).generate(request);
    expect(result.value).toEqual({ answer: "こんにちは", count: 3 });
    expect(result.usage).toMatchObject({ inputTokens: 49, outputTokens: 12 });
    const sent = received[0] as Received;
    expect(sent.headers["x-goog-api-key"]).toBe("test-key");
    expect(sent.body).toMatchObject({ generationConfig: { responseMimeType: "application/json" } });
  });
});
