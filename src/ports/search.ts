// Where research finds sources beyond the article's own links: web search providers (SearXNG, Tavily,
// Brave — one adapter each in adapters/search/) and the user's local corpus (adapters/store/corpus.ts).

export interface SearchOptions {
  /** At most this many results (providers may return fewer). */
  limit?: number;
  /** BCP 47 primary tag of the wanted results' language, e.g. "ja". */
  lang?: string;
  /** Only results published on or after this ISO date, when the provider can filter by date. */
  since?: string;
  signal?: AbortSignal;
}

export interface SearchResult {
  url: string;
  title: string;
  /** The provider's excerpt of the page; may be empty. */
  snippet: string;
  /** ISO 8601 when the provider knows it. */
  publishedAt: string | null;
}

/** A web search engine. "Nothing found" is []; an unreachable or refusing provider throws a ShirabeError. */
export interface SearchProvider {
  /** e.g. "searxng", "tavily", "brave". */
  readonly name: string;
  search(query: string, options?: SearchOptions): Promise<SearchResult[]>;
}

/** One passage of a corpus document that matches a query. */
export interface CorpusHit {
  /** The document's URL or absolute file path. */
  location: string;
  title: string;
  passage: string;
  /** Passage index within its document. */
  position: number;
  /** 1-based page for PDF documents, else null. */
  page: number | null;
  /** Higher is better; only comparable within one search. */
  score: number;
  /** Why it matched: the passage's words that the query's terms found, lower-cased, in text order. */
  matched: string[];
  /** Where they are: offsets into `passage`, sorted, not overlapping. */
  highlights: Array<{ start: number; end: number }>;
}

/** The searchable side of the local corpus, as research uses it. */
export interface CorpusSearchOptions {
  limit?: number;
  /**
   * "any" (default): passages with at least one term, ranked by BM25, so a missing word costs rank, not
   * the result; "all": every term must occur. Quoted phrases must occur either way.
   */
  match?: "all" | "any";
}

export interface CorpusSearch {
  searchCorpus(query: string, options?: CorpusSearchOptions): CorpusHit[];
}
