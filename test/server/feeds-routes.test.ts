// The feeds API through app.request(): follow a feed of the fixture feed server, poll it, see its items
// with their reports' status, turn automatic reports off, unfollow; bad and private feed addresses are
// refused with JSON; the Atom feed of the reports parses back with the feed parser.
import { join } from "node:path";
import { parseAtomFeed } from "feedsmith";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openFeedStore } from "../../src/adapters/store/feed-store.js";
import { createHttpClient } from "../../src/index.js";
import { type FeedServer, startFeedServer } from "../support/feed-server.js";
import { type FixtureSite, startFixtureSite } from "../support/fixture-site.js";
import { tempDir } from "../support/temp.js";
import { createTestApp, finished, type TestServer } from "../support/test-server.js";

let site: FixtureSite;
let feedServer: FeedServer;

beforeAll(async () => {
  site = await startFixtureSite();
  feedServer = await startFeedServer({
    articleUrl: (feed, n) => `${site.url}/pages/report-source-a?feed=${feed}&n=${n}`,
    feeds: { news: "rss", quiet: "atom", timed: "json" },
  });
});
afterAll(async () => {
  await feedServer.close();
  await site.close();
});

async function appWithFeeds(options: { allowPrivate: boolean; everyMs?: number }): Promise<TestServer> {
  const storePath = join(tempDir("shirabe-feeds-api-"), "shirabe.sqlite");
  const feeds = openFeedStore({ path: storePath });
  const app = await createTestApp({
    storePath,
    feeds,
    workers: false,
    feedPolling: { hostIntervalMs: 0, ...(options.everyMs ? { everyMs: options.everyMs } : {}) },
    http: createHttpClient({ allowPrivateNetwork: options.allowPrivate }),
  });
  return {
    ...app,
    close: async () => {
      await app.close();
      feeds.close();
    },
  };
}

const send = (app: TestServer, path: string, method: string, body?: unknown) =>
  app.fetch(path, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
  });

