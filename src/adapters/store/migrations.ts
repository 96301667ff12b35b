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
  // 2: the local research corpus: documents, their passages (text as read, plus NFKC-lower-cased text to
  // match), and a trigram full-text index over the folded text so Japanese and Chinese match without a
  // word segmenter. Queries shorter than a trigram fall back to LIKE over corpus_passages.folded.
  `
  CREATE TABLE corpus_documents (
    id INTEGER PRIMARY KEY,
    location TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    site_name TEXT,
    lang TEXT,
    published_at TEXT,
    content_type TEXT NOT NULL,
    added_at TEXT NOT NULL
  );
  CREATE TABLE corpus_passages (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES corpus_documents (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    page INTEGER,
    text TEXT NOT NULL,
    folded TEXT NOT NULL
  );
  CREATE INDEX corpus_passages_by_document ON corpus_passages (document_id, position);
  CREATE VIRTUAL TABLE corpus_fts USING fts5 (
    folded, content = 'corpus_passages', content_rowid = 'id', tokenize = 'trigram'
  );
  CREATE TRIGGER corpus_passages_indexed AFTER INSERT ON corpus_passages BEGIN
    INSERT INTO corpus_fts (rowid, folded) VALUES (new.id, new.folded);
  END;
  CREATE TRIGGER corpus_passages_unindexed AFTER DELETE ON corpus_passages BEGIN
    INSERT INTO corpus_fts (corpus_fts, rowid, folded) VALUES ('delete', old.id, old.folded);
  END;
  `,
  // 3: the LLM engine: every paid answer keyed by a hash of (model, prompt, params) so reruns and resumed
  // runs repeat no call; runs with the options needed to resume them; usage and cost per call. No API key
  // is ever stored.
  `
  CREATE TABLE llm_calls (
    key TEXT PRIMARY KEY,
    model TEXT NOT NULL,
    purpose TEXT NOT NULL,
    response TEXT NOT NULL,
    input_tokens INTEGER NOT NULL,
    output_tokens INTEGER NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE TABLE llm_runs (
    id TEXT PRIMARY KEY,
    input TEXT NOT NULL,
    options TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('running', 'done', 'stopped', 'failed')),
    started_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    report_id TEXT,
    message TEXT
  );
  CREATE TABLE llm_usage (
    run_id TEXT NOT NULL,
    at TEXT NOT NULL,
    purpose TEXT NOT NULL,
    model TEXT NOT NULL,
    input_tokens INTEGER NOT NULL,
    output_tokens INTEGER NOT NULL,
    cost_usd REAL NOT NULL,
    cached INTEGER NOT NULL,
    attempts INTEGER NOT NULL
  );
  CREATE INDEX llm_usage_by_run ON llm_usage (run_id);
  `,
  // 4: web server jobs accepted but not finished; saving a job's run deletes its row, so the rows a
  // restarted server finds are the jobs it was interrupted in.
  `
  CREATE TABLE jobs (
    id TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    lang TEXT NOT NULL,
    engine TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  `,
  // 5: the embedded job queue. A job's id is its idempotency key (a hash of its data), so enqueueing the
  // same work twice finds the first job. An active job holds a lease (owner, locked_until) that its
  // process renews; a job whose owner died is waiting again for whoever polls next. Times are epoch ms.
  `
  CREATE TABLE queue_jobs (
    id TEXT PRIMARY KEY,
    queue TEXT NOT NULL,
    job_group TEXT,
    data TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('waiting', 'active', 'done', 'failed')),
    attempts INTEGER NOT NULL,
    max_attempts INTEGER NOT NULL,
    run_at INTEGER NOT NULL,
    deferred INTEGER NOT NULL DEFAULT 0,
    owner TEXT,
    locked_until INTEGER,
    progress TEXT,
    result TEXT,
    error TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX queue_jobs_runnable ON queue_jobs (queue, state, run_at);
  CREATE INDEX queue_jobs_by_group ON queue_jobs (queue, job_group, state);
  `,
  // 6: followed feeds and the items seen in them. An item is recorded before its report job is enqueued
  // and the job id written after, so an item whose job id is missing is enqueued again on the next poll
  // (enqueueing is idempotent); an item once recorded is never new again.
  `
  CREATE TABLE feeds (
    id TEXT PRIMARY KEY,
    url TEXT NOT NULL UNIQUE,
    title TEXT,
    added_at TEXT NOT NULL,
    auto_report INTEGER NOT NULL DEFAULT 1,
    etag TEXT,
    last_modified TEXT,
    last_poll_at TEXT,
    last_error TEXT,
    failures INTEGER NOT NULL DEFAULT 0,
    next_poll_at INTEGER NOT NULL DEFAULT 0
  );
  CREATE TABLE feed_items (
    feed_id TEXT NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
    item_key TEXT NOT NULL,
    url TEXT NOT NULL,
    title TEXT NOT NULL,
    published_at TEXT,
    seen_at TEXT NOT NULL,
    wanted INTEGER NOT NULL,
    note TEXT,
    job_id TEXT,
    PRIMARY KEY (feed_id, item_key)
  );
  CREATE INDEX feed_items_by_seen ON feed_items (feed_id, seen_at);
  `,
  // 7: full-text search over reports (report-search.ts): a trigram index over each report's title and
  // sentences. Existing reports are indexed here from their JSON (lower-cased; new ones are NFKC-folded).
  `
  CREATE VIRTUAL TABLE report_search USING fts5 (report_id UNINDEXED, folded, tokenize = 'trigram');
  INSERT INTO report_search (report_id, folded)
    SELECT id, lower(title || char(10) || coalesce((
      SELECT group_concat(value, char(10)) FROM json_tree(reports.json)
      WHERE key IN ('text', 'heading') AND (fullkey LIKE '$.introduction%' OR fullkey LIKE '$.sections%'
        OR fullkey LIKE '$.conclusion%')), ''))
    FROM reports;
  `,
  // 8: what readers are sent, stored beside each report so that reading costs no parse (report-view.ts):
  // its list entry and the report without its sources' full text, as UTF-8 JSON. The list reads its
  // entries from an index alone, newest first. report_view() is defined on every connection before
  // migrating (open-database.ts).
  `
  ALTER TABLE reports ADD COLUMN summary BLOB;
  ALTER TABLE reports ADD COLUMN view BLOB;
  UPDATE reports SET view = report_view(json), summary = CAST(json_object('id', id, 'title', title,
    'lang', lang, 'engine', engine, 'createdAt', created_at, 'originalUrl', original_url) AS BLOB);
  DROP INDEX reports_by_created_at;
  CREATE INDEX reports_listed ON reports (created_at, summary);
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
