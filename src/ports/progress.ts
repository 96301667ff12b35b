// What a report run tells its caller while it works: the CLI prints these, the server streams them (SSE).
import type { GroundingSummary } from "../types.js";
import type { SectionProgress } from "./writer.js";

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