describe("the feeds API", () => {
  it("follows a feed, reports its items, shows their status, polls again, turns reports off and unfollows", async () => {
    const app = await appWithFeeds({ allowPrivate: true });
    try {
      feedServer.grow("news", 2);
      const added = await send(app, "/api/feeds", "POST", { url: `${feedServer.url}/news` });
      expect(added.status).toBe(201);
      const first = await added.json();
      expect(first).toMatchObject({ error: null, items: 2, fresh: 2, queued: 2 });
      const id = first.feed.id as string;
      expect(first.feed).toMatchObject({ autoReport: true, lastError: null, title: "news" });

      const listed = await (await app.fetch("/api/feeds")).json();
      expect(listed.feeds.map((feed: { url: string }) => feed.url)).toEqual([`${feedServer.url}/news`]);

      let items = (await (await app.fetch(`/api/feeds/${id}/items`)).json()).items;
      expect(items.map((item: { title: string }) => item.title).sort()).toEqual([
        "news story 1",
        "news story 2",
      ]);
      for (const item of items) await finished(app, item.reportId);
      items = (await (await app.fetch(`/api/feeds/${id}/items`)).json()).items;
      expect(items.map((item: { reportStatus: string }) => item.reportStatus)).toEqual(["done", "done"]);
      const report = await (await app.fetch(`/api/reports/${items[0].reportId}`)).json();
      expect(report.status).toBe("done");

      // Automatic reports off: a new item is seen and listed, but no report is made.
      const off = await send(app, `/api/feeds/${id}`, "PATCH", { autoReport: false });
      expect(off.status).toBe(200);
      expect((await off.json()).autoReport).toBe(false);
      feedServer.grow("news", 1);
      const polled = await (await send(app, `/api/feeds/${id}/poll`, "POST")).json();
      expect(polled).toMatchObject({ error: null, fresh: 1, queued: 0 });
      items = (await (await app.fetch(`/api/feeds/${id}/items`)).json()).items;
      expect(items[0]).toMatchObject({ title: "news story 3", reportStatus: "skipped", reportId: null });
      expect(items[0].note).toMatch(/automatic reports are off/);

      const bad = await send(app, `/api/feeds/${id}`, "PATCH", { autoReport: "yes" });
      expect(bad.status).toBe(400);
      expect((await bad.json()).error.message).toMatch(/autoReport must be true or false/);

      expect((await send(app, `/api/feeds/${id}`, "DELETE")).status).toBe(204);
      expect((await (await app.fetch("/api/feeds")).json()).feeds).toEqual([]);
      const gone = await send(app, `/api/feeds/${id}`, "DELETE");
      expect(gone.status).toBe(404);
      expect((await gone.json()).error.code).toBe("not-found");
      // The reports stay.
      expect((await (await app.fetch(`/api/reports/${items[1].reportId}`)).json()).status).toBe("done");
    } finally {
      await app.close();
    }
  });

  it("refuses an address that is not a URL, a page that is not a feed, and a private address, keeping none", async () => {
    const open = await appWithFeeds({ allowPrivate: true });
    const guarded = await appWithFeeds({ allowPrivate: false });
    try {
      const notUrl = await send(open, "/api/feeds", "POST", { url: "news.example/feed" });
      expect(notUrl.status).toBe(400);
      expect(await notUrl.json()).toMatchObject({ error: { code: "bad-url" } });

      const page = await send(open, "/api/feeds", "POST", { url: `${site.url}/pages/en-news-utf8` });
      expect(page.status).toBe(400);
      const pageError = (await page.json()).error;
      expect(pageError.code).toBe("bad-feed");
      expect(pageError.message).toMatch(/feed/i);

      const privateFeed = await send(guarded, "/api/feeds", "POST", { url: `${feedServer.url}/quiet` });
      expect(privateFeed.status).toBe(400);
      expect((await privateFeed.json()).error.message).toMatch(/refused loopback address 127\.0\.0\.1/);

      for (const app of [open, guarded])
        expect((await (await app.fetch("/api/feeds")).json()).feeds).toEqual([]);
    } finally {
      await open.close();
      await guarded.close();
    }
  });

  it("serves the Atom feed of its reports, which parses back with the feed parser", async () => {
    const app = await appWithFeeds({ allowPrivate: true });
    try {
      feedServer.grow("quiet", 1);
      const added = await (await send(app, "/api/feeds", "POST", { url: `${feedServer.url}/quiet` })).json();
      const items = (await (await app.fetch(`/api/feeds/${added.feed.id}/items`)).json()).items;
      await finished(app, items[0].reportId);
      const answer = await app.fetch("/api/reports.atom");
      expect(answer.status).toBe(200);
      expect(answer.headers.get("content-type")).toMatch(/application\/atom\+xml/);
      const atom = parseAtomFeed(await answer.text());
      expect(atom.entries).toHaveLength(1);
      const entry = atom.entries?.[0];
      expect(entry?.links?.find((link) => link.rel === "alternate")?.href).toBe(
        `http://localhost/#/reports/${items[0].reportId}`,
      );
      const report = (await (await app.fetch(`/api/reports/${items[0].reportId}`)).json()).report;
      expect(entry?.title?.value ?? entry?.title).toBe(report.title);
      expect(entry?.links?.find((link) => link.rel === "related")?.href).toBe(report.original.url);
      expect(entry?.categories?.map((category) => category.label)).toContain("quiet");
    } finally {
      await app.close();
    }
  });

  it("polls the feeds with automatic reports by itself, and leaves the others alone", async () => {
    const app = await appWithFeeds({ allowPrivate: true, everyMs: 200 });
    try {
      feedServer.grow("timed", 1);
      const timed = (await (await send(app, "/api/feeds", "POST", { url: `${feedServer.url}/timed` })).json())
        .feed;
      const manual = (
        await (
          await send(app, "/api/feeds", "POST", { url: `${feedServer.url}/quiet`, autoReport: false })
        ).json()
      ).feed;
      const manualPolls = () => feedServer.requests.filter((request) => request.path === "/quiet").length;
      const before = manualPolls();
      feedServer.grow("timed", 1);
      const titles = async () =>
        (await (await app.fetch(`/api/feeds/${timed.id}/items`)).json()).items.map(
          (item: { title: string }) => item.title,
        );
      await expect.poll(titles, { timeout: 5_000, interval: 100 }).toContain("timed story 2");
      expect(manualPolls()).toBe(before);
      expect(manual.autoReport).toBe(false);
    } finally {
      await app.close();
    }
  });
});
