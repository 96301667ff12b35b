// The LLM engine's tables in the same SQLite file as the store (migration 3): the call cache, resumable
// runs and per-call usage. Its own connection, so the core store's interface stays as it is.
import type { LlmCallCache, LlmCallRecord } from "../../ports/llm.js";
import { guardStore, openDatabase } from "./open-database.js";

export type LlmRunStatus = "running" | "done" | "stopped" | "failed";

export interface LlmRun {
  id: string;
  input: string;
  /** The report options needed to run it again (never a key). */
  options: Record<string, unknown>;
  status: LlmRunStatus;
  startedAt: string;
  updatedAt: string;
  reportId: string | null;
  message: string | null;
}

export interface LlmUsageTotals {
  calls: number;
  cachedCalls: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
}

export interface LlmStore extends LlmCallCache {
  /** Creates the run, or marks an existing one running again (a resume). */
  startRun(run: { id: string; input: string; options: Record<string, unknown> }): void;
  finishRun(
    id: string,
    status: Exclude<LlmRunStatus, "running">,
    detail?: { reportId?: string; message?: string },
  ): void;
  getRun(id: string): LlmRun | null;
  recordUsage(runId: string, call: LlmCallRecord): void;
  usage(runId: string): LlmUsageTotals;
  close(): void;
}

interface RunRow {
  id: string;
  input: string;
  options: string;
  status: LlmRunStatus;
  started_at: string;
  updated_at: string;
  report_id: string | null;
  message: string | null;
}

export function openLlmStore(options: { path: string; now?: () => Date }): LlmStore {
  const now = () => (options.now ? options.now() : new Date()).toISOString();
  const db = openDatabase(options.path);
  const guard = guardStore(options.path);
  const getCall = db.prepare<[string], { response: string; input_tokens: number; output_tokens: number }>(
    "SELECT response, input_tokens, output_tokens FROM llm_calls WHERE key = ?",
  );
  const putCall = db.prepare(
    `INSERT INTO llm_calls (key, model, purpose, response, input_tokens, output_tokens, created_at)
     VALUES (@key, @model, @purpose, @response, @inputTokens, @outputTokens, @createdAt)
     ON CONFLICT (key) DO UPDATE SET response = excluded.response`,
  );
  const upsertRun = db.prepare(
    `INSERT INTO llm_runs (id, input, options, status, started_at, updated_at)
     VALUES (@id, @input, @options, 'running', @at, @at)
     ON CONFLICT (id) DO UPDATE SET status = 'running', updated_at = excluded.updated_at, message = NULL`,
  );
  const finish = db.prepare(
    "UPDATE llm_runs SET status = @status, updated_at = @at, report_id = @reportId, message = @message WHERE id = @id",
  );
  const getRun = db.prepare<[string], RunRow>("SELECT * FROM llm_runs WHERE id = ?");
  const addUsage = db.prepare(
    `INSERT INTO llm_usage (run_id, at, purpose, model, input_tokens, output_tokens, cost_usd, cached, attempts)
     VALUES (@runId, @at, @purpose, @model, @inputTokens, @outputTokens, @costUsd, @cached, @attempts)`,
  );
  const totals = db.prepare<
    [string],
    { calls: number; cached: number | null; input: number | null; output: number | null; cost: number | null }
  >(
    `SELECT COUNT(*) AS calls, SUM(cached) AS cached, SUM(input_tokens) AS input, SUM(output_tokens) AS output,
            SUM(cost_usd) AS cost FROM llm_usage WHERE run_id = ?`,
  );
  return {
    getCall: guard((key: string) => {
      const row = getCall.get(key);
      return row
        ? { text: row.response, inputTokens: row.input_tokens, outputTokens: row.output_tokens }
        : null;
    }),
    putCall: guard((key, call) => {
      putCall.run({ key, ...call, response: call.text, createdAt: now() });
    }),
    startRun: guard((run) => {
      upsertRun.run({ id: run.id, input: run.input, options: JSON.stringify(run.options), at: now() });
    }),
    finishRun: guard((id, status, detail = {}) => {
      finish.run({
        id,
        status,
        at: now(),
        reportId: detail.reportId ?? null,
        message: detail.message ?? null,
      });
    }),
    getRun: guard((id: string) => {
      const row = getRun.get(id);
      if (!row) return null;
      return {
        id: row.id,
        input: row.input,
        options: JSON.parse(row.options) as Record<string, unknown>,
        status: row.status,
        startedAt: row.started_at,
        updatedAt: row.updated_at,
        reportId: row.report_id,
        message: row.message,
      };
    }),
    recordUsage: guard((runId, call) => {
      addUsage.run({
        runId,
        at: new Date(call.finishedAt).toISOString(),
        purpose: call.purpose,
        model: call.model,
        inputTokens: call.inputTokens,
        outputTokens: call.outputTokens,
        costUsd: call.costUsd,
        cached: call.cached ? 1 : 0,
        attempts: call.attempts,
      });
    }),
    usage: guard((runId: string) => {
      const row = totals.get(runId);
      return {
        calls: row?.calls ?? 0,
        cachedCalls: row?.cached ?? 0,
        inputTokens: row?.input ?? 0,
        outputTokens: row?.output ?? 0,
        costUsd: row?.cost ?? 0,
      };
    }),
    close: () => db.close(),
  };
}
