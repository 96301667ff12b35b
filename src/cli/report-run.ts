// What `report`, `batch` and `watch` share: the report options (declared once), turning flags into a
// job's serialisable options, and running one report with them (engine, research, store).
import type { Command } from "commander";
import type { Budget } from "../adapters/llm/budget.js";
import type { SqliteStore } from "../adapters/store/sqlite.js";
import { ShirabeError } from "../errors.js";
import { createReport, DEFAULTS, type ProgressEvent, type Report } from "../index.js";
import type { RunRecord } from "../ports/store.js";
import { type CommonFlags, type LlmFlags, resolveLlmSettings, type Settings } from "./config.js";
import { buildHttpClient } from "./context.js";
import { type LlmEngine, type LlmRunOptions, openLlmEngine, type SharedLlmState } from "./llm-options.js";
import { FLAG_RANGES, parseNumberFlag } from "./number-flags.js";
import { openResearch, type ResearchFlags } from "./research.js";

/** [flags, description, default] of every option that shapes a report. */
const REPORT_OPTIONS: Array<[string, string, string?]> = [
  ["--sources <inputs...>", "more sources: files, folders or URLs"],
  ["--lang <tag>", "report language (BCP 47)", DEFAULTS.lang],
  ["--max-links <n>", "follow at most this many links cited by the article", String(DEFAULTS.maxLinks)],
  ["--no-follow-links", "do not follow the links the article cites"],
  ["--encoding <label>", "decode the article with this encoding"],
  ["--allow-private-network", "allow fetching from loopback and private addresses"],
  [
    "--timeout <seconds>",
    `give up on a fetch after this many seconds (default ${DEFAULTS.timeoutMs / 1000})`,
  ],
  ["--data-dir <dir>", "where the page cache and reports are stored"],
  ["--no-cache", "do not read or write the page cache"],
  ["--quiet", "no progress on stderr"],
  ["--debug", "print stack traces"],
  ["--model <provider:model>", "write with this LLM, e.g. deepseek:deepseek-chat (default: extractive)"],
  [
    "--engine <engine>",
    "extractive: write without an LLM even where a model is configured (a worker's too); llm: with the model",
  ],
  [
    "--embed-model <provider:model>",
    "rank passages with this embedding model too, e.g. openai:text-embedding-3-small (or SHIRABE_EMBED_MODEL)",
  ],
  ["--config <file>", "config file with providers, models and prices (JSON)"],
  ["--max-cost <usd>", "stop before the LLM calls could cost more than this (estimated, US dollars)"],
  ["--max-tokens <n>", "stop before the LLM calls could use more tokens than this"],
  ["--search <provider>", "also search the web: searxng, tavily or brave (or SHIRABE_SEARCH)"],
  ["--search-url <url>", "the search provider's address, e.g. your SearXNG (or SHIRABE_SEARCH_URL)"],
  ["--corpus", "also draw on the local corpus (`shirabe corpus add`)"],
  ["--source-langs <tags>", "search in these languages too, comma-separated, e.g. en,zh,ja"],
  ["--max-sources <n>", "use at most this many sources besides the article"],
  ["--since <date>", "only sources published on or after this date (YYYY-MM-DD)"],
  ["--ignore-robots", "fetch sources even where robots.txt asks crawlers not to"],
];

/** Declares the report options on `command`, except those named in `omit` (long names, e.g. "--since"). */
export function addReportOptions(command: Command, omit: string[] = []): Command {
  for (const [flags, description, defaultValue] of REPORT_OPTIONS) {
    if (omit.some((name) => flags.startsWith(`${name} `) || flags === name)) continue;
    if (defaultValue === undefined) command.option(flags, description);
    else command.option(flags, description, defaultValue);
  }
  return command;
}

export interface ReportFlags extends CommonFlags, LlmFlags, ResearchFlags {
  sources?: string[];
  lang: string;
  maxLinks: string;
  followLinks: boolean;
  encoding?: string;
  engine?: string;
  quiet?: boolean;
}

/** `engine: "extractive"` writes without an LLM whatever model the process that runs it has configured. */
export type ReportRunOptions = Omit<LlmRunOptions, "model"> & { model?: string; engine?: "extractive" };

