// Shirabe's library API. Everything a program needs to make, render, check and store reports.
export { createHttpClient } from "./adapters/http/index.js";
export {
  createBudget,
  createLlmClient,
  DEFAULT_PRICES,
  type LlmClientOptions,
  resolveModel,
} from "./adapters/llm/index.js";
export { type LlmStore, openLlmStore } from "./adapters/store/llm-cache.js";
export { defaultDataDir, openStore, type SqliteStore } from "./adapters/store/sqlite.js";
export { readCorpusDocument } from "./corpus.js";
export { DEFAULTS } from "./defaults.js";
export { type ErrorKind, isShirabeError, ShirabeError } from "./errors.js";
export { extractiveWriter } from "./extractive-writer.js";
export { createLlmWriter, type LlmWriterOptions } from "./llm.js";
export { type CreateReportOptions, type CreateReportResult, createReport } from "./pipeline.js";
export type { HttpClient, HttpResponse } from "./ports/http.js";
export type { LlmClient } from "./ports/llm.js";
export type { ProgressEvent, StageName } from "./ports/progress.js";
export type { PageCache, ReportStore, ReportSummary, RunLogEntry, RunRecord } from "./ports/store.js";
export type { SectionProgress, WriteInput, WriteProgress, Writer } from "./ports/writer.js";
export { parseFormat, type ReportFormat, renderReport } from "./render.js";
export {
  type Politeness,
  type ReaderDeps,
  type ReadOptions,
  type ReadResult,
  readArticle,
} from "./source-reader.js";
export { checkReport } from "./stages/check/check.js";
export { expandSourceInputs } from "./stages/discover/index.js";
export type { ResearchOptions } from "./stages/research/index.js";
export type * from "./types.js";
