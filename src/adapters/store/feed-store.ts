// Feeds and their seen items on the store's SQLite file (migration 6). Recording items is one
// INSERT … ON CONFLICT DO NOTHING per item in one transaction, so two polls at once cannot both find an
// item new.
import { createHash } from "node:crypto";
import type { FeedItemRecord, FeedRecord, FeedStore, PollOutcome } from "../../ports/feeds.js";
import { guardStore, openDatabase } from "./open-database.js";

interface FeedRow {
  id: string;
  url: string;
  title: string | null;
  added_at: string;
  auto_report: number;
  etag: string | null;
  last_modified: string | null;
  last_poll_at: string | null;
  last_error: string | null;
  failures: number;
  next_poll_at: number;
}

interface ItemRow {
  feed_id: string;
  item_key: string;
  url: string;
  title: string;
  published_at: string | null;
  seen_at: string;
  wanted: number;
  note: string | null;
  job_id: string | null;
}

const toFeed = (row: FeedRow): FeedRecord => ({
  id: row.id,
  url: row.url,
  title: row.title,
  addedAt: row.added_at,
  autoReport: row.auto_report === 1,
  etag: row.etag,
  lastModified: row.last_modified,
  lastPollAt: row.last_poll_at,
  lastError: row.last_error,
  failures: row.failures,
  nextPollAt: row.next_poll_at,
});

const toItem = (row: ItemRow): FeedItemRecord => ({
  feedId: row.feed_id,
  key: row.item_key,
  url: row.url,
  title: row.title,
  publishedAt: row.published_at,
  seenAt: row.seen_at,
  wanted: row.wanted === 1,
  note: row.note,
  jobId: row.job_id,
});

/** A short stable id from the feed's address. */
export function feedId(url: string): string {
  return createHash("sha256").update(url).digest("hex").slice(0, 12);
}

