// The feeds screen in a real Chromium against the real server: follow a feed of the fixture feed
// server, see its items become reports (status shown live), poll it again after it gains an item, and
// open an item's report.
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openFeedStore } from "../../src/adapters/store/feed-store.js";
import type { FeedStore } from "../../src/ports/feeds.js";
import { type FeedServer, startFeedServer } from "../support/feed-server.js";
import { type FixtureSite, startFixtureSite } from "../support/fixture-site.js";
import { tempDir } from "../support/temp.js";
import { startTestServer, type TestServer } from "../support/test-server.js";
import { launchTestBrowser } from "../support/web-app-world.js";

let site: FixtureSite;
let feedServer: FeedServer;
let feeds: FeedStore;
let app: TestServer;
let browser: Browser;

beforeAll(async () => {
  site = await startFixtureSite();
  feedServer = await startFeedServer({
    articleUrl: (feed, n) => `${site.url}/pages/report-source-a?feed=${feed}&n=${n}`,
    feeds: { daily: "atom" },
  });
  const storePath = join(tempDir("shirabe-feeds-ui-"), "shirabe.sqlite");
  feeds = openFeedStore({ path: storePath });
  app = await startTestServer({ storePath, feeds, feedPolling: { hostIntervalMs: 0 }, workers: false });
  browser = await launchTestBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
  feeds?.close();
  await feedServer?.close();
  await site?.close();
});

describe("the feeds screen", { timeout: 60_000 }, () => {
  it("adds a feed, shows its items with their reports' status, polls it again and opens a report", async () => {
    const context = await browser.newContext({ locale: "en-GB" });
    const page = await context.newPage();
    try {
      feedServer.grow("daily", 2);
      await page.goto(`${app.url}/#/feeds`);
      await expect.poll(() => page.locator("h1").textContent()).toBe("Feeds you follow");
      await page.getByLabel("Feed URL").fill(`${feedServer.url}/daily`);
      await page.getByRole("button", { name: "Add feed" }).click();

      const feed = page.locator("li.feed");
      await expect.poll(() => feed.locator("h2").textContent()).toBe("daily");
      await expect
        .poll(() => page.locator("[role=status]").textContent())
        .toContain("2 new items, 2 reports started");
      expect(await feed.textContent()).toContain("Last poll:");
      // Both reports finish while the screen refreshes itself.
      const statuses = () =>
        feed
          .locator(".feed-items li")
          .evaluateAll((items) => items.map((item) => item.getAttribute("data-status")));
      await expect.poll(statuses, { timeout: 30_000 }).toEqual(["done", "done"]);
      const titles = () => feed.locator(".feed-items li > a:first-child").allTextContents();
      expect((await titles()).sort()).toEqual(["daily story 1", "daily story 2"]);

      feedServer.grow("daily", 1);
      await feed.getByRole("button", { name: "Poll now" }).click();
      await expect
        .poll(() => page.locator("[role=status]").textContent())
        .toContain("1 new items, 1 reports started");
      await expect.poll(statuses, { timeout: 30_000 }).toEqual(["done", "done", "done"]);
      expect((await titles())[0]).toBe("daily story 3");

      await feed.locator(".feed-items li").first().getByRole("link", { name: "Open report" }).click();
      await expect.poll(() => page.url()).toMatch(/#\/reports\/[0-9a-f-]+$/);
      await expect.poll(() => page.locator("h1").textContent(), { timeout: 15_000 }).not.toBe("Loading…");
      expect(await page.locator("h1").textContent()).toMatch(/Riverside tram/);
    } finally {
      await context.close();
    }
  });
});
