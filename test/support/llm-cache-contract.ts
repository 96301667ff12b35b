// One suite every LLM call cache runs (SQLite in the store file, Redis shared by workers): a stored answer
// comes back whole under its key, an unknown key is a miss, and storing again replaces the answer.
import { describe, expect, it } from "vitest";
import type { LlmCallCache } from "../../src/ports/llm.js";

export function llmCacheContract(name: string, open: () => Promise<LlmCallCache>): void {
  describe(`${name} LLM call cache contract`, () => {
    it("answers a stored call under its key, with its token counts, and misses an unknown key", async () => {
      const cache = await open();
      expect(await cache.getCall("k-unknown")).toBeNull();
      await cache.putCall("k-1", {
        model: "deepseek:deepseek-chat",
        purpose: "outline",
        text: '{"title":"日銀の決定"}',
        inputTokens: 1200,
        outputTokens: 80,
      });
      expect(await cache.getCall("k-1")).toEqual({
        text: '{"title":"日銀の決定"}',
        inputTokens: 1200,
        outputTokens: 80,
      });
      expect(await cache.getCall("k-2")).toBeNull();
    });

    it("keeps the newest answer when a key is stored twice", async () => {
      const cache = await open();
      const call = { model: "m:x", purpose: "section:1", inputTokens: 10, outputTokens: 5 };
      await cache.putCall("k-twice", { ...call, text: "first" });
      await cache.putCall("k-twice", { ...call, text: "second" });
      expect((await cache.getCall("k-twice"))?.text).toBe("second");
    });
  });
}
