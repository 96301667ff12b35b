import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createBudget } from "../../../src/adapters/llm/budget.js";
import { createLimiter } from "../../../src/adapters/llm/provider-limiter.js";
import { openLlmStore } from "../../../src/adapters/store/llm-cache.js";
import { ShirabeError } from "../../../src/errors.js";
import type { LlmCallRecord } from "../../../src/ports/llm.js";
import { ask, fakeClient } from "../../support/fake-llm-client.js";
import { type FakeLlmServer, startFakeLlmServer } from "../../support/fake-llm-server.js";
import { tempDir } from "../../support/temp.js";

const GOOD = '{"answer":"hi","count":1}';

let server: FakeLlmServer;
beforeEach(async () => {
  server = await startFakeLlmServer({ responder: () => GOOD });
});
afterEach(async () => {
  await server.close();
});

async function failure(promise: Promise<unknown>): Promise<ShirabeError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ShirabeError);
  return error as ShirabeError;
}

describe("LLM client against a real HTTP server", () => {
  it("streams the answer and reports usage and cost from the price table", async () => {
    const calls: LlmCallRecord[] = [];
    const result = await fakeClient(server.baseURL, { onCall: (c) => calls.push(c) }).generate(ask);
    expect(result.value).toEqual({ answer: "hi", count: 1 });
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.body.stream).toBe(true);
    expect(result.usage.inputTokens).toBeGreaterThan(0);
    expect(result.usage.outputTokens).toBeGreaterThan(0);
    expect(result.usage.costUsd).toBeCloseTo(
      (result.usage.inputTokens * 1 + result.usage.outputTokens * 2) / 1e6,
    );
    expect(calls).toMatchObject([{ purpose: "test", cached: false, attempts: 1 }]);
  });

  it("waits as a 429's retry-after says and then succeeds, counting the attempts", async () => {
    server.enqueue({ status: 429, retryAfter: "1" });
    const calls: LlmCallRecord[] = [];
    const result = await fakeClient(server.baseURL, { onCall: (c) => calls.push(c) }).generate(ask);
    expect(result.value.answer).toBe("hi");
    expect(server.requests).toHaveLength(2);
    expect(calls[0]?.attempts).toBe(2);
  });

  it("retries 500s with backoff, then gives up with a clear error after maxRetries", async () => {
    server.enqueue({ status: 500 }, { status: 500 });
    await expect(fakeClient(server.baseURL).generate(ask)).resolves.toMatchObject({ value: { count: 1 } });
    expect(server.requests).toHaveLength(3);

    server.setResponder(() => ({ status: 503 }));
    const error = await failure(fakeClient(server.baseURL, { maxRetries: 2 }).generate(ask));
    expect(error.code).toBe("llm-http");
    expect(error.message).toContain("503");
    expect(error.message).toContain("3 tries");
    expect(server.requests).toHaveLength(6);
  });

  it("does not retry a refused key, and names the variable to check", async () => {
    server.enqueue({ status: 401, message: "bad key" });
    const error = await failure(fakeClient(server.baseURL, { apiKey: "sk-test-1" }).generate(ask));
    expect(error.code).toBe("llm-auth");
    expect(error.message).toContain("LOCAL_KEY");
    expect(error.message).not.toContain("sk-test-1");
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.headers.authorization).toBe("Bearer sk-test-1");
  });

  it("abandons a hanging request after the idle timeout and retries", async () => {
    server.enqueue({ hang: true });
    const result = await fakeClient(server.baseURL, { idleTimeoutMs: 300 }).generate(ask);
    expect(result.value.answer).toBe("hi");
    expect(server.requests).toHaveLength(2);
  });

  it("retries a stream cut before its finish reason", async () => {
    server.enqueue({ truncate: GOOD });
    const result = await fakeClient(server.baseURL).generate(ask);
    expect(result.value.count).toBe(1);
    expect(server.requests).toHaveLength(2);
  });

  it("sends invalid JSON back with the validation error, then fails clearly if it stays invalid", async () => {
    server.enqueue('{"answer": "hi", "count": "one"}');
    const result = await fakeClient(server.baseURL).generate(ask);
    expect(result.value.count).toBe(1);
    expect(server.requests).toHaveLength(2);
    const repair = server.requests[1]?.messages.at(-1)?.content ?? "";
    expect(repair).toContain("count");
    expect(repair).toContain("invalid");

    server.enqueue({ content: '{"answer": "hi", "cou', finishReason: "length" });
    await fakeClient(server.baseURL).generate(ask);
    expect(server.requests.at(-1)?.messages.at(-1)?.content).toContain("output limit");

    server.requests.length = 0;
    server.setResponder(() => "{not json");
    const error = await failure(fakeClient(server.baseURL, { maxRepairs: 2 }).generate(ask));
    expect(error.code).toBe("llm-invalid-output");
    expect(error.message).toContain("test");
    expect(server.requests).toHaveLength(3);
  });

  it.each([
    ["json-schema", "json_schema", false],
    ["json-mode", "json_object", true],
    ["prompted", undefined, true],
  ] as const)(
    "asks a %s model for JSON its way and validates the answer",
    async (mode, format, schemaInPrompt) => {
      server.setResponder(() => `Here it is:\n\`\`\`json\n${GOOD}\n\`\`\``);
      const result = await fakeClient(server.baseURL, { mode }).generate(ask);
      expect(result.value).toEqual({ answer: "hi", count: 1 });
      const request = server.requests[0];
      expect(request?.body.response_format?.type).toBe(format);
      if (format === "json_schema")
        expect(request?.body.response_format?.json_schema).toMatchObject({ strict: false });
      const system = request?.messages.find((m) => m.role === "system")?.content ?? "";
      expect(system.includes('"count"')).toBe(schemaInPrompt);
    },
  );

  it("answers a repeated call from the SQLite cache without a second request", async () => {
    const path = `${tempDir()}/shirabe.sqlite`;
    const store = openLlmStore({ path });
    const calls: LlmCallRecord[] = [];
    await fakeClient(server.baseURL, { cache: store }).generate(ask);
    store.close();
    const reopened = openLlmStore({ path });
    const again = await fakeClient(server.baseURL, {
      cache: reopened,
      onCall: (c) => calls.push(c),
    }).generate(ask);
    reopened.close();
    expect(again.cached).toBe(true);
    expect(again.value.answer).toBe("hi");
    expect(server.requests).toHaveLength(1);
    expect(calls).toMatchObject([{ cached: true, attempts: 0, costUsd: 0 }]);
  });

  it("stops before a call that could pass --max-tokens or --max-cost, without sending it", async () => {
    const tokens = await failure(
      fakeClient(server.baseURL, { budget: createBudget({ maxTokens: 100 }) }).generate(ask),
    );
    expect(tokens.code).toBe("budget-exceeded");
    expect(tokens.message).toContain("--max-tokens 100");
    const cost = await failure(
      fakeClient(server.baseURL, { budget: createBudget({ maxCostUsd: 0.001 }) }).generate(ask),
    );
    expect(cost.message).toContain("--max-cost");
    expect(server.requests).toHaveLength(0);

    const budget = createBudget({ maxTokens: 20_000 });
    await fakeClient(server.baseURL, { budget, maxOutputTokens: 1000 }).generate(ask);
    expect(budget.spent().tokens).toBeGreaterThan(0);
    expect(budget.spent().tokens).toBeLessThan(20_000);
  });
});

