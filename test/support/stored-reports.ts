// Reports as the store keeps them: the run that saves one, and a store file as an older Shirabe left
// it (the first `version` migrations applied, one report inserted as those versions stored it).
import { join } from "node:path";
import Database from "better-sqlite3";
import { MIGRATIONS } from "../../src/adapters/store/migrations.js";
import type { RunRecord } from "../../src/ports/store.js";
import type { Report } from "../../src/types.js";
import { tempDir } from "./temp.js";

/** The finished run that saves `report`, named run-<report id>. */
export function runFor(report: Report): RunRecord {
  return {
    id: `run-${report.id}`,
    input: report.original.url,
    startedAt: report.createdAt,
    finishedAt: report.createdAt,
    status: "done",
    options: {},
    log: [],
    report,
  };
}

export function oldStoreWith(version: number, report: Report): string {
  const path = join(tempDir(), "old.sqlite");
  const old = new Database(path);
  for (const sql of MIGRATIONS.slice(0, version)) old.exec(sql);
  old.pragma(`user_version = ${version}`);
  old
    .prepare("INSERT INTO runs VALUES (?, 'x', 't', 't', 'done', '{}', '[]', ?)")
    .run(`run-${report.id}`, report.id);
  old
    .prepare(
      "INSERT INTO reports (id, run_id, title, lang, engine, created_at, original_url, json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .run(
      report.id,
      `run-${report.id}`,
      report.title,
      report.lang,
      report.engine,
      report.createdAt,
      report.original.url,
      JSON.stringify(report),
    );
  old.close();
  return path;
}
