// SearXNG, the free keyless default: a self-hosted metasearch engine's JSON API
// (GET <base>/search?q=…&format=json; JSON must be enabled under search.formats in settings.yml).
import type { SearchOptions, SearchProvider, SearchResult } from "../../ports/search.js";
import { arrayAt, type ProviderTransport, requestJson, webResults } from "./search-request.js";

export interface SearxngOptions extends ProviderTransport {
  /** The instance, e.g. http://127.0.0.1:8080 */
  url: string;
}

/** SearXNG filters by a time range, not a date: the smallest range that still covers `since`. */
function timeRange(since: string | undefined, now: Date): string | null {
  if (!since) return null;
  const days = (now.getTime() - Date.parse(since)) / 86_400_000;
  if (Number.isNaN(days)) return null;
  if (days <= 1) return "day";
  if (days <= 31) return "month";
  if (days <= 366) return "year";
  return null;
}

export function createSearxng(options: SearxngOptions): SearchProvider {
  return {
    name: "searxng",
    async search(query: string, search: SearchOptions = {}): Promise<SearchResult[]> {
      const url = new URL("search", options.url.endsWith("/") ? options.url : `${options.url}/`);
      url.searchParams.set("q", query);
      url.searchParams.set("format", "json");
      if (search.lang) url.searchParams.set("language", search.lang);
      const range = timeRange(search.since, new Date());
      if (range) url.searchParams.set("time_range", range);
      const body = await requestJson(
        "searxng",
        url.href,
        { headers: { accept: "application/json" } },
        options,
        search.signal,
      );
      // The API has no result-count parameter; it always answers one page.
      return webResults(
        arrayAt(body, "results"),
        { title: "title", snippet: "content", date: "publishedDate" },
        search.limit,
      );
    },
  };
}
