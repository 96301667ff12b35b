// The one module that knows the stage order: source → fetch → decode → extract → passages → write →
// cite → store. Stages never call each other; this file passes their records along and reports progress.
import { randomUUID } from "node:crypto";
import { ShirabeError } from "./errors.js";
import type { HttpClient } from "./ports/http.js";
import type { PageCache, ReportStore, RunLogEntry, RunRecord } from "./ports/store.js";
import { assertSupportedLang, citeReport } from "./stages/cite/index.js";
import { decodePage } from "./stages/decode.js";
import { citedLinks, classifyInput, expandSourceInputs } from "./stages/discover.js";
import { extractArticle } from "./stages/extract/index.js";
import { fetchPage, readFilePage } from "./stages/fetch.js";
import { splitPassages } from "./stages/passages.js";
import { discoverSources, type ResearchOptions, refineSources } from "./stages/research/gather.js";
import { looksLikePdf, pageAt, readPdfSource } from "./stages/research/pdf.js";
import { politeHttp } from "./stages/research/polite.js";
import { mergeGrounding } from "./stages/verify/index.js";
import { writeExtractive } from "./stages/write/extractive.js";
import type {
  Article,
  Draft,
  GroundingSummary,
  Page,
  Passage,
  Report,
  Source,
  SourceFailure,
  SourceRole,
} from "./types.js";

export type StageName = "article" | "sources" | "passages" | "write" | "cite" | "store";

export type ProgressEvent =
  | { type: "stage-start"; stage: StageName; total?: number }
  | { type: "stage-done"; stage: StageName; counts: Record<string, number> }
  | { type: "source"; input: string; ok: boolean; message?: string }
  /** Research before sources are read: search queries made and new inputs they found. */
  | { type: "research"; queries: number; found: number }
  | SectionProgress
  /** Claims checked against their sources: running counts from a verifying writer, then the report's (final). */
  | ({ type: "citations"; final: boolean } & GroundingSummary);

/** A section written. `framing` marks the introduction or conclusion (then `heading` names which). */
export interface SectionProgress {
  type: "section";
  heading: string;
  /** Sections written so far, this one included, out of `total`. */
  done: number;
  total: number;
  framing?: "introduction" | "conclusion";
}

/** What a writer reports while it works; the grounding counts are running totals. */
export type WriteProgress = SectionProgress | ({ type: "claims-checked" } & GroundingSummary);

export interface WriteInput {
  sources: Source[];
  passages: Passage[];
  lang: string;
  signal?: AbortSignal;
  onProgress?: (event: WriteProgress) => void;
}

/** A writing engine: turns sources and their passages into a draft whose claims cite passage ids. */
export interface Writer {
  /** Recorded in the report, e.g. "extractive" or "llm:deepseek:deepseek-chat". */
  readonly name: string;
  write(input: WriteInput): Promise<Draft>;
}

/** The embedded default: needs no network and no key. */
export const extractiveWriter: Writer = {
  name: "extractive",
  write: async ({ sources, passages, lang, onProgress }) => {
    const draft = writeExtractive({ sources, passages, lang });
    // The engine assembles the whole draft at once; its sections are reported as it hands them over.
    for (const [index, { heading }] of draft.sections.entries()) {
      onProgress?.({ type: "section", heading, done: index + 1, total: draft.sections.length });
    }
    return draft;
  },
};

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

/** Fetches or reads one input and extracts its article; an input with no article text is an error. */
export async function readArticle(
  input: string,
  deps: ReaderDeps,
  options: ReadOptions = {},
): Promise<ReadResult> {
  const { kind, location } = classifyInput(input);
  const page = kind === "url" ? await fetchPage(location, deps) : await readFilePage(location);
  const decoded = decodePage(page, options.encoding ? { encoding: options.encoding } : {});
  const article = extractArticle(decoded);
  if (article.blocks.length === 0) {
    throw new ShirabeError(`${input}: no article text found (the page is empty or built by scripts)`, {
      code: "no-article-text",
      kind: "input",
      input,
    });
  }
  return { page, article };
}

export interface CreateReportOptions extends ReadOptions {
  /** URL or local file of the original article. */
  input: string;
  /** Extra source files, folders or URLs. */
  sources?: string[];
  /** Follow the links the article cites in its body (default true). */
  followLinks?: boolean;
  /** At most this many cited links are followed (default 10). */
  maxLinks?: number;
  /** Report language, BCP 47 (default "ja"). */
  lang?: string;
  /** Sources fetched at once (default 4). */
  concurrency?: number;
  deps: ReaderDeps & { store?: ReportStore };
  /** The writing engine (default: the extractive engine). */
  writer?: Writer;
  /** Search, corpus, politeness and source selection; without it only cited and given sources are read. */
  research?: ResearchOptions;
  signal?: AbortSignal;
  onProgress?: (event: ProgressEvent) => void;
  now?: () => Date;
}

