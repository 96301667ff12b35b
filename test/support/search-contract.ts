// The one contract every search adapter meets, run against each provider's fake server
// (see providers.test.ts). A new adapter passes this suite before it is wired in.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ShirabeError } from "../../src/errors.js";
import type { SearchProvider } from "../../src/ports/search.js";
import { CANNED, type FakeSearchServer, startFakeSearch, type Wire } from "./fake-search.js";

export const KEY = "test-key-123";

export function searchProviderContract(
  wire: Wire,
  build: (server: FakeSearchServer, options: { timeoutMs?: number }) => SearchProvider,
): void {
  describe(`${wire}: search provider contract`, () => {
    let server: FakeSearchServer;
    let provider: SearchProvider;
    beforeAll(async () => {
      server = await startFakeSearch(wire);
      provider = build(server, {});
    });
    afterAll(() => server.close());
    beforeEach(() => {
      server.mode = "ok";
      server.received.length = 0;
    });

    const webResults = CANNED.filter((result) => result.url.startsWith("https:"));

    it("names itself after its provider", () => {
      expect(provider.name).toBe(wire);
    });

    it("returns the provider's web results in order, as plain text, with dates", async () => {
      const results = await provider.search("rapidus 2nm");
      expect(results).toEqual(webResults);
      expect(server.received[0]?.query).toBe("rapidus 2nm");
    });

    it("sends non-ASCII queries intact", async () => {
      await provider.search("ラピダス 千歳 2ナノ");
      expect(server.received[0]?.query).toBe("ラピダス 千歳 2ナノ");
    });

    it("returns no more than the limit", async () => {
      const results = await provider.search("rapidus", { limit: 2 });
      expect(results.map((result) => result.url)).toEqual(webResults.slice(0, 2).map((result) => result.url));
    });

    it("returns [] when the provider finds nothing", async () => {
      server.mode = "empty";
      expect(await provider.search("nothing at all")).toEqual([]);
    });

    it("throws a retryable network error when the provider fails", async () => {
      server.mode = "server-error";
      const error = await provider.search("rapidus").catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ShirabeError);
      expect(error).toMatchObject({ kind: "network", code: "search-status", retryable: true });
      expect((error as Error).message).toContain(`${wire} search at ${server.url}: HTTP 500`);
    });

    it("throws a usage error naming the key when access is refused", async () => {
      server.mode = "unauthorized";
      const error = await provider.search("rapidus").catch((caught: unknown) => caught);
      expect(error).toMatchObject({ kind: "usage", code: "search-refused" });
      expect((error as Error).message).toContain("check the API key");
    });

    it("throws when the answer is not JSON (a wrong URL)", async () => {
      server.mode = "not-json";
      await expect(provider.search("rapidus")).rejects.toMatchObject({ code: "search-bad-response" });
    });

    it("refuses an answer too large to be a page of results instead of buffering it", async () => {
      server.mode = "huge";
      await expect(provider.search("rapidus")).rejects.toMatchObject({
        code: "search-too-large",
        kind: "network",
      });
    });

    it("gives up on a provider that does not answer in time", async () => {
      server.mode = "hang";
      const impatient = build(server, { timeoutMs: 200 });
      await expect(impatient.search("rapidus")).rejects.toMatchObject({
        code: "search-timeout",
        kind: "network",
      });
    });

    it("throws a network error when nothing listens at the URL", async () => {
      const gone = await startFakeSearch(wire);
      const orphan = build(gone, {});
      await gone.close();
      await expect(orphan.search("rapidus")).rejects.toMatchObject({ code: "search-unreachable" });
    });
  });
}