export function openFeedStore(options: { path: string }): FeedStore {
  const db = openDatabase(options.path);
  const guard = guardStore(options.path);
  const insertFeed = db.prepare(
    `INSERT INTO feeds (id, url, title, added_at, auto_report) VALUES (@id, @url, @title, @at, @auto)
     ON CONFLICT (url) DO NOTHING`,
  );
  const byId = db.prepare<[string, string], FeedRow>("SELECT * FROM feeds WHERE id = ? OR url = ?");
  const all = db.prepare<[], FeedRow>("SELECT * FROM feeds ORDER BY added_at, rowid");
  const remove = db.prepare("DELETE FROM feeds WHERE id = ?");
  const removeItems = db.prepare("DELETE FROM feed_items WHERE feed_id = ?");
  const setAuto = db.prepare("UPDATE feeds SET auto_report = ? WHERE id = ?");
  const poll = db.prepare(
    `UPDATE feeds SET last_poll_at = @at, last_error = @error, next_poll_at = @nextPollAt,
       failures = CASE WHEN @error IS NULL THEN 0 ELSE failures + 1 END,
       etag = CASE WHEN @hasValidators THEN @etag ELSE etag END,
       last_modified = CASE WHEN @hasValidators THEN @lastModified ELSE last_modified END,
       title = COALESCE(@title, title)
     WHERE id = @id`,
  );
  const insertItem = db.prepare(
    `INSERT INTO feed_items (feed_id, item_key, url, title, published_at, seen_at, wanted, note)
     VALUES (@feedId, @key, @url, @title, @publishedAt, @seenAt, @wanted, @note)
     ON CONFLICT (feed_id, item_key) DO NOTHING`,
  );
  const seen = db.prepare<[string, string], { item_key: string }>(
    "SELECT item_key FROM feed_items WHERE feed_id = ? AND item_key IN (SELECT value FROM json_each(?))",
  );
  const unqueued = db.prepare<[string], ItemRow>(
    "SELECT * FROM feed_items WHERE feed_id = ? AND wanted = 1 AND job_id IS NULL ORDER BY seen_at, rowid",
  );
  const setJob = db.prepare("UPDATE feed_items SET job_id = ? WHERE feed_id = ? AND item_key = ?");
  const items = db.prepare<[string, number], ItemRow>(
    "SELECT * FROM feed_items WHERE feed_id = ? ORDER BY seen_at DESC, rowid DESC LIMIT ?",
  );
  // Reads the queue's table (same file): a done job's result names the report it made. The web server's
  // jobs are not on the queue: their job id is the report's id.
  const reportFeeds = db.prepare<[], { report_id: string; id: string; title: string | null; url: string }>(
    `SELECT json_extract(queue_jobs.result, '$.reportId') AS report_id, feeds.id, feeds.title, feeds.url
     FROM feed_items JOIN queue_jobs ON queue_jobs.id = feed_items.job_id JOIN feeds ON feeds.id = feed_items.feed_id
     WHERE queue_jobs.state = 'done'
     UNION
     SELECT reports.id AS report_id, feeds.id, feeds.title, feeds.url
     FROM feed_items JOIN reports ON reports.id = feed_items.job_id JOIN feeds ON feeds.id = feed_items.feed_id`,
  );
  const getFeed = (idOrUrl: string) => {
    const row = byId.get(idOrUrl, idOrUrl);
    return row ? toFeed(row) : null;
  };

  return {
    addFeed: guard((url: string, feedOptions: { title?: string; autoReport?: boolean } = {}) => {
      insertFeed.run({
        id: feedId(url),
        url,
        title: feedOptions.title ?? null,
        at: new Date().toISOString(),
        auto: feedOptions.autoReport === false ? 0 : 1,
      });
      return getFeed(url) as FeedRecord;
    }),
    getFeed: guard(getFeed),
    listFeeds: guard(() => all.all().map(toFeed)),
    removeFeed: guard((id: string) =>
      db.transaction(() => {
        removeItems.run(id);
        return remove.run(id).changes > 0;
      })(),
    ),
    setAutoReport: guard((id: string, on: boolean) => {
      setAuto.run(on ? 1 : 0, id);
    }),
    recordPoll: guard((id: string, outcome: PollOutcome) => {
      poll.run({
        id,
        at: outcome.at,
        error: outcome.error,
        nextPollAt: outcome.nextPollAt,
        hasValidators: outcome.validators ? 1 : 0,
        etag: outcome.validators?.etag ?? null,
        lastModified: outcome.validators?.lastModified ?? null,
        title: outcome.title ?? null,
      });
      return getFeed(id) as FeedRecord;
    }),
    recordItems: guard((list: Array<Omit<FeedItemRecord, "seenAt" | "jobId">>) =>
      db
        .transaction(() => {
          const seenAt = new Date().toISOString();
          const added: FeedItemRecord[] = [];
          for (const item of list) {
            const row = { ...item, seenAt, wanted: item.wanted ? 1 : 0 };
            if (insertItem.run(row).changes > 0) added.push({ ...item, seenAt, jobId: null });
          }
          return added;
        })
        .immediate(),
    ),
    seenKeys: guard(
      (id: string, keys: string[]) => new Set(seen.all(id, JSON.stringify(keys)).map((row) => row.item_key)),
    ),
    unqueuedItems: guard((id: string) => unqueued.all(id).map(toItem)),
    setItemJob: guard((id: string, key: string, jobId: string) => {
      setJob.run(jobId, id, key);
    }),
    reportFeeds: guard(() => {
      const byReport = new Map<string, Array<{ id: string; title: string }>>();
      for (const row of reportFeeds.all()) {
        if (!row.report_id) continue;
        const list = byReport.get(row.report_id) ?? [];
        list.push({ id: row.id, title: row.title ?? row.url });
        byReport.set(row.report_id, list);
      }
      return byReport;
    }),
    listItems: guard((id: string, listOptions: { limit?: number } = {}) =>
      items.all(id, listOptions.limit ?? 100).map(toItem),
    ),
    close: () => db.close(),
  };
}
