// Feeds in, report jobs out: polls each feed (politely, per host), records its new items in the
// seen-set, and enqueues a job for each wanted one. A feed's failure is recorded on that feed and never
// stops the others; a feed failing again and again is polled less and less often.
import { readFile } from "node:fs/promises";
import { isAbsolute, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import pLimit from "p-limit";
import { isShirabeError, ShirabeError } from "./errors.js";
import type { FeedItemRecord, FeedRecord, FeedStore } from "./ports/feeds.js";
import type { HttpClient } from "./ports/http.js";
import type { Queue } from "./ports/queue.js";
import {
  type FeedItem,
  fetchFeed,
  type ItemFilters,
  isOpml,
  itemFilter,
  parseFeedDocument,
  readOpml,
} from "./stages/feeds/index.js";

export type WatchEvent =
  | { type: "polled"; feed: FeedRecord; items: number; fresh: number; queued: number; notModified: boolean }
  | { type: "feed-failed"; feed: FeedRecord; message: string; backedOffUntil: string | null }
  | { type: "feed-waiting"; feed: FeedRecord; until: string }
  | { type: "item-note"; feed: FeedRecord; item: string; message: string };

export interface PollOptions<Data> {
  /** The job to enqueue for an item (its data decides the job's idempotency key). */
  jobFor: (item: FeedItemRecord) => Data;
  filters?: ItemFilters;
  /** At most this many new items of one feed are enqueued per poll; the rest wait for the next. */
  maxPerPoll?: number;
  /** The polling interval (--every); also the base of the backoff. Default 15 minutes. */
  everyMs?: number;
  /** Wait between two polls of the same host. Default 2 s. */
  hostIntervalMs?: number;
  /** Failed polls in a row after which a feed is backed off. Default 3. */
  failureLimit?: number;
  onEvent?: (event: WatchEvent) => void;
  now?: () => Date;
}

export interface WatchDeps<Data> {
  http: HttpClient;
  feeds: FeedStore;
  /** Only enqueue is used, so a runner that is not a full Queue backend (the server's) fits too. */
  queue: Pick<Queue<Data, unknown>, "enqueue">;
}

const DEFAULT_EVERY_MS = 15 * 60_000;
const MAX_BACKOFF_MS = 24 * 3600_000;

/** Feed addresses from the command line: URLs as given, files by absolute path, OPML files expanded. */
export async function expandFeedInputs(inputs: string[]): Promise<Array<{ url: string; title?: string }>> {
  const feeds: Array<{ url: string; title?: string }> = [];
  for (const input of inputs) {
    if (/^https?:\/\//i.test(input)) {
      feeds.push({ url: input });
      continue;
    }
    const path = isAbsolute(input) ? input : resolve(input);
    const text = await readFile(path, "utf8").catch((error: unknown) => {
      throw new ShirabeError(`${input}: cannot read this feed or OPML file; check the path`, {
        code: "input-missing",
        kind: "input",
        input,
        cause: error,
      });
    });
    if (isOpml(text)) feeds.push(...readOpml(text, input));
    else feeds.push({ url: path });
  }
  return feeds;
}

/** Polls the feeds once: hosts in parallel, one host's feeds one after another with a pause between. */
export async function pollFeeds<Data>(
  feeds: FeedRecord[],
  deps: WatchDeps<Data>,
  options: PollOptions<Data>,
): Promise<void> {
  const byHost = new Map<string, FeedRecord[]>();
  for (const feed of feeds) {
    const host = /^https?:/i.test(feed.url) ? new URL(feed.url).host : "";
    byHost.set(host, [...(byHost.get(host) ?? []), feed]);
  }
  const hostInterval = options.hostIntervalMs ?? 2_000;
  const limit = pLimit(4);
  await Promise.all(
    [...byHost.entries()].map(([host, list]) =>
      limit(async () => {
        for (const [index, feed] of list.entries()) {
          if (index > 0 && host !== "") await new Promise((done) => setTimeout(done, hostInterval));
          await pollFeed(feed, deps, options);
        }
      }),
    ),
  );
}

async function pollFeed<Data>(feed: FeedRecord, deps: WatchDeps<Data>, options: PollOptions<Data>) {
  const now = options.now ?? (() => new Date());
  const emit = options.onEvent ?? (() => {});
  const every = options.everyMs ?? DEFAULT_EVERY_MS;
  if (feed.nextPollAt > now().getTime()) {
    emit({ type: "feed-waiting", feed, until: new Date(feed.nextPollAt).toISOString() });
    return;
  }
  try {
    const local = !/^https?:/i.test(feed.url);
    const fetched = local
      ? { status: "ok" as const, url: feed.url, text: await readLocal(feed.url), validators: null }
      : await fetchFeed(deps.http, feed.url, { etag: feed.etag, lastModified: feed.lastModified });
    if (fetched.status === "not-modified") {
      const polled = deps.feeds.recordPoll(feed.id, {
        at: now().toISOString(),
        error: null,
        nextPollAt: 0,
      });
      emit({
        type: "polled",
        feed: polled,
        items: 0,
        fresh: 0,
        queued: await enqueueWanted(polled, deps, options),
        notModified: true,
      });
      return;
    }
    const parsed = parseFeedDocument(fetched.text, local ? pathToFileURL(feed.url).href : fetched.url, now());
    for (const note of parsed.notes)
      emit({ type: "item-note", feed, item: note.item, message: note.message });
    const fresh = await recordNewItems(feed, parsed.items, deps.feeds, options);
    const polled = deps.feeds.recordPoll(feed.id, {
      at: now().toISOString(),
      error: null,
      title: parsed.title,
      nextPollAt: 0,
      ...(fetched.validators ? { validators: fetched.validators } : {}),
    });
    for (const item of fresh) {
      if (item.note)
        emit({ type: "item-note", feed, item: item.title, message: `not reported: ${item.note}` });
    }
    const queued = await enqueueWanted(polled, deps, options);
    emit({
      type: "polled",
      feed: polled,
      items: parsed.items.length,
      fresh: fresh.length,
      queued,
      notModified: false,
    });
  } catch (error) {
    if (!isShirabeError(error) || error.kind === "internal" || error.kind === "store") throw error;
    const failures = feed.failures + 1;
    const limit = options.failureLimit ?? 3;
    const backoff = failures >= limit ? Math.min(MAX_BACKOFF_MS, every * 2 ** (failures - limit + 1)) : 0;
    const failed = deps.feeds.recordPoll(feed.id, {
      at: now().toISOString(),
      error: error.message,
      nextPollAt: now().getTime() + backoff,
    });
    emit({
      type: "feed-failed",
      feed: failed,
      message: error.message,
      backedOffUntil: backoff > 0 ? new Date(failed.nextPollAt).toISOString() : null,
    });
  }
}

async function readLocal(path: string): Promise<string> {
  return readFile(path, "utf8").catch((error: unknown) => {
    throw new ShirabeError(`${path}: cannot read the feed file`, {
      code: "input-missing",
      kind: "input",
      input: path,
      cause: error,
    });
  });
}

/** Records the items not seen before: wanted ones up to --max-per-poll, the others with their reason. */
async function recordNewItems<Data>(
  feed: FeedRecord,
  items: FeedItem[],
  store: FeedStore,
  options: PollOptions<Data>,
): Promise<FeedItemRecord[]> {
  const seen = store.seenKeys(
    feed.id,
    items.map((item) => item.key),
  );
  const accept = itemFilter(options.filters ?? {});
  let room = options.maxPerPoll ?? Number.POSITIVE_INFINITY;
  const records: Array<Omit<FeedItemRecord, "seenAt" | "jobId">> = [];
  for (const item of items) {
    if (seen.has(item.key)) continue;
    const reason = feed.autoReport ? accept(item) : "automatic reports are off for this feed";
    if (reason === null) {
      // Over the cap: left unrecorded, so it is new again at the next poll.
      if (room <= 0) continue;
      room -= 1;
    }
    records.push({
      feedId: feed.id,
      key: item.key,
      url: item.url,
      title: item.title,
      publishedAt: item.publishedAt,
      wanted: reason === null,
      note: reason,
    });
  }
  return store.recordItems(records);
}

/** Enqueues every wanted item without a job yet (including those a crashed poll recorded but never queued). */
async function enqueueWanted<Data>(feed: FeedRecord, deps: WatchDeps<Data>, options: PollOptions<Data>) {
  let queued = 0;
  for (const item of deps.feeds.unqueuedItems(feed.id)) {
    const job = await deps.queue.enqueue(options.jobFor(item), { group: feed.id });
    deps.feeds.setItemJob(feed.id, item.key, job.id);
    queued += 1;
  }
  return queued;
}
