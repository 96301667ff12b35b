// Versioned schema. The database's PRAGMA user_version is the number of migrations applied; a migration,
// once released, is never edited — changes go in a new entry at the end.
import type { Database } from "better-sqlite3";

export const MIGRATIONS: readonly string[] = [
  // 1: cached pages, runs with their logs, and reports (full JSON plus columns for listing and search).
  `
  CREATE TABLE pages (
    url TEXT PRIMARY KEY,
    input TEXT NOT NULL,
    final_url TEXT NOT NULL,
    status INTEGER NOT NULL,
    headers TEXT NOT NULL,
    content_type TEXT NOT NULL,
    body BLOB NOT NULL,
    fetched_at TEXT NOT NULL,
    redirects TEXT NOT NULL
  );
  CREATE TABLE runs (
    id TEXT PRIMARY KEY,
    input TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('done', 'failed')),
    options TEXT NOT NULL,
    log TEXT NOT NULL,
    report_id TEXT
  );
  CREATE TABLE reports (
    id TEXT PRIMARY KEY,
    run_id TEXT NOT NULL REFERENCES runs (id),
    title TEXT NOT NULL,
    lang TEXT NOT NULL,
    engine TEXT NOT NULL,
    created_at TEXT NOT NULL,
    original_url TEXT NOT NULL,
    json TEXT NOT NULL
  );
  CREATE INDEX reports_by_created_at ON reports (created_at);
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

export function schemaVersion(db: Database): number {
  return Number(db.pragma("user_version", { simple: true }));
}

/** Applies the missing migrations, each in its own write transaction (so two processes cannot both apply one). */
export function migrate(db: Database): void {
  MIGRATIONS.forEach((sql, index) => {
    const target = index + 1;
    // Checked before taking the write lock too, so an up-to-date file opens while another process writes.
    if (schemaVersion(db) >= target) return;
    db.transaction(() => {
      if (schemaVersion(db) >= target) return;
      db.exec(sql);
      db.pragma(`user_version = ${target}`);
    }).immediate();
  });
}
