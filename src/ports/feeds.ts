// Followed feeds and the seen-set of their items, behind the store like the rest of Shirabe's state.

export interface FeedRecord {
  id: string;
  /** The feed's address (http(s) URL or a local file's absolute path). */
  url: string;
  title: string | null;
  addedAt: string;
  /** New items become report jobs only when this is on. */
  autoReport: boolean;
  etag: string | null;
  lastModified: string | null;
  lastPollAt: string | null;
  /** The last poll's error, null when it succeeded. */
  lastError: string | null;
  /** Failed polls in a row. */
  failures: number;
  /** Epoch ms before which the feed is not polled (backoff after failures); 0 when it may be polled. */
  nextPollAt: number;
}

export interface FeedItemRecord {
  feedId: string;
  key: string;
  url: string;
  title: string;
  publishedAt: string | null;
  seenAt: string;
  /** True when the item is to be reported (it passed the filters while automatic reports were on). */
  wanted: boolean;
  /** Why it was left out, or a note on its data (a date that could not be read). */
  note: string | null;
  /** The report job, once enqueued. */
  jobId: string | null;
}

export interface PollOutcome {
  at: string;
  error: string | null;
  validators?: { etag: string | null; lastModified: string | null };
  title?: string;
  nextPollAt: number;
}

export interface FeedStore {
  /** Adds the feed (or returns the one with that address). */
  addFeed(url: string, options?: { title?: string; autoReport?: boolean }): FeedRecord;
  getFeed(idOrUrl: string): FeedRecord | null;
  listFeeds(): FeedRecord[];
  /** Removes the feed and its items (their reports stay); true when there was one. */
  removeFeed(id: string): boolean;
  setAutoReport(id: string, on: boolean): void;
  /** Records a poll: success resets the failure count, an error adds one. */
  recordPoll(id: string, outcome: PollOutcome): FeedRecord;
  /** Records the items not seen before (in one transaction); returns those that were new. */
  recordItems(items: Array<Omit<FeedItemRecord, "seenAt" | "jobId">>): FeedItemRecord[];
  /** Keys of the feed's items already seen, among `keys`. */
  seenKeys(feedId: string, keys: string[]): Set<string>;
  /** Wanted items whose job was never enqueued (the process stopped in between). */
  unqueuedItems(feedId: string): FeedItemRecord[];
  setItemJob(feedId: string, key: string, jobId: string): void;
  /** The feeds each finished report came from (by report id), through the items' jobs. */
  reportFeeds(): Map<string, Array<{ id: string; title: string }>>;
  /** Newest first. */
  listItems(feedId: string, options?: { limit?: number }): FeedItemRecord[];
  close(): void;
}
