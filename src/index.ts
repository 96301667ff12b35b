// Shirabe's library API. Everything a program needs to make, render, check and store reports.
export { createHttpClient } from "./adapters/http/index.js";
export {
  createBudget,
  createLlmClient,
  DEFAULT_PRICES,
  type LlmClientOptions,
  resolveModel,
} from "./adapters/llm/index.js";
export { type BullmqQueueOptions, openBullmqQueue } from "./adapters/queue/bullmq-queue.js";
export { type EmbeddedQueueOptions, openEmbeddedQueue } from "./adapters/queue/embedded-queue.js";
export { jobKey } from "./adapters/queue/job-key.js";
export { feedId, openFeedStore } from "./adapters/store/feed-store.js";
export { type LlmStore, openLlmStore } from "./adapters/store/llm-cache.js";
export { defaultDataDir, openStore, type SqliteStore } from "./adapters/store/sqlite.js";
export { readCorpusDocument } from "./corpus-reader.js";
export { DEFAULTS } from "./defaults.js";
export { type ErrorCode, type ErrorKind, isErrorCode, isShirabeError, ShirabeError } from "./errors.js";
export { extractiveWriter } from "./extractive-writer.js";
export {
  expandFeedInputs,
  type PollOptions,
  pollFeeds,
  type WatchDeps,
  type WatchEvent,
} from "./feed-watch.js";
export { createLlmWriter, type LlmWriterOptions } from "./llm-writer.js";
export { type CreateReportOptions, type CreateReportResult, createReport } from "./pipeline.js";
export type { FeedItemRecord, FeedRecord, FeedStore, PollOutcome } from "./ports/feeds.js";
export type { HttpClient, HttpResponse } from "./ports/http.js";
export type { LlmClient } from "./ports/llm.js";
export type { ProgressEvent, StageName } from "./ports/progress.js";
export {
  type Enqueued,
  type EnqueueOptions,
  JobDeferred,
  type JobHandler,
  type JobState,
  type Queue,
  type QueuedJob,
  type QueueEvent,
  type StateCounts,
  type Worker,
} from "./ports/queue.js";
export type { PageCache, ReportStore, ReportSummary, RunLogEntry, RunRecord } from "./ports/store.js";
export type { SectionProgress, WriteInput, WriteProgress, Writer } from "./ports/writer.js";
export { type PublishOptions, type PublishResult, publishSite } from "./publish-site.js";
export { type QueueStatus, queueStatus, retryFailed } from "./queue-status.js";
export { formatForPath, parseFormat, type ReportFormat, renderReport } from "./render.js";
export {
  type Politeness,
  type ReaderDeps,
  type ReadOptions,
  type ReadResult,
  readArticle,
} from "./source-reader.js";
export { type CheckOptions, checkReport } from "./stages/check/index.js";
export { expandSourceInputs } from "./stages/discover/index.js";
export { type FeedItem, type ItemFilters, parseFeedDocument, readOpml } from "./stages/feeds/index.js";
export { buildSite, type PublishedReport } from "./stages/publish/index.js";
export { renderDocx } from "./stages/render/index.js";
export type { ResearchOptions } from "./stages/research/index.js";
export { extractiveTranslationNotice, translationNotice } from "./text/translation-notice.js";
export type * from "./types.js";
