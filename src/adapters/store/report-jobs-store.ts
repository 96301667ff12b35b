// What queued report jobs read from the store file besides the queue: the LLM spend since a time (for a
// daily cap) and the report a job already made (so a job rerun after a crash returns it, not a twin).
import { guardStore, openDatabase } from "./open-database.js";

export interface ReportJobsStore {
  /** US dollars of paid LLM calls recorded at or after `since` (ISO time), by every run on this file. */
  spentSince(since: string): number;
  /** The newest report made from `input` by a run that started at or after `since`, or null. */
  reportMadeSince(input: string, since: string): { id: string; title: string } | null;
  close(): void;
}

export function openReportJobsStore(options: { path: string }): ReportJobsStore {
  const db = openDatabase(options.path);
  const guard = guardStore(options.path);
  const spent = db.prepare<[string], { cost: number | null }>(
    "SELECT SUM(cost_usd) AS cost FROM llm_usage WHERE at >= ? AND cached = 0",
  );
  const made = db.prepare<[string, string], { id: string; title: string }>(
    `SELECT reports.id, reports.title FROM runs JOIN reports ON reports.id = runs.report_id
     WHERE runs.input = ? AND runs.started_at >= ? AND runs.status = 'done'
     ORDER BY runs.started_at DESC LIMIT 1`,
  );
  return {
    spentSince: guard((since: string) => spent.get(since)?.cost ?? 0),
    reportMadeSince: guard((input: string, since: string) => made.get(input, since) ?? null),
    close: () => db.close(),
  };
}
