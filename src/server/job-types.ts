// The records the job runner, the submission parser and the routes share. They live apart from all
// three so that none of them imports another just for a type.
import type { ProgressEvent, Writer } from "../index.js";

export type JobStatus = "queued" | "running" | "done" | "failed";

export interface JobError {
  code: string;
  message: string;
}

export type JobEventData =
  | ProgressEvent
  | { type: "status"; status: JobStatus }
  | { type: "done"; id: string; title: string }
  | { type: "failed"; error: JobError };

export interface JobEvent {
  /** 1, 2, 3, … within the job; a job replayed after a restart keeps counting from its last stored id. */
  id: number;
  data: JobEventData;
}

/** What an engine is told when a job starts. */
export interface EngineStart {
  /** The model the user picked (one of the engine's `models`), if any. */
  model: string | undefined;
  input: string;
  lang: string;
  sources: string[];
  maxLinks: number;
  followLinks: boolean;
}

/** One job's use of an engine. */
export interface EngineSession {
  writer: Writer;
  /**
   * Called once when the job ends. For a failure it may return the error to show instead (e.g. with
   * how to resume the run).
   */
  end?(outcome: { reportId: string } | { error: unknown }): unknown;
}

/** A writing engine the server offers; the CLI configures them, the server never reads keys. */
export interface Engine {
  /** Models a user may pick; empty or absent when the engine has no choice of model. */
  models?: string[];
  /**
   * Whether the engine quotes sources verbatim in their own language (the extractive engine) instead
   * of writing in the report's language. The form says so, so nobody expects a translation.
   */
  quotesVerbatim?: boolean;
  start(options: EngineStart): EngineSession;
}

export interface JobRequest {
  /** URL, or the path of the uploaded article inside the job's private upload folder. */
  input: string;
  /** What the user gave: the URL, or the uploaded file's name. */
  label: string;
  lang: string;
  engineName: string;
  engine: Engine;
  model?: string;
  sources: string[];
  maxLinks?: number;
  followLinks?: boolean;
  /** The upload folder: never shown to users, so every message naming it is rewritten. */
  uploadDir?: string;
  /** Runs when the job ends, e.g. to remove the uploaded files. */
  cleanup?: () => Promise<void>;
}

export interface Job {
  id: string;
  status: JobStatus;
  label: string;
  lang: string;
  engine: string;
  createdAt: string;
  /** When it started running and when it ended, for the elapsed time the UI shows. */
  startedAt?: string;
  finishedAt?: string;
  title?: string;
  error?: JobError;
  events: JobEvent[];
}
