// Where the search provider comes from: flags over environment over the config file; keys only from
// the environment.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { resolveSearchSettings } from "../../src/cli/config.js";
import { tempDir } from "../support/temp.js";

describe("resolveSearchSettings", () => {
  const home = tempDir();

  it("is off unless a provider is named", () => {
    expect(resolveSearchSettings({}, { HOME: home })).toBeNull();
  });

  it("takes the provider and URL from flags before the environment, and the key from the provider's variable", () => {
    const env = {
      HOME: home,
      SHIRABE_SEARCH: "brave",
      SHIRABE_SEARCH_URL: "http://env.test",
      BRAVE_API_KEY: "b-key",
    };
    expect(resolveSearchSettings({}, env)).toEqual({
      provider: "brave",
      url: "http://env.test",
      apiKey: "b-key",
    });
    expect(resolveSearchSettings({ search: "searxng", searchUrl: "http://flag.test" }, env)).toEqual({
      provider: "searxng",
      url: "http://flag.test",
    });
  });

  it("reads the config file's search section, with the key from the variable it names", () => {
    const config = join(tempDir(), "config.json");
    writeFileSync(config, JSON.stringify({ search: { provider: "tavily", keyEnv: "MY_TAVILY" } }));
    expect(
      resolveSearchSettings({ config }, { HOME: home, MY_TAVILY: "t-key", TAVILY_API_KEY: "other" }),
    ).toEqual({
      provider: "tavily",
      apiKey: "t-key",
    });
  });

  it("refuses a config file whose search section has unknown fields", () => {
    const config = join(tempDir(), "config.json");
    writeFileSync(config, JSON.stringify({ search: { provider: "tavily", apiKey: "inline" } }));
    expect(() => resolveSearchSettings({ config }, { HOME: home })).toThrow(/search/);
  });
});