export interface CreateReportResult {
  report: Report;
  run: RunRecord;
}

/** Runs the whole pipeline for one article and, when a store is given, saves the run in one transaction. */
export async function createReport(options: CreateReportOptions): Promise<CreateReportResult> {
  const now = options.now ?? (() => new Date());
  const lang = options.lang ?? "ja";
  assertSupportedLang(lang);
  const emit = options.onProgress ?? (() => {});
  const log: RunLogEntry[] = [];
  const note = (entry: Omit<RunLogEntry, "at">) => log.push({ at: now().toISOString(), ...entry });
  const startedAt = now().toISOString();
  const readOptions: ReadOptions = options.encoding ? { encoding: options.encoding } : {};

  emit({ type: "stage-start", stage: "article" });
  const original = await readArticle(options.input, options.deps, readOptions);
  note({ stage: "article", level: "info", message: `read ${original.article.title}`, input: options.input });
  emit({ type: "stage-done", stage: "article", counts: { blocks: original.article.blocks.length } });

  const links =
    options.followLinks === false ? [] : citedLinks(original.article, { maxLinks: options.maxLinks ?? 10 });
  const provided = await expandSourceInputs(options.sources ?? []);
  const research = options.research;
  const discovery = research
    ? await discoverSources(original.article, {
        ...research,
        reportLang: lang,
        known: [options.input, original.page.url, ...links, ...provided],
        ...(options.signal ? { signal: options.signal } : {}),
      })
    : null;
  for (const warning of discovery?.warnings ?? [])
    note({ stage: "research", level: "warn", message: warning });
  for (const query of discovery?.queries ?? [])
    note({ stage: "research", level: "info", message: `query (${query.lang}): ${query.text}` });
  if (discovery) emit({ type: "research", queries: discovery.queries.length, found: discovery.found.length });
  const pending = uniqueInputs([
    ...links.map((input) => ({ input, role: "cited" as const })),
    ...provided.map((input) => ({ input, role: "provided" as const })),
    ...(discovery?.found ?? []).map(({ input }) => ({ input, role: "found" as const })),
  ]);
  // Sources are fetched politely (robots.txt, per-host limits); the article the user named is not.
  const sourceOptions: CreateReportOptions = research
    ? {
        ...options,
        deps: {
          ...options.deps,
          http: politeHttp(options.deps.http, {
            robots: research.robots !== false,
            ...(research.perHost ? { perHost: research.perHost } : {}),
            ...(research.hostDelayMs !== undefined ? { delayMs: research.hostDelayMs } : {}),
          }),
        },
      }
    : options;
  emit({ type: "stage-start", stage: "sources", total: pending.length });
  const gathered = await readSources(pending, original, sourceOptions, (input, outcome) => {
    if (outcome.ok) note({ stage: "sources", level: "info", message: "read", input });
    else note({ stage: "sources", level: "warn", message: outcome.failure.message, input });
    emit({
      type: "source",
      input,
      ok: outcome.ok,
      ...(outcome.ok ? {} : { message: outcome.failure.message }),
    });
  });
  const read: Source[] = [
    { id: "s0", role: "article", input: options.input, article: original.article },
    ...gathered.sources.map((source, index) => ({ ...source, id: `s${index + 1}` })),
  ];
  const refined = research ? refineSources(read, { ...research, now: now() }) : null;
  for (const { input, message } of refined?.notes ?? [])
    note({ stage: "research", level: "info", message, input });
  const sources = refined?.sources ?? read;
  emit({
    type: "stage-done",
    stage: "sources",
    counts: { ok: gathered.sources.length, failed: gathered.failures.length },
  });

  emit({ type: "stage-start", stage: "passages" });
  const passages = sources.flatMap((source) => {
    const pageStarts = gathered.pdfPages.get(source.input);
    const split = splitPassages(source);
    return pageStarts
      ? split.map((passage) => ({ ...passage, page: pageAt(pageStarts, passage.start) }))
      : split;
  });
  emit({ type: "stage-done", stage: "passages", counts: { passages: passages.length } });

  emit({ type: "stage-start", stage: "write" });
  const writer = options.writer ?? extractiveWriter;
  const draft = await writer.write({
    sources,
    passages,
    lang,
    ...(options.signal ? { signal: options.signal } : {}),
    onProgress: (event) => {
      if (event.type === "section") emit(event);
      else emit({ ...event, type: "citations", final: false });
    },
  });
  emit({ type: "stage-done", stage: "write", counts: { sections: draft.sections.length } });

  emit({ type: "stage-start", stage: "cite" });
  const report = citeReport({
    draft,
    sources,
    passages,
    lang,
    engine: writer.name,
    id: randomUUID(),
    createdAt: now().toISOString(),
    failures: gathered.failures,
  });
  // A writer that verified its own claims counts them all; citeReport then only saw the survivors.
  if (draft.grounding) report.grounding = mergeGrounding(draft.grounding, report.grounding);
  emit({ type: "citations", final: true, ...report.grounding });
  emit({
    type: "stage-done",
    stage: "cite",
    counts: { claims: report.grounding.claims, references: report.references.length },
  });

  const run: RunRecord = {
    id: report.id,
    input: options.input,
    startedAt,
    finishedAt: now().toISOString(),
    status: "done",
    options: {
      lang,
      engine: writer.name,
      sources: options.sources ?? [],
      maxLinks: options.maxLinks ?? 10,
      ...(research
        ? {
            research: {
              search: research.search?.name ?? null,
              corpus: research.corpus !== undefined,
              sourceLangs: research.sourceLangs ?? [],
              maxSources: research.maxSources ?? null,
              since: research.since ?? null,
              robots: research.robots !== false,
            },
          }
        : {}),
    },
    log,
    report,
  };
  if (options.deps.store) {
    emit({ type: "stage-start", stage: "store" });
    options.deps.store.saveRun(run);
    emit({ type: "stage-done", stage: "store", counts: { reports: 1 } });
  }
  return { report, run };
}

