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
export { type ErrorKind, isShirabeError, ShirabeError } from "./errors.js";
export { createLlmWriter, type LlmWriterOptions } from "./llm.js";
export {
  type CreateReportOptions,
  type CreateReportResult,
  createReport,
  extractiveWriter,
  type ProgressEvent,
  type ReaderDeps,
  type ReadOptions,
  type ReadResult,
  readArticle,
  type SectionProgress,
  type StageName,
  type WriteInput,
  type WriteProgress,
  type Writer,
} from "./pipeline.js";
export type { HttpClient, HttpResponse } from "./ports/http.js";
export type { LlmClient } from "./ports/llm.js";
export type { PageCache, ReportStore, ReportSummary, RunLogEntry, RunRecord } from "./ports/store.js";
export { parseFormat, type ReportFormat, renderReport } from "./render.js";
export { checkReport } from "./stages/check/check.js";
export { expandSourceInputs } from "./stages/discover.js";
export { renderDocx } from "./stages/render/render-docx.js";
export type { ResearchOptions } from "./stages/research/gather.js";
export type * from "./types.js";
