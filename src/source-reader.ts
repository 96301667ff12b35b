// One way to read a source, whatever it is and whichever interface asked: fetch (URL) or read (file) →
// decode (by content type, PDF included) → extract. Many sources are read through one polite transport
// (robots.txt, per-host limits) with bounded concurrency, and a source that fails is recorded, never fatal.
import pLimit from "p-limit";
import { DEFAULTS } from "./defaults.js";
import { ShirabeError } from "./errors.js";
import type { HttpClient } from "./ports/http.js";
import type { PageCache } from "./ports/store.js";
import { decodeDocument } from "./stages/decode/index.js";
import { classifyInput } from "./stages/discover/index.js";
import { extractArticle } from "./stages/extract/index.js";
import { fetchPage, politeHttp, readFilePage } from "./stages/fetch/index.js";
import { detectLang } from "./text/language.js";
import type { Article, Page, Source, SourceFailure, SourceRole } from "./types.js";

export interface ReaderDeps {
  http: HttpClient;
  cache?: PageCache;
}

export interface ReadOptions {
  /** Overrides every declared or detected encoding. */
  encoding?: string;
}

export interface ReadResult {
  page: Page;
  article: Article;
}

/** How sources are fetched: robots.txt, requests per host and the spacing between them. */
export interface Politeness {
  /** Honour robots.txt (default true). */
  robots?: boolean;
  /** Requests in flight per host (default 2). */
  perHost?: number;
  /** Minimum time between the starts of two requests to one host (default 500 ms). */
  hostDelayMs?: number;
}

/** Fetches or reads one input and extracts its article; an input with no article text is an error. */
export async function readArticle(
  input: string,
  deps: ReaderDeps,
  options: ReadOptions = {},
): Promise<ReadResult> {
  const { kind, location } = classifyInput(input);
  const page = kind === "url" ? await fetchPage(location, deps) : await readFilePage(location);
  const decoded = await decodeDocument(page, options.encoding ? { encoding: options.encoding } : {});
  const extracted = extractArticle(decoded);
  // A declared value that is no language tag says nothing: judge the language from the text instead.
  const article = {
    ...extracted,
    lang: pageLang(extracted.lang) ?? detectLang(extracted.text || extracted.title),
  };
  if (article.blocks.length === 0) {
    const why =
      page.contentType === "application/pdf"
        ? "the PDF has no text layer (a scan?); run OCR on it first"
        : "no article text found (the page is empty or built by scripts)";
    throw new ShirabeError(`${input}: ${why}`, { code: "no-article-text", kind: "input", input });
  }
  return { page, article };
}

/**
 * A page's declared language as a BCP 47 primary subtag, or null when it is not one. Pages declare
 * lang="日本語", "en US" or an unfilled "{{ lang }}"; such a value must not reach Intl (which throws on it)
 * or the report; readArticle then judges the language from the text.
 */
export function pageLang(declared: string | null): string | null {
  const primary = /^\s*([a-z]{2,3})(?=$|[\s_-])/i.exec(declared ?? "")?.[1];
  if (!primary) return null;
  try {
    return Intl.getCanonicalLocales(primary.toLowerCase())[0] ?? null;
  } catch {
    return null;
  }
}

export interface PendingSource {
  input: string;
  role: SourceRole;
}

export type SourceOutcome = { ok: true } | { ok: false; failure: SourceFailure };

export interface ReadSourcesOptions extends ReadOptions {
  deps: ReaderDeps;
  /** The article the sources belong to: a source that turns out to be it is skipped. */
  original: ReadResult;
  politeness?: Politeness;
  /** Sources read at once (default 4). */
  concurrency?: number;
  onOutcome?: (input: string, outcome: SourceOutcome) => void;
}

/** Drops later inputs that name the same location as an earlier one. */
export function uniqueInputs(inputs: PendingSource[]): PendingSource[] {
  const seen = new Set<string>();
  return inputs.filter(({ input }) => {
    const { location } = classifyInput(input);
    if (seen.has(location)) return false;
    seen.add(location);
    return true;
  });
}

/**
 * Reads every pending source, in input order, through the polite transport. A source that fails is
 * recorded, never thrown: one broken link must not cost the user the report. Copies of the original
 * article (the same final URL) and of an earlier source are skipped.
 */
export async function readSources(
  pending: PendingSource[],
  options: ReadSourcesOptions,
): Promise<{ sources: Omit<Source, "id">[]; failures: SourceFailure[] }> {
  const politeness = options.politeness ?? {};
  const deps: ReaderDeps = {
    ...options.deps,
    http: politeHttp(options.deps.http, {
      robots: politeness.robots ?? DEFAULTS.robots,
      perHost: politeness.perHost ?? DEFAULTS.perHost,
      delayMs: politeness.hostDelayMs ?? DEFAULTS.hostDelayMs,
    }),
  };
  const readOptions: ReadOptions = options.encoding ? { encoding: options.encoding } : {};
  const limit = pLimit(Math.max(1, options.concurrency ?? DEFAULTS.concurrency));
  const seenUrls = new Set([options.original.page.url, options.original.article.url]);
  const failures: SourceFailure[] = [];
  const results = await Promise.all(
    pending.map((item) =>
      limit(async (): Promise<Omit<Source, "id"> | null> => {
        try {
          const { page, article } = await readArticle(item.input, deps, readOptions);
          if (seenUrls.has(page.url) || seenUrls.has(article.url)) return null;
          seenUrls.add(page.url);
          options.onOutcome?.(item.input, { ok: true });
          return { role: item.role, input: item.input, article };
        } catch (error) {
          const failure = toFailure(item.input, error);
          failures.push(failure);
          options.onOutcome?.(item.input, { ok: false, failure });
          return null;
        }
      }),
    ),
  );
  return { sources: results.filter((source) => source !== null), failures };
}

export function toFailure(input: string, error: unknown): SourceFailure {
  if (error instanceof ShirabeError) return { input, message: error.message, code: error.code };
  return {
    input,
    message: `${input}: ${error instanceof Error ? error.message : String(error)}`,
    code: "internal",
  };
}
