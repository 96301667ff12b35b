// Research, discovery: runs the queries against the web search provider and the local corpus and returns
// the addresses worth reading, best first. A provider that fails costs its results, never the report.
import { ShirabeError } from "../../errors.js";
import type { CorpusSearch, SearchProvider } from "../../ports/search.js";
import type { SearchQuery } from "./queries.js";

/** Results asked of the provider per query. */
const RESULTS_PER_QUERY = 5;
/** Corpus documents kept per query. */
const CORPUS_PER_QUERY = 3;

export interface FoundInput {
  /** URL, or local path for corpus documents. */
  input: string;
  origin: "search" | "corpus";
  /** The query that found it, for the run log. */
  query: string;
  publishedAt: string | null;
}

export interface FindOptions {
  queries: SearchQuery[];
  search?: SearchProvider;
  corpus?: CorpusSearch;
  /** ISO date: results the provider dates earlier are skipped. */
  since?: string;
  /** Addresses already on the list (the article, its links, --sources): not found again. */
  known?: Iterable<string>;
  signal?: AbortSignal;
}

export interface FindResult {
  found: FoundInput[];
  /** One line per failed search, for the run log. */
  warnings: string[];
}

export async function findSources(options: FindOptions): Promise<FindResult> {
  const seen = new Set([...(options.known ?? [])].map(normalize));
  const found: FoundInput[] = [];
  const warnings: string[] = [];
  const since = options.since ? Date.parse(options.since) : Number.NaN;
  /** True when the item is new (and now on the list). */
  const keep = (item: FoundInput): boolean => {
    const key = normalize(item.input);
    if (seen.has(key)) return false;
    if (!Number.isNaN(since) && item.publishedAt && Date.parse(item.publishedAt) < since) return false;
    seen.add(key);
    found.push(item);
    return true;
  };
  for (const query of options.queries) {
    if (options.corpus) {
      // Hits are passages and one document may have several: ask for more, keep a few documents.
      const hits = options.corpus.searchCorpus(query.text, { limit: CORPUS_PER_QUERY * 4, match: "any" });
      let documents = 0;
      for (const hit of hits) {
        if (documents >= CORPUS_PER_QUERY) break;
        if (keep({ input: hit.location, origin: "corpus", query: query.text, publishedAt: null }))
          documents++;
      }
    }
    if (!options.search) continue;
    try {
      const results = await options.search.search(query.text, {
        limit: RESULTS_PER_QUERY,
        lang: query.lang,
        ...(options.since ? { since: options.since } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
      });
      for (const result of results) {
        keep({ input: result.url, origin: "search", query: query.text, publishedAt: result.publishedAt });
      }
    } catch (error) {
      if (options.signal?.aborted) throw error;
      const message = error instanceof ShirabeError ? error.message : String(error);
      warnings.push(`query "${query.text}" (${query.lang}): ${message}`);
      // A refused key or a wrong URL fails every query the same way: stop asking.
      if (error instanceof ShirabeError && error.kind === "usage") break;
    }
  }
  return { found, warnings };
}

function normalize(input: string): string {
  try {
    const url = new URL(input);
    url.hash = "";
    return url.href;
  } catch {
    return input;
  }
}
