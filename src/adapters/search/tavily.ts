// Tavily: POST <base>/search with a JSON body and a bearer API key; results carry page excerpts.
import type { SearchOptions, SearchProvider, SearchResult } from "../../ports/search.js";
import { arrayAt, type ProviderTransport, requestJson, webResults } from "./search-request.js";

const TAVILY_URL = "https://api.tavily.com";
/** The API's own ceiling on max_results. */
const MAX_RESULTS = 20;

export interface TavilyOptions extends ProviderTransport {
  apiKey: string;
  /** Defaults to the public API. */
  url?: string;
}

export function createTavily(options: TavilyOptions): SearchProvider {
  return {
    name: "tavily",
    async search(query: string, search: SearchOptions = {}): Promise<SearchResult[]> {
      const base = options.url ?? TAVILY_URL;
      const endpoint = new URL("search", base.endsWith("/") ? base : `${base}/`).href;
      const body = await requestJson(
        "tavily",
        endpoint,
        {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${options.apiKey}` },
          body: JSON.stringify({
            query,
            max_results: Math.min(search.limit ?? 10, MAX_RESULTS),
            search_depth: "basic",
            ...(search.since ? { start_date: search.since.slice(0, 10) } : {}),
          }),
        },
        options,
        search.signal,
      );
      return webResults(
        arrayAt(body, "results"),
        { title: "title", snippet: "content", date: "published_date" },
        search.limit,
      );
    },
  };
}