describe("per-provider concurrency", () => {
  it("never has more calls open to one provider than its limit", async () => {
    const slow = await startFakeLlmServer({ responder: () => GOOD, firstTokenMs: 50 });
    try {
      const client = fakeClient(slow.baseURL, { limiter: createLimiter(2) });
      const prompts = Array.from({ length: 6 }, (_, i) => ({ ...ask, prompt: `Say hi ${i}.` }));
      const results = await Promise.all(prompts.map((request) => client.generate(request)));
      expect(results.every((r) => r.value.answer === "hi")).toBe(true);
      expect(slow.requests).toHaveLength(6);
      expect(slow.maxInFlight()).toBe(2);
    } finally {
      await slow.close();
    }
  });

  it("shares the provider's limit between clients of the same endpoint", async () => {
    const slow = await startFakeLlmServer({ responder: () => GOOD, firstTokenMs: 50 });
    try {
      // fakeClient sets the provider's concurrency to 4; three clients must not open more than 4 together.
      const clients = [0, 1, 2].map(() => fakeClient(slow.baseURL));
      const calls = clients.flatMap((client, c) =>
        [0, 1, 2].map((i) => client.generate({ ...ask, prompt: `Say hi ${c}-${i}.` })),
      );
      await Promise.all(calls);
      expect(slow.requests).toHaveLength(9);
      expect(slow.maxInFlight()).toBe(4);
    } finally {
      await slow.close();
    }
  });
});
