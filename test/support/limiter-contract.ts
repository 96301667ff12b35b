// One suite every provider limiter runs (p-limit in one process, Redis across workers): never more calls
// at once than the limit, every call runs, and a call's failure reaches its caller and frees its slot.
import { describe, expect, it } from "vitest";
import type { Limiter } from "../../src/adapters/llm/provider-limiter.js";

/** `open(limit)` gives two limiters that share one limit (as two workers would). */
export function limiterContract(name: string, open: (limit: number) => Promise<[Limiter, Limiter]>): void {
  describe(`${name} limiter contract`, () => {
    it("runs every task, never more at once than the limit across its sharers", async () => {
      const [first, second] = await open(3);
      let running = 0;
      let most = 0;
      const task = (n: number) => async () => {
        running += 1;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 10));
        running -= 1;
        return n;
      };
      const results = await Promise.all(
        Array.from({ length: 16 }, (_, n) => (n % 2 === 0 ? first : second)(task(n))),
      );
      expect(results).toEqual(Array.from({ length: 16 }, (_, n) => n));
      expect(most).toBe(3);
      expect(first.concurrency).toBe(3);
      expect(first.activeCount).toBe(0);
    });

    it("passes a task's failure to its caller and frees the slot", async () => {
      const [limiter] = await open(1);
      await expect(limiter(async () => Promise.reject(new Error("503 from provider")))).rejects.toThrow(
        "503 from provider",
      );
      expect(await limiter(async () => "next")).toBe("next");
    });
  });
}
