// Discovery over a recording fake provider and a real corpus file: what is kept, skipped and logged.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openCorpus } from "../../../src/adapters/store/corpus.js";
import { ShirabeError } from "../../../src/errors.js";
import type { SearchOptions, SearchProvider, SearchResult } from "../../../src/ports/search.js";
import { findSources } from "../../../src/stages/research/find.js";
import { tempDir } from "../../support/temp.js";

function recordingProvider(answer: (query: string) => SearchResult[]): SearchProvider & {
  calls: Array<{ query: string; options: SearchOptions | undefined }>;
} {
  const calls: Array<{ query: string; options: SearchOptions | undefined }> = [];
  return {
    name: "fake",
    calls,
    search: async (query, options) => {
      calls.push({ query, options });
      return answer(query);
    },
  };
}

const hit = (url: string, publishedAt: string | null = null): SearchResult => ({
  url,
  title: url,
  snippet: "",
  publishedAt,
});

describe("findSources", () => {
  it("asks once per query in its language, skips known and repeated addresses and results before --since", async () => {
    const provider = recordingProvider((query) =>
      query === "a"
        ? [hit("https://x.test/1"), hit("https://x.test/known#top"), hit("https://x.test/old", "2020-01-01")]
        : [hit("https://x.test/1"), hit("https://x.test/2", "2026-01-01")],
    );
    const { found, warnings } = await findSources({
      queries: [
        { text: "a", lang: "en" },
        { text: "b", lang: "ja" },
      ],
      search: provider,
      since: "2025-06-01",
      known: ["https://x.test/known"],
    });
    expect(found.map((item) => item.input)).toEqual(["https://x.test/1", "https://x.test/2"]);
    expect(provider.calls.map((call) => [call.query, call.options?.lang, call.options?.since])).toEqual([
      ["a", "en", "2025-06-01"],
      ["b", "ja", "2025-06-01"],
    ]);
    expect(warnings).toEqual([]);
  });

  it("logs a failing query and goes on, but stops asking a provider that refuses access", async () => {
    const flaky = recordingProvider((query) => {
      if (query === "a")
        throw new ShirabeError("fake search: HTTP 500", { code: "search-status", kind: "network" });
      return [hit("https://x.test/b")];
    });
    const result = await findSources({
      queries: [
        { text: "a", lang: "en" },
        { text: "b", lang: "en" },
      ],
      search: flaky,
    });
    expect(result.found.map((item) => item.input)).toEqual(["https://x.test/b"]);
    expect(result.warnings).toEqual(['query "a" (en): fake search: HTTP 500']);

    const refused = recordingProvider(() => {
      throw new ShirabeError("fake search: access refused", { code: "search-refused", kind: "usage" });
    });
    const stopped = await findSources({
      queries: [
        { text: "a", lang: "en" },
        { text: "b", lang: "en" },
      ],
      search: refused,
    });
    expect(refused.calls).toHaveLength(1);
    expect(stopped.warnings).toHaveLength(1);
  });

  it("takes a few corpus documents per query, each once, matching any of the query's words", async () => {
    const corpus = openCorpus({ path: join(tempDir(), "shirabe.sqlite") });
    for (let index = 0; index < 5; index++) {
      corpus.addDocument({
        location: `/docs/${index}.txt`,
        title: `Doc ${index}`,
        siteName: null,
        lang: "en",
        publishedAt: null,
        contentType: "text/plain",
        passages: [{ text: `Harbour bridge report ${index}.` }, { text: `More on the harbour ${index}.` }],
      });
    }
    const { found } = await findSources({
      queries: [
        { text: "harbour tunnel", lang: "en" },
        { text: "bridge", lang: "en" },
      ],
      corpus,
    });
    corpus.close();
    expect(found.filter((item) => item.query === "harbour tunnel")).toHaveLength(3);
    expect(found.filter((item) => item.query === "bridge")).toHaveLength(2);
    expect(new Set(found.map((item) => item.input)).size).toBe(5);
    expect(found.every((item) => item.origin === "corpus")).toBe(true);
  });
});