interface PendingSource {
  input: string;
  role: SourceRole;
}

type SourceOutcome = { ok: true } | { ok: false; failure: SourceFailure };

function uniqueInputs(inputs: PendingSource[]): PendingSource[] {
  const seen = new Set<string>();
  return inputs.filter(({ input }) => {
    const { location } = classifyInput(input);
    if (seen.has(location)) return false;
    seen.add(location);
    return true;
  });
}

/**
 * Reads every pending source with bounded concurrency. A source that fails is recorded, never thrown:
 * one broken link must not cost the user the report. The original article and duplicates of it
 * (the same final URL) are skipped.
 */
async function readSources(
  pending: PendingSource[],
  original: ReadResult,
  options: CreateReportOptions,
  onOutcome: (input: string, outcome: SourceOutcome) => void,
): Promise<{ sources: Omit<Source, "id">[]; failures: SourceFailure[]; pdfPages: Map<string, number[]> }> {
  const results: Array<Omit<Source, "id"> | null> = new Array(pending.length).fill(null);
  const failures: SourceFailure[] = [];
  // Where each page of a PDF source starts in its text, by input, so its passages can carry page numbers.
  const pdfPages = new Map<string, number[]>();
  const seenUrls = new Set([original.page.url, original.article.url]);
  let next = 0;
  const worker = async () => {
    while (next < pending.length) {
      const index = next++;
      const item = pending[index] as PendingSource;
      try {
        const read =
          options.research && looksLikePdf(item.input)
            ? await readPdfSource(item.input, options.deps.http)
            : await readArticle(item.input, options.deps, options).catch((error: unknown) => {
                // A PDF behind an address without ".pdf" is known only once the server says so.
                if (options.research && isPdfRefusal(error))
                  return readPdfSource(item.input, options.deps.http);
                throw error;
              });
        const { page, article } = read;
        if (seenUrls.has(page.url) || seenUrls.has(article.url)) continue;
        seenUrls.add(page.url);
        results[index] = { role: item.role, input: item.input, article };
        if ("pageStarts" in read && Array.isArray(read.pageStarts)) pdfPages.set(item.input, read.pageStarts);
        onOutcome(item.input, { ok: true });
      } catch (error) {
        const failure = toFailure(item.input, error);
        failures.push(failure);
        onOutcome(item.input, { ok: false, failure });
      }
    }
  };
  const workers = Array.from({ length: Math.min(options.concurrency ?? 4, pending.length) }, worker);
  await Promise.all(workers);
  return { sources: results.filter((source) => source !== null), failures, pdfPages };
}

/** The fetch stage's refusal of a page served as application/pdf. */
function isPdfRefusal(error: unknown): boolean {
  return (
    error instanceof ShirabeError && error.code === "unsupported-content" && /\bPDF\b/.test(error.message)
  );
}

function toFailure(input: string, error: unknown): SourceFailure {
  if (error instanceof ShirabeError) return { input, message: error.message, code: error.code };
  return {
    input,
    message: `${input}: ${error instanceof Error ? error.message : String(error)}`,
    code: "internal",
  };
}
