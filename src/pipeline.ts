// The one module that knows the stage order: source → fetch → decode → extract → passages → write →
// cite → store. Stages never call each other; this file passes their records along and reports progress.
import { randomUUID } from "node:crypto";
import { DEFAULTS } from "./defaults.js";
import { extractiveWriter } from "./extractive-writer.js";
import type { ProgressEvent } from "./ports/progress.js";
import type { ReportStore, RunLogEntry, RunRecord } from "./ports/store.js";
import type { Writer } from "./ports/writer.js";
import {
  type Politeness,
  type ReaderDeps,
  type ReadOptions,
  readArticle,
  readSources,
  toFailure,
  uniqueInputs,
} from "./source-reader.js";
import { assertSupportedLang, citeReport } from "./stages/cite.js";
import { citedLinks, expandSourceInputs } from "./stages/discover/index.js";
import { splitPassages } from "./stages/passages/index.js";
import { discoverSources, type ResearchOptions, refineSources } from "./stages/research/index.js";
import { mergeGrounding } from "./stages/verify/index.js";
import type { Passage, Report, Source, SourceFailure } from "./types.js";

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
  /** robots.txt and per-host limits for every source fetched (default: robots honoured, 2 per host, 500 ms). */
  politeness?: Politeness;
  deps: ReaderDeps & { store?: ReportStore };
  /** The writing engine (default: the extractive engine). */
  writer?: Writer;
  /** Search, corpus and source selection; without it only cited and given sources are read. */
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
  const lang = options.lang ?? DEFAULTS.lang;
  const maxLinks = options.maxLinks ?? DEFAULTS.maxLinks;
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

  const followLinks = options.followLinks ?? DEFAULTS.followLinks;
  const links = followLinks ? citedLinks(original.article, { maxLinks }) : [];
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
  emit({ type: "stage-start", stage: "sources", total: pending.length });
  const gathered = await readSources(pending, {
    ...readOptions,
    deps: options.deps,
    original,
    ...(options.politeness ? { politeness: options.politeness } : {}),
    ...(options.concurrency ? { concurrency: options.concurrency } : {}),
    onOutcome: (input, outcome) => {
      if (outcome.ok) note({ stage: "sources", level: "info", message: "read", input });
      else note({ stage: "sources", level: "warn", message: outcome.failure.message, input });
      emit({
        type: "source",
        input,
        ok: outcome.ok,
        ...(outcome.ok ? {} : { message: outcome.failure.message }),
      });
    },
  });
  const read: Source[] = [
    { id: "s0", role: "article", input: options.input, article: original.article },
    ...gathered.sources.map((source, index) => ({ ...source, id: `s${index + 1}` })),
  ];
  // Every interface keeps sources the same way (copies merged, signals added), with or without research.
  const refined = refineSources(read, { ...(research ?? {}), now: now() });
  for (const { input, message } of refined.notes) note({ stage: "research", level: "info", message, input });
  emit({
    type: "stage-done",
    stage: "sources",
    counts: { ok: gathered.sources.length, failed: gathered.failures.length },
  });

  emit({ type: "stage-start", stage: "passages" });
  const split = splitEachSource(refined.sources);
  for (const failure of split.failures)
    note({ stage: "passages", level: "warn", message: failure.message, input: failure.input });
  const { sources, passages } = split;
  const failures = [...gathered.failures, ...split.failures];
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
    failures,
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
      maxLinks,
      robots: options.politeness?.robots ?? DEFAULTS.robots,
      ...(research
        ? {
            research: {
              search: research.search?.name ?? null,
              corpus: research.corpus !== undefined,
              sourceLangs: research.sourceLangs ?? [],
              maxSources: research.maxSources ?? null,
              since: research.since ?? null,
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

/**
 * Passages of every source, each source on its own: one whose text cannot be split is listed as failed
 * and left out (the article itself stays, without passages), never failing the report. Ids are
 * renumbered so the sources kept stay s0, s1, s2, …
 */
function splitEachSource(candidates: Source[]): {
  sources: Source[];
  passages: Passage[];
  failures: SourceFailure[];
} {
  const sources: Source[] = [];
  const passages: Passage[] = [];
  const failures: SourceFailure[] = [];
  for (const candidate of candidates) {
    const source = { ...candidate, id: `s${sources.length}` };
    try {
      // Not push(...spread): a page may hold more sentences than the call stack has room for arguments.
      for (const passage of splitPassages(source)) passages.push(passage);
      sources.push(source);
    } catch (error) {
      const failure = toFailure(source.input, error);
      failures.push({ ...failure, message: `${failure.message} (while splitting its text into passages)` });
      if (source.role === "article") sources.push(source);
    }
  }
  return { sources, passages, failures };
}
