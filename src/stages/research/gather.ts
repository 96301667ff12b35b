// The research steps the pipeline calls around reading sources: before, which extra inputs to read
// (queries → web search and corpus); after, which sources to keep (date, near-duplicates, count) and
// what kind each is.
import type { LlmClient } from "../../ports/llm.js";
import type { CorpusSearch, SearchProvider } from "../../ports/search.js";
import type { Article, Source } from "../../types.js";
import { mergeNearDuplicates } from "./dedupe.js";
import { type FoundInput, findSources } from "./find.js";
import { generateQueries, type SearchQuery } from "./queries.js";
import { buildBm25Index, diversify, scoreBm25 } from "./rank.js";
import { sourceSignals } from "./signals.js";

export interface ResearchOptions {
  search?: SearchProvider;
  corpus?: CorpusSearch;
  /** Languages to search in besides the article's and the report's, e.g. ["en", "zh", "ja"]. */
  sourceLangs?: string[];
  /** At most this many sources besides the article, after merging copies. */
  maxSources?: number;
  /** ISO date: sources published earlier are dropped (undated ones are kept). */
  since?: string;
  /** Writes the search queries when given. */
  llm?: LlmClient;
}

export interface Discovery {
  queries: SearchQuery[];
  found: FoundInput[];
  /** Failed searches and a model that could not write queries, for the run log. */
  warnings: string[];
}

/** Queries for the article and what the search provider and the corpus find for them. */
export async function discoverSources(
  article: Article,
  options: ResearchOptions & { reportLang: string; known: string[]; signal?: AbortSignal },
): Promise<Discovery> {
  if (!options.search && !options.corpus) return { queries: [], found: [], warnings: [] };
  const langs = [options.reportLang, ...(options.sourceLangs ?? [])];
  const warnings: string[] = [];
  const signal = options.signal ? { signal: options.signal } : {};
  let queries: SearchQuery[];
  try {
    queries = await generateQueries(article, {
      langs,
      ...(options.llm ? { llm: options.llm } : {}),
      ...signal,
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    // The model is a help, not a requirement: keyword queries still find sources.
    warnings.push(`search queries: ${error instanceof Error ? error.message : String(error)}; used keywords`);
    queries = await generateQueries(article, { langs });
  }
  const result = await findSources({
    queries,
    known: options.known,
    ...(options.search ? { search: options.search } : {}),
    ...(options.corpus ? { corpus: options.corpus } : {}),
    ...(options.since ? { since: options.since } : {}),
    ...signal,
  });
  return { queries, found: result.found, warnings: [...warnings, ...result.warnings] };
}

export interface Refined {
  sources: Source[];
  /** What was dropped or merged and why, for the run log. */
  notes: Array<{ input: string; message: string }>;
}

/** Characters of the article's text that, with its title, say what found sources should be about. */
const LEAD_CHARS = 1_000;

/**
 * Keeps the article (s0) and the sources worth citing: published since `since`, one per story, at most
 * `maxSources`, cited and provided ones before found ones, and found ones by relevance to the article
 * with no site crowding out the rest. Ids are renumbered s1, s2, … and every source gets its signals.
 */
export function refineSources(sources: Source[], options: ResearchOptions & { now: Date }): Refined {
  const notes: Refined["notes"] = [];
  const since = options.since ? Date.parse(options.since) : Number.NaN;
  const dated = sources.filter((source) => {
    if (source.role === "article" || Number.isNaN(since) || !source.article.publishedAt) return true;
    if (Date.parse(source.article.publishedAt) >= since) return true;
    notes.push({ input: source.input, message: `published ${source.article.publishedAt}, before --since` });
    return false;
  });
  const { sources: unique, merged } = mergeNearDuplicates(dated);
  for (const { kept, copies } of merged) {
    const keptInput = unique.find((source) => source.id === kept)?.input ?? kept;
    for (const copy of copies) notes.push({ input: copy, message: `a copy of ${keptInput}; merged into it` });
  }
  const order = { article: 0, cited: 1, provided: 2, found: 3 } as const;
  const [article, ...named] = [...unique]
    .filter((source) => source.role !== "found")
    .sort((a, b) => order[a.role] - order[b.role]);
  const found = unique.filter((source) => source.role === "found");
  const rest = [...named, ...(article ? byRelevance(found, article) : found)];
  const limit = options.maxSources ?? rest.length;
  for (const source of rest.slice(limit)) notes.push({ input: source.input, message: "over --max-sources" });
  const kept = [...(article ? [article] : []), ...rest.slice(0, limit)];
  return {
    sources: kept.map((source, index) => ({
      ...source,
      id: `s${index}`,
      signals: sourceSignals(source.article, options.now),
    })),
    notes,
  };
}

/**
 * Found sources best first: BM25 of each source's text against the article's title and lead, then MMR
 * with a per-site penalty. Sources sharing no term with the article keep their search order, last.
 */
function byRelevance(found: Source[], article: Source): Source[] {
  const asPassages = found.map((source) => ({
    id: source.id,
    sourceId: sourceSignals(source.article).site ?? source.id,
    text: `${source.article.title}\n${source.article.text}`,
    start: 0,
    end: 0,
    lang: source.article.lang,
  }));
  const query = `${article.article.title}\n${article.article.text.slice(0, LEAD_CHARS)}`;
  const scored = scoreBm25(buildBm25Index(asPassages), query);
  const ranked = diversify(scored, { limit: scored.length, groupOf: (passage) => passage.sourceId });
  const ids = [...ranked.map((item) => item.passage.id), ...found.map((source) => source.id)];
  return [...new Set(ids)].map((id) => found.find((source) => source.id === id) as Source);
}
