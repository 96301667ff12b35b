// Brave Search: GET <base>/res/v1/web/search with an X-Subscription-Token key; snippets carry <strong>.
import type { SearchOptions, SearchProvider, SearchResult } from "../../ports/search.js";
import { arrayAt, type ProviderTransport, requestJson, webResults } from "./search-request.js";

const BRAVE_URL = "https://api.search.brave.com";
/** The API's own ceiling on count. */
const MAX_COUNT = 20;

export interface BraveOptions extends ProviderTransport {
  apiKey: string;
  /** Defaults to the public API. */
  url?: string;
}

export function createBrave(options: BraveOptions): SearchProvider {
  return {
    name: "brave",
    async search(query: string, search: SearchOptions = {}): Promise<SearchResult[]> {
      const url = new URL("res/v1/web/search", `${(options.url ?? BRAVE_URL).replace(/\/$/, "")}/`);
      url.searchParams.set("q", query);
      url.searchParams.set("count", String(Math.min(search.limit ?? 10, MAX_COUNT)));
      if (search.lang) url.searchParams.set("search_lang", search.lang);
      if (search.since) {
        const today = new Date().toISOString().slice(0, 10);
        url.searchParams.set("freshness", `${search.since.slice(0, 10)}to${today}`);
      }
      const body = await requestJson(
        "brave",
        url.href,
        { headers: { accept: "application/json", "x-subscription-token": options.apiKey } },
        options,
        search.signal,
      );
      return webResults(
        arrayAt(body, "web", "results"),
        { title: "title", snippet: "description", date: "page_age" },
        search.limit,
      );
    },
  };
}
