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
  const keep = (item: FoundInput) => {
    const key = normalize(item.input);
    if (seen.has(key)) return;
    if (!Number.isNaN(since) && item.publishedAt && Date.parse(item.publishedAt) < since) return;
    seen.add(key);
    found.push(item);
  };
  for (const query of options.queries) {
    if (options.corpus) {
      for (const hit of options.corpus.searchCorpus(query.text, {
        limit: CORPUS_PER_QUERY * 4,
        match: "any",
      })) {
        keep({ input: hit.location, origin: "corpus", query: query.text, publishedAt: null });
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
  return { found: capCorpus(found), warnings };
}

/** One corpus document may match many queries; each is read once, and corpus results are capped per query. */
function capCorpus(found: FoundInput[]): FoundInput[] {
  const perQuery = new Map<string, number>();
  return found.filter((item) => {
    if (item.origin !== "corpus") return true;
    const count = perQuery.get(item.query) ?? 0;
    perQuery.set(item.query, count + 1);
    return count < CORPUS_PER_QUERY;
  });
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