export function reportRunOptions(flags: ReportFlags): ReportRunOptions {
  if (flags.engine !== undefined && flags.engine !== "extractive" && flags.engine !== "llm") {
    throw new ShirabeError(`--engine ${flags.engine}: expected extractive or llm`, {
      code: "bad-option",
      kind: "usage",
      input: flags.engine,
    });
  }
  if (flags.engine === "extractive" && flags.model) {
    throw new ShirabeError("--engine extractive writes without a model: leave out --model", {
      code: "bad-option",
      kind: "usage",
      input: flags.model,
    });
  }
  return {
    ...(flags.engine === "extractive" ? { engine: "extractive" as const } : {}),
    lang: flags.lang,
    sources: flags.sources ?? [],
    maxLinks: parseNumberFlag("--max-links", flags.maxLinks, FLAG_RANGES.maxLinks),
    followLinks: flags.followLinks,
    ...(flags.encoding ? { encoding: flags.encoding } : {}),
    ...(flags.model ? { model: flags.model } : {}),
  };
}

/** Everything a queued report job needs besides its input: plain data, so another process can run it. */
export interface ReportJobOptions {
  run: ReportRunOptions;
  llm: Omit<LlmFlags, "model">;
  research: ResearchFlags;
}

export interface ReportJob {
  input: string;
  options: ReportJobOptions;
}

export function reportJobOptions(flags: ReportFlags): ReportJobOptions {
  const pick = <T extends object>(source: T, keys: Array<keyof T>): T =>
    Object.fromEntries(keys.filter((key) => source[key] !== undefined).map((key) => [key, source[key]])) as T;
  return {
    run: reportRunOptions(flags),
    llm: pick<LlmFlags>(flags, ["embedModel", "config", "maxCost", "maxTokens"]),
    research: pick<ResearchFlags>(flags, [
      "search",
      "searchUrl",
      "config",
      "corpus",
      "sourceLangs",
      "maxSources",
      "since",
      "ignoreRobots",
    ]),
  };
}

export interface RunReportOptions {
  input: string;
  run: ReportRunOptions;
  flags: LlmFlags & ResearchFlags;
  settings: Settings;
  env: NodeJS.ProcessEnv;
  store: SqliteStore;
  /** The LLM run's id (for --resume); a queued job passes its own id so a rerun reuses its cached calls. */
  runId: string;
  onProgress?: (event: ProgressEvent) => void;
  /** Replaces the budget built from --max-cost / --max-tokens (e.g. one that also holds a daily cap). */
  budget?: (perReport: Budget) => Budget;
  /** The call cache and provider limit shared by workers through Redis. */
  shared?: SharedLlmState;
  /** Called before any work when no model is configured and none was declined (the report command says so). */
  onExtractive?: () => void;
  signal?: AbortSignal;
}

export interface RunReportResult {
  report: Report;
  /** The run as stored (its report inside), for a worker to hand to the process that stores it. */
  run: RunRecord;
  /** Present when an LLM wrote the report. */
  llm: { engine: LlmEngine; usage: ReturnType<LlmEngine["done"]>; model: string } | null;
}

/** Writes one report and stores it; the LLM run (if any) is marked done or failed/stopped. */
export async function runReport(options: RunReportOptions): Promise<RunReportResult> {
  const { run, settings } = options;
  // A job that asks for the extractive engine gets it even where this process has a model configured.
  const llmSettings =
    run.engine === "extractive"
      ? null
      : resolveLlmSettings(run.model ? { ...options.flags, model: run.model } : options.flags, options.env);
  const model = llmSettings?.model ?? null;
  const research = openResearch(options.flags, settings, options.env);
  let engine: LlmEngine | null = null;
  if (llmSettings && model) {
    engine = openLlmEngine({
      storePath: settings.storePath,
      settings: { ...llmSettings, model },
      runId: options.runId,
      input: options.input,
      runOptions: { ...run, model: model.id },
      ...(options.budget ? { budget: options.budget } : {}),
      ...(options.shared ? { shared: options.shared } : {}),
    });
  } else if (run.engine !== "extractive") {
    options.onExtractive?.();
  }
  try {
    const { report, run: record } = await createReport({
      input: options.input,
      lang: run.lang,
      maxLinks: run.maxLinks,
      followLinks: run.followLinks,
      ...(run.sources.length > 0 ? { sources: run.sources } : {}),
      ...(run.encoding ? { encoding: run.encoding } : {}),
      ...(engine ? { writer: engine.writer } : {}),
      // With a model, the search queries are written by it too (through the same budget and cache).
      research: engine ? { ...research.research, llm: engine.llm } : research.research,
      politeness: research.politeness,
      deps: {
        http: buildHttpClient(settings),
        store: options.store,
        ...(settings.useCache ? { cache: options.store } : {}),
      },
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    }).catch((error: unknown) => {
      throw engine ? engine.failed(error) : error;
    });
    const usage = engine?.done(report.id);
    return {
      report,
      run: record,
      llm: engine && usage && model ? { engine, usage, model: model.id } : null,
    };
  } finally {
    await engine?.close();
    research.close();
  }
}
