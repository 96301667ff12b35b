// The LLM engine as the report command uses it: a run recorded for --resume, the call cache and usage in
// the store's file, the budget, and one usage line at the end. Keys stay inside the model config.
import type { Budget } from "../adapters/llm/budget.js";
import { createBudget, createEmbedder, createLlmClient, type ModelConfig } from "../adapters/llm/index.js";
import type { Limiter } from "../adapters/llm/provider-limiter.js";
import {
  type LlmRun,
  type LlmStore,
  type LlmUsageTotals,
  openLlmStore,
} from "../adapters/store/llm-cache.js";
import { isShirabeError, ShirabeError } from "../errors.js";
import { createLlmWriter } from "../llm-writer.js";
import type { LlmCallCache, LlmClient } from "../ports/llm.js";
import type { Writer } from "../ports/writer.js";
import type { LlmSettings } from "./config.js";

export interface SharedLlmState {
  cache: LlmCallCache;
  limiter(config: ModelConfig): Limiter;
}

export interface LlmRunOptions {
  model: string;
  lang: string;
  sources: string[];
  maxLinks: number;
  followLinks: boolean;
  encoding?: string;
}

export interface LlmEngine {
  runId: string;
  writer: Writer;
  /** The run's client (cache, budget, usage), for other LLM steps such as writing search queries. */
  llm: LlmClient;
  /** Marks the run done and returns its usage. */
  done(reportId: string): LlmUsageTotals;
  /**
   * Marks the run stopped or failed and returns the error to show, with the command that resumes it. From
   * here on no call is sent; those in flight still finish and are recorded (see close).
   */
  failed(error: unknown): unknown;
  /** Waits for the calls in flight to be answered and recorded, then closes the store. */
  close(): Promise<void>;
}

/** The stored run to resume, or a usage error naming the id. */
export function readResumableRun(storePath: string, id: string): LlmRun {
  const store = openLlmStore({ path: storePath });
  try {
    const run = store.getRun(id);
    if (!run) {
      throw new ShirabeError(
        `--resume ${id}: no LLM run with this id in ${storePath}; check the id printed by the run`,
        {
          code: "unknown-run",
          kind: "usage",
          input: id,
        },
      );
    }
    if (run.status === "done") {
      throw new ShirabeError(
        `--resume ${id}: the run already finished (report ${run.reportId}); shirabe show ${run.reportId}`,
        {
          code: "run-done",
          kind: "usage",
          input: id,
        },
      );
    }
    return run;
  } finally {
    store.close();
  }
}

export function openLlmEngine(options: {
  storePath: string;
  settings: LlmSettings & { model: ModelConfig };
  runId: string;
  input: string;
  runOptions: LlmRunOptions;
  /** Replaces the run's budget built from the settings (batch and watch add a daily cap). */
  budget?: (perReport: Budget) => Budget;
  /** State workers share through Redis: the call cache and the provider limit (default: this process's). */
  shared?: SharedLlmState;
}): LlmEngine {
  const { runId } = options;
  const store: LlmStore = openLlmStore({ path: options.storePath });
  store.startRun({ id: runId, input: options.input, options: { ...options.runOptions } });
  const llm = createLlmClient({
    config: options.settings.model,
    cache: options.shared?.cache ?? store,
    ...(options.shared ? { limiter: options.shared.limiter(options.settings.model) } : {}),
    budget: (options.budget ?? ((own) => own))(createBudget(options.settings.budget)),
    onCall: (call) => store.recordUsage(runId, call),
  });
  const embedModel = options.settings.embedModel;
  const embedder = embedModel ? createEmbedder({ config: embedModel }) : undefined;
  return {
    runId,
    writer: createLlmWriter({ llm, ...(embedder ? { embedder } : {}) }),
    llm,
    done(reportId) {
      store.finishRun(runId, "done", { reportId });
      return store.usage(runId);
    },
    failed(error) {
      // Nothing more is sent from here; close() waits for the calls in flight.
      void llm.stop();
      const stopped = isShirabeError(error) && error.code === "budget-exceeded";
      const message = error instanceof Error ? error.message : String(error);
      store.finishRun(runId, stopped ? "stopped" : "failed", { message });
      if (!isShirabeError(error) || (!stopped && error.kind !== "network")) return error;
      const hint = stopped ? " with a higher --max-cost or --max-tokens" : "";
      return new ShirabeError(`${message}; run ${runId} is saved: shirabe report --resume ${runId}${hint}`, {
        code: error.code,
        kind: error.kind,
        ...(error.input ? { input: error.input } : {}),
        retryable: error.retryable,
        cause: error,
      });
    },
    async close() {
      await llm.stop();
      store.close();
    },
  };
}

export function usageLine(model: string, usage: LlmUsageTotals, runId: string): string {
  const paid = usage.calls - usage.cachedCalls;
  return (
    `llm ${model}: ${usage.calls} calls (${paid} paid, ${usage.cachedCalls} from cache), ` +
    `${usage.inputTokens} tokens in, ${usage.outputTokens} out, est. $${usage.costUsd.toFixed(4)}; run ${runId}`
  );
}
