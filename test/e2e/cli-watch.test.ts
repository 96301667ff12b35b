// `shirabe watch` end to end: a feed server on 127.0.0.1 whose feeds gain items, the fixture site serving
// the articles, the CLI in-process and as a child process killed mid-batch.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collect, runCli, spawnCli, tempDir } from "../support/cli.js";
import { type FeedServer, startFeedServer } from "../support/feed-server.js";
import { type FixtureSite, startFixtureSite } from "../support/fixture-site.js";
import { reportsByInput } from "../support/worker-processes.js";

const PAGES = ["en-news-utf8", "ja-blog-utf8", "en-blog-windows-1252", "report-article", "zh-news-gbk"];
let site: FixtureSite;
let feeds: FeedServer;

beforeAll(async () => {
  site = await startFixtureSite();
  feeds = await startFeedServer({
    // Each item its own URL (the query string), served by one of the fixture pages.
    articleUrl: (feed, n) => `${site.url}/pages/${PAGES[n % PAGES.length]}?feed=${feed}&n=${n}`,
    feeds: { rss: "rss", atom: "atom", json: "json", rdf: "rdf", crash: "rss" },
  });
});
afterAll(async () => {
  await feeds.close();
  await site.close();
});

const FLAGS = ["--allow-private-network", "--no-follow-links", "--host-interval", "0"];

describe("shirabe watch", () => {
  it("reports the items of RSS, RDF, Atom and JSON feeds listed in an OPML file, then only the new ones, with 304s for the unchanged", async () => {
    const dataDir = tempDir();
    const env = { SHIRABE_DATA_DIR: dataDir };
    for (const name of ["rss", "atom", "json", "rdf"]) feeds.grow(name, 2);
    const opml = join(dataDir, "subs.opml");
    const response = await fetch(`${feeds.url}/subscriptions.opml`);
    // The OPML lists the crash feed too; it is empty here.
    writeFileSync(opml, await response.text());

    const first = await runCli(["watch", opml, ...FLAGS, "--concurrency", "3"], env);
    expect(first.stderr).toContain("feed rss: 2 items, 2 new, 2 queued");
    expect(first.stderr).toContain("feed atom: 2 items, 2 new, 2 queued");
    expect(first.code).toBe(0);
    const afterFirst = reportsByInput(dataDir);
    expect(afterFirst.size).toBe(8);

    feeds.grow("rss", 1);
    feeds.grow("json", 2);
    const polled = feeds.requests.length;
    const second = await runCli(["watch", opml, ...FLAGS], env);
    expect(second.code).toBe(0);
    expect(second.stderr).toContain("feed rss: 3 items, 1 new, 1 queued");
    expect(second.stderr).toContain("feed json: 4 items, 2 new, 2 queued");
    expect(second.stderr).toContain("feed atom: not modified");
    const statuses = Object.fromEntries(
      feeds.requests.slice(polled).map((request) => [request.path, request.status]),
    );
    expect(statuses).toMatchObject({ "/atom": 304, "/rdf": 304, "/rss": 200, "/json": 200 });
    const afterSecond = reportsByInput(dataDir);
    expect(afterSecond.size).toBe(11);
    expect([...afterSecond.values()].every((count) => count === 1)).toBe(true);
  });

  it("filters items, and a feed that is an HTML page fails alone with a message naming it", async () => {
    const dataDir = tempDir();
    const env = { SHIRABE_DATA_DIR: dataDir };
    feeds.grow("atom", 1);
    const result = await runCli(
      [
        "watch",
        `${feeds.url}/atom`,
        `${site.url}/pages/en-news-utf8`,
        ...FLAGS,
        "--match",
        "story 1,story 3",
      ],
      env,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/pages\/en-news-utf8: this is an HTML page, not a feed/);
    expect(result.stderr).toMatch(/item atom story 2: not reported: does not match --match/);
    const reported = [...reportsByInput(dataDir).keys()]
      .map((url) => new URL(url).searchParams.get("n"))
      .sort();
    expect(reported).toEqual(["1", "3"]);
  });

  it("reports every item exactly once when the watcher is killed mid-batch and started again", async () => {
    const dataDir = tempDir();
    const env = { SHIRABE_DATA_DIR: dataDir };
    feeds.grow("crash", 10);
    const args = ["watch", `${feeds.url}/crash`, ...FLAGS, "--concurrency", "2"];
    const child = spawnCli(args, env);
    const finished = collect(child);
    await new Promise<void>((ready) => {
      let done = 0;
      child.stderr?.on("data", (chunk: Buffer) => {
        done += (chunk.toString().match(/^done /gm) ?? []).length;
        if (done >= 3) ready();
      });
    });
    child.kill("SIGKILL");
    expect((await finished).code).toBe(-1);
    const partial = reportsByInput(dataDir).size;
    expect(partial).toBeGreaterThanOrEqual(3);
    expect(partial).toBeLessThan(10);

    const again = await runCli(args, env);
    expect(again.code).toBe(0);
    const counts = reportsByInput(dataDir);
    expect(counts.size).toBe(10);
    expect([...counts.values()].every((count) => count === 1)).toBe(true);
  });
});
