// What a call paid for is never lost: a stream cut mid-answer counts in the call's usage and the budget,
// and stopping a client sends nothing more while the answers in flight still reach the cache.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createBudget } from "../../../src/adapters/llm/budget.js";
import { createLimiter } from "../../../src/adapters/llm/provider-limiter.js";
import { openLlmStore } from "../../../src/adapters/store/llm-cache.js";
import { HandedBack, type LlmCallRecord } from "../../../src/ports/llm.js";
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

describe("paid work is counted and kept", () => {
  it("counts a stream cut mid-answer in the call's usage and in the budget", async () => {
    const clean = await fakeClient(server.baseURL).generate(ask);

    server.enqueue({ truncate: GOOD });
    const budget = createBudget({ maxTokens: 100_000 });
    const calls: LlmCallRecord[] = [];
    const retried = await fakeClient(server.baseURL, { budget, onCall: (c) => calls.push(c) }).generate(ask);
    expect(server.requests).toHaveLength(3);
    expect(retried.usage.inputTokens).toBeGreaterThan(clean.usage.inputTokens);
    expect(retried.usage.outputTokens).toBeGreaterThan(clean.usage.outputTokens);
    expect(retried.usage.costUsd).toBeGreaterThan(clean.usage.costUsd);
    expect(budget.spent().tokens).toBe(retried.usage.inputTokens + retried.usage.outputTokens);
    expect(calls).toMatchObject([{ attempts: 2, inputTokens: retried.usage.inputTokens }]);
  });

  it("records the usage of a call whose every attempt was cut, though it failed", async () => {
    server.setResponder(() => ({ truncate: GOOD }));
    const budget = createBudget({});
    const calls: LlmCallRecord[] = [];
    const client = fakeClient(server.baseURL, { budget, maxRetries: 1, onCall: (c) => calls.push(c) });
    await expect(client.generate(ask)).rejects.toMatchObject({ code: "llm-unreachable" });
    expect(server.requests).toHaveLength(2);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.inputTokens).toBeGreaterThan(0);
    expect(calls[0]?.costUsd).toBeGreaterThan(0);
    expect(budget.spent().costUsd).toBeCloseTo(calls[0]?.costUsd ?? 0);
  });

  it("mends near-miss JSON locally instead of paying for a repair round", async () => {
    server.enqueue('{"answer": "hi", "count": 1,}');
    const result = await fakeClient(server.baseURL).generate(ask);
    expect(result.value).toEqual({ answer: "hi", count: 1 });
    expect(server.requests).toHaveLength(1);
  });
});

describe("stopping a client", () => {
  it("sends nothing waiting, lets the call in flight finish into the cache, and says why the rest failed", async () => {
    const slow = await startFakeLlmServer({ responder: () => GOOD, firstTokenMs: 200 });
    const store = openLlmStore({ path: `${tempDir()}/shirabe.sqlite` });
    try {
      const client = fakeClient(slow.baseURL, { cache: store, limiter: createLimiter(1) });
      const calls = [0, 1, 2].map((i) => client.generate({ ...ask, prompt: `Say hi ${i}.` }));
      const settled = Promise.allSettled(calls);
      while (slow.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      await client.stop();
      const [first, ...rest] = await settled;
      expect(first).toMatchObject({ status: "fulfilled", value: { value: { answer: "hi" } } });
      for (const outcome of rest)
        expect(outcome).toMatchObject({ status: "rejected", reason: { code: "llm-stopped" } });
      expect(slow.requests).toHaveLength(1);
      await expect(client.generate(ask)).rejects.toMatchObject({ code: "llm-stopped" });

      const again = await fakeClient(slow.baseURL, { cache: store }).generate({
        ...ask,
        prompt: "Say hi 0.",
      });
      expect(again.cached).toBe(true);
      expect(slow.requests).toHaveLength(1);
    } finally {
      store.close();
      await slow.close();
    }
  });
});

describe("a call whose caller aborts after it was sent", () => {
  const aborted = async (reason: Error, firstTokenMs: number, finishSentCallsMs?: number) => {
    const slow = await startFakeLlmServer({ responder: () => GOOD, firstTokenMs });
    const store = openLlmStore({ path: `${tempDir()}/shirabe.sqlite` });
    const options = finishSentCallsMs === undefined ? {} : { finishSentCallsMs };
    const stop = new AbortController();
    const call = fakeClient(slow.baseURL, { cache: store, ...options }).generate({
      ...ask,
      signal: stop.signal,
    });
    while (slow.inFlight() === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    stop.abort(reason);
    const outcome = await call.then(
      () => "answered",
      (error: Error) => error.message,
    );
    const again = await fakeClient(slow.baseURL, { cache: store }).generate(ask);
    await slow.close();
    store.close();
    return { outcome, cachedLater: again.cached, sent: slow.requests.length };
  };

  it("handed back: reads the answer on into the cache, so the job's next run does not pay for it again", async () => {
    const { outcome, cachedLater, sent } = await aborted(new HandedBack("the worker is stopping"), 200);
    // The caller still hears that it was stopped: its job goes back to the queue.
    expect(outcome).toBe("the worker is stopping");
    expect(cachedLater).toBe(true);
    expect(sent).toBe(1);
  });

  it("cancelled: stops at once, and a handed-back call stops after finishSentCallsMs", async () => {
    for (const [reason, finishSentCallsMs] of [
      [new Error("the report was cancelled"), undefined],
      [new HandedBack("the report was cancelled"), 100],
    ] as const) {
      const { outcome, cachedLater, sent } = await aborted(reason, 800, finishSentCallsMs);
      expect(outcome).toBe("the report was cancelled");
      expect(cachedLater).toBe(false);
      expect(sent).toBe(2);
    }
  });
});
