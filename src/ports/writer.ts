// The contract between the pipeline and a writing engine (extractive or LLM): sources and passages in,
// a draft whose claims cite passage ids out, with progress while it works.
import type { Draft, GroundingSummary, Passage, Source } from "../types.js";

/** A section written. `framing` marks the introduction or conclusion (then `heading` names which). */
export interface SectionProgress {
  type: "section";
  heading: string;
  /** Sections written so far, this one included, out of `total`. */
  done: number;
  total: number;
  framing?: "introduction" | "conclusion";
  /** The section's sentences as written, paragraph by paragraph (before the citation check). */
  paragraphs?: string[][];
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
