// Every search adapter against a fake server speaking its wire format: the shared contract, then what
// only that provider sends (language, date filter, key).
import { describe, expect, it } from "vitest";
import { createBrave } from "../../../src/adapters/search/brave.js";
import { createSearchProvider } from "../../../src/adapters/search/index.js";
import { createSearxng } from "../../../src/adapters/search/searxng.js";
import { createTavily } from "../../../src/adapters/search/tavily.js";
import { startFakeSearch } from "../../support/fake-search.js";
import { KEY, searchProviderContract } from "../../support/search-contract.js";

searchProviderContract("searxng", (server, options) => createSearxng({ url: server.url, ...options }));
searchProviderContract("tavily", (server, options) =>
  createTavily({ url: server.url, apiKey: KEY, ...options }),
);
searchProviderContract("brave", (server, options) =>
  createBrave({ url: server.url, apiKey: KEY, ...options }),
);

const lastWeek = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10);

describe("what each provider sends", () => {
  it("searxng: language and the smallest time range covering --since, no key", async () => {
    const server = await startFakeSearch("searxng");
    await createSearxng({ url: `${server.url}/` }).search("金利", { lang: "ja", since: lastWeek });
    expect(server.received[0]).toMatchObject({ query: "金利", lang: "ja", dateFilter: "month", key: null });
    await server.close();
  });

  it("tavily: the key as a bearer token, the limit and the start date", async () => {
    const server = await startFakeSearch("tavily");
    await createTavily({ url: server.url, apiKey: KEY }).search("rates", { limit: 3, since: lastWeek });
    expect(server.received[0]).toMatchObject({ key: KEY, limit: 3, dateFilter: lastWeek });
    await server.close();
  });

  it("brave: the subscription token, count, language and a freshness range", async () => {
    const server = await startFakeSearch("brave");
    await createBrave({ url: server.url, apiKey: KEY }).search("rates", {
      limit: 4,
      lang: "zh",
      since: lastWeek,
    });
    const today = new Date().toISOString().slice(0, 10);
    expect(server.received[0]).toMatchObject({
      key: KEY,
      limit: 4,
      lang: "zh",
      dateFilter: `${lastWeek}to${today}`,
    });
    await server.close();
  });
});

describe("createSearchProvider", () => {
  it("builds the named provider and refuses incomplete or unknown configurations", async () => {
    const server = await startFakeSearch("searxng");
    const provider = createSearchProvider({ provider: "searxng", url: server.url });
    expect((await provider.search("x")).length).toBeGreaterThan(0);
    await server.close();
    expect(() => createSearchProvider({ provider: "searxng" })).toThrow(/needs --search-url/);
    expect(() => createSearchProvider({ provider: "tavily" })).toThrow(/TAVILY_API_KEY/);
    expect(() => createSearchProvider({ provider: "bing" })).toThrow(/choose one of searxng, tavily, brave/);
  });
});
