// What the server and its report workers tell each other, and how errors cross between them: a
// ShirabeError keeps its code, kind and input on the other side.

import type { CreateReportResult, ProgressEvent, WriteInput, WriteProgress } from "../index.js";
import { ShirabeError } from "../index.js";
import type { HttpResponse } from "../ports/http.js";
import type { Draft, Page } from "../types.js";
import type { ReportParams } from "./report-maker.js";

export interface SentError {
  message: string;
  shirabe?: { code: ShirabeError["code"]; kind: ShirabeError["kind"]; input?: string; retryable: boolean };
}

export type ToWorker =
  | { type: "make"; params: ReportParams; local: boolean; writerName: string; withCache: boolean }
  | { type: "abort" }
  | { type: "http-result"; id: number; response: HttpResponse }
  | { type: "http-error"; id: number; error: SentError }
  | { type: "write-progress"; event: WriteProgress }
  | { type: "write-result"; draft: Draft }
  | { type: "write-error"; error: SentError };

export type FromWorker =
  | { type: "progress"; event: ProgressEvent }
  | { type: "http"; id: number; url: string; headers?: Record<string, string> }
  | { type: "cache-get"; url: string }
  | { type: "cache-put"; url: string; page: Page }
  | { type: "write"; input: Pick<WriteInput, "sources" | "passages" | "lang"> }
  | { type: "done"; result: CreateReportResult }
  | { type: "failed"; error: SentError };

export function sendError(error: unknown): SentError {
  if (error instanceof ShirabeError) {
    return {
      message: error.message,
      shirabe: {
        code: error.code,
        kind: error.kind,
        ...(error.input === undefined ? {} : { input: error.input }),
        retryable: error.retryable,
      },
    };
  }
  return { message: error instanceof Error ? error.message : String(error) };
}

export function receiveError(sent: SentError): Error {
  if (!sent.shirabe) return new Error(sent.message);
  const { input, ...rest } = sent.shirabe;
  return new ShirabeError(sent.message, { ...rest, ...(input === undefined ? {} : { input }) });
}
