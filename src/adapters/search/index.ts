// Builds the configured search provider by name. Adding a provider is one file plus one line here.
import { ShirabeError } from "../../errors.js";
import type { SearchProvider } from "../../ports/search.js";
import { createBrave } from "./brave.js";
import type { ProviderTransport } from "./search-request.js";
import { createSearxng } from "./searxng.js";
import { createTavily } from "./tavily.js";

export const SEARCH_PROVIDERS = ["searxng", "tavily", "brave"] as const;

export interface SearchConfig extends ProviderTransport {
  provider: string;
  /** Required for searxng; optional override for the others. */
  url?: string;
  apiKey?: string;
}

export function createSearchProvider(config: SearchConfig): SearchProvider {
  const transport: ProviderTransport = {
    ...(config.fetch ? { fetch: config.fetch } : {}),
    ...(config.timeoutMs ? { timeoutMs: config.timeoutMs } : {}),
  };
  const url = config.url ? { url: config.url } : {};
  switch (config.provider) {
    case "searxng":
      if (!config.url) throw missing("searxng", "--search-url (or SHIRABE_SEARCH_URL)");
      return createSearxng({ ...transport, url: config.url });
    case "tavily":
      if (!config.apiKey) throw missing("tavily", "an API key in TAVILY_API_KEY (or SHIRABE_SEARCH_KEY)");
      return createTavily({ ...transport, ...url, apiKey: config.apiKey });
    case "brave":
      if (!config.apiKey) throw missing("brave", "an API key in BRAVE_API_KEY (or SHIRABE_SEARCH_KEY)");
      return createBrave({ ...transport, ...url, apiKey: config.apiKey });
    default:
      throw new ShirabeError(
        `--search ${config.provider}: unknown provider; choose one of ${SEARCH_PROVIDERS.join(", ")}`,
        { code: "bad-option", kind: "usage", input: config.provider },
      );
  }
}

function missing(provider: string, what: string): ShirabeError {
  return new ShirabeError(`--search ${provider}: needs ${what}`, {
    code: "bad-option",
    kind: "usage",
    input: provider,
  });
}
