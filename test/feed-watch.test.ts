// pollFeeds against real HTTP on 127.0.0.1: bad feeds fail alone and are backed off, overlapping polls
// enqueue each item once, and the HTTP client's guards apply to feeds too.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openEmbeddedQueue } from "../src/adapters/queue/embedded-queue.js";
import { openFeedStore } from "../src/adapters/store/feed-store.js";
import { pollFeeds, type WatchEvent } from "../src/feed-watch.js";
import { createHttpClient } from "../src/index.js";
import { type FeedServer, startFeedServer } from "./support/feed-server.js";
import { type FixtureSite, startFixtureSite } from "./support/fixture-site.js";
import { tempDir } from "./support/temp.js";

let site: FixtureSite;
let feeds: FeedServer;
beforeAll(async () => {
  site = await startFixtureSite();
  feeds = await startFeedServer({
    articleUrl: (feed, n) => `https://news.example/${feed}/${n}`,
    feeds: { main: "rss" },
  });
});
afterAll(async () => {
  await feeds.close();
  await site.close();
});

function setup() {
  const path = join(tempDir(), "shirabe.sqlite");
  const store = openFeedStore({ path });
  const queue = openEmbeddedQueue<{ input: string }, unknown>({ path });
  const http = createHttpClient({ allowedAddresses: ["127.0.0.1"], totalTimeoutMs: 10_000 });
  const events: WatchEvent[] = [];
  const options = {
    jobFor: (item: { url: string }) => ({ input: item.url }),
    hostIntervalMs: 0,
    everyMs: 60_000,
    failureLimit: 2,
    onEvent: (event: WatchEvent) => events.push(event),
  };
  return { store, queue, http, events, options, deps: { http, feeds: store, queue } };
}

describe("pollFeeds", () => {
  it("fails a feed redirecting to a private address, a 50 MB feed and a broken one, each alone, and backs off the one that keeps failing", async () => {
    const { store, queue, events, options, deps } = setup();
    feeds.grow("main", 3);
    const good = store.addFeed(`${feeds.url}/main`);
    const privateRedirect = store.addFeed(
      `${site.url}/redirect?to=${encodeURIComponent("http://10.1.2.3/feed.xml")}`,
    );
    const huge = store.addFeed(`${site.url}/huge?mb=50`);
    const broken = store.addFeed(`${site.url}/status/500`);
    await pollFeeds([good, privateRedirect, huge, broken], deps, options);
    const failures = Object.fromEntries(
      events.flatMap((event) => (event.type === "feed-failed" ? [[event.feed.id, event.message]] : [])),
    );
    expect(failures[privateRedirect.id]).toMatch(/10\.1\.2\.3.*private/i);
    expect(failures[huge.id]).toMatch(/huge\?mb=50/);
    expect(failures[broken.id]).toMatch(/HTTP 500/);
    expect(await queue.counts(good.id)).toMatchObject({ waiting: 3 });

    // The second failure in a row reaches the limit: the feed waits, the others are polled as usual.
    events.length = 0;
    await pollFeeds([store.getFeed(broken.id) ?? broken], deps, options);
    const backedOff = events.find((event) => event.type === "feed-failed");
    expect(backedOff).toMatchObject({ type: "feed-failed", backedOffUntil: expect.any(String) });
    expect(store.getFeed(broken.id)).toMatchObject({
      failures: 2,
      lastError: expect.stringContaining("500"),
    });
    events.length = 0;
    await pollFeeds([store.getFeed(broken.id) ?? broken], deps, options);
    expect(events.map((event) => event.type)).toEqual(["feed-waiting"]);
    await queue.close();
    store.close();
  });

  it("enqueues each item once when two polls of the same feed overlap", async () => {
    const { store, queue, options, deps } = setup();
    feeds.grow("main", 2);
    const feed = store.addFeed(`${feeds.url}/main`);
    await Promise.all([pollFeeds([feed], deps, options), pollFeeds([feed], deps, options)]);
    const items = store.listItems(feed.id);
    expect(items.length).toBeGreaterThan(0);
    expect(new Set(items.map((item) => item.jobId)).size).toBe(items.length);
    expect((await queue.counts(feed.id)).waiting).toBe(items.length);
    await queue.close();
    store.close();
  });
});
