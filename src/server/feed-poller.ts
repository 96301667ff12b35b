// The server's feed polling: "poll now" from the API, and, while feeds with automatic reports exist, a
// poll every interval with `shirabe watch`'s rules (pollFeeds: politeness per host, conditional GET,
// backoff after failures). New wanted items become report jobs through the server's own job runner, so
// they show in the report list with live progress like any other report.
import { pollFeeds, type WatchEvent } from "../feed-watch.js";
import type { FeedItemRecord, FeedRecord, FeedStore } from "../ports/feeds.js";
import type { HttpClient } from "../ports/http.js";
import type { Engine, JobRequest } from "./job-types.js";
import type { JobRunner } from "./jobs.js";

export interface FeedPollerDeps {
  feeds: FeedStore;
  http: HttpClient;
  runner: Pick<JobRunner, "submit">;
  engines: Record<string, Engine>;
}

export interface FeedPollerOptions {
  /** Between two automatic polls; also the base of the backoff (default 15 minutes, as `watch`). */
  everyMs?: number;
  /** Pause between two polls of the same host (default 2 s, as `watch`). */
  hostIntervalMs?: number;
  /** The language of the reports feed items become (default ja). */
  lang?: string;
}

export interface PollSummary {
  feed: FeedRecord;
  /** The poll's error, null when it succeeded. */
  error: string | null;
  items: number;
  fresh: number;
  queued: number;
}

export interface FeedPoller {
  /** Polls these feeds now (a backed-off feed too: the user asked) and says how each went. */
  pollNow(feeds: FeedRecord[]): Promise<PollSummary[]>;
  /** Stops the automatic polls and waits for one under way. */
  close(): Promise<void>;
}

const DEFAULT_EVERY_MS = 15 * 60_000;

export function createFeedPoller(deps: FeedPollerDeps, options: FeedPollerOptions = {}): FeedPoller {
  const everyMs = options.everyMs ?? DEFAULT_EVERY_MS;
  const engineName = Object.hasOwn(deps.engines, "extractive")
    ? "extractive"
    : (Object.keys(deps.engines)[0] ?? "extractive");
  const jobFor = (item: FeedItemRecord): JobRequest => ({
    input: item.url,
    label: item.title || item.url,
    lang: options.lang ?? "ja",
    engineName,
    engine: deps.engines[engineName] as Engine,
    sources: [],
  });
  // The runner's job id is the item's job id, and the report's id once it is written.
  const queue = {
    enqueue: async (request: JobRequest) => {
      const job = deps.runner.submit(request);
      return { id: job.id, created: true, state: "waiting" as const };
    },
  };
  // One poll at a time: two overlapping polls would only wait on each other's hosts.
  let running: Promise<unknown> = Promise.resolve();

  const poll = (feeds: FeedRecord[]) => {
    const summaries = new Map<string, PollSummary>();
    const onEvent = (event: WatchEvent) => {
      if (event.type === "polled") {
        const { feed, items, fresh, queued } = event;
        summaries.set(feed.id, { feed, error: null, items, fresh, queued });
      } else if (event.type === "feed-failed") {
        summaries.set(event.feed.id, {
          feed: event.feed,
          error: event.message,
          items: 0,
          fresh: 0,
          queued: 0,
        });
      }
    };
    const next = running.then(() =>
      pollFeeds(
        feeds,
        { http: deps.http, feeds: deps.feeds, queue },
        { jobFor, everyMs, hostIntervalMs: options.hostIntervalMs ?? 2_000, onEvent },
      ),
    );
    running = next.catch(() => {});
    return next.then(() => feeds.flatMap((feed) => summaries.get(feed.id) ?? []));
  };

  const timer = setInterval(() => {
    const automatic = deps.feeds.listFeeds().filter((feed) => feed.autoReport);
    if (automatic.length > 0) void poll(automatic).catch((error) => console.error(error));
  }, everyMs);
  timer.unref();

  return {
    pollNow: (feeds) => poll(feeds.map((feed) => ({ ...feed, nextPollAt: 0 }))),
    async close() {
      clearInterval(timer);
      await running;
    },
  };
}
