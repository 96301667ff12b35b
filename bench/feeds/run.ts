// Feeds benchmark: (1) the embedded queue's own cost per job (enqueue + claim + finish, no-op handler);
// (2) a 1,000-item RSS feed end to end through `shirabe watch` with the extractive engine: items/minute
// from the first poll to the last stored report. Writes bench/results/feeds.json.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { openEmbeddedQueue } from "../../src/adapters/queue/embedded-queue.js";
import { main } from "../../src/cli/main.js";
import { openStore } from "../../src/index.js";
import { startFeedServer } from "../../test/support/feed-server.js";
import { startFixtureSite } from "../../test/support/fixture-site.js";
import { tempDir } from "../../test/support/temp.js";

const items = Number(process.argv[process.argv.indexOf("--items") + 1]) || 1000;
const noopJobs = 2000;

async function queueOverhead(concurrency: number) {
  const queue = openEmbeddedQueue<{ n: number }, { n: number }>({
    path: join(tempDir(), "q.sqlite"),
    pollMs: 50,
  });
  const started = performance.now();
  for (let n = 0; n < noopJobs; n += 1) await queue.enqueue({ n });
  const enqueued = performance.now();
  const worker = queue.process(async (job) => ({ n: job.data.n }), { concurrency });
  await worker.idle();
  const finished = performance.now();
  await queue.close();
  return {
    jobs: noopJobs,
    concurrency,
    enqueueMsPerJob: (enqueued - started) / noopJobs,
    processMsPerJob: (finished - enqueued) / noopJobs,
  };
}

async function endToEnd() {
  const site = await startFixtureSite();
  const pages = ["en-news-utf8", "ja-blog-utf8", "en-blog-windows-1252", "report-article", "zh-news-gbk"];
  const feeds = await startFeedServer({
    articleUrl: (_feed, n) => `${site.url}/pages/${pages[n % pages.length]}?n=${n}`,
    feeds: { big: "rss" },
  });
  feeds.grow("big", items);
  const dataDir = tempDir();
  const silent = { write: () => true };
  const started = performance.now();
  const code = await main(
    [
      "watch",
      `${feeds.url}/big`,
      "--allow-private-network",
      "--no-follow-links",
      "--concurrency",
      "2",
      "--quiet",
    ],
    { stdout: silent, stderr: silent, env: { ...process.env, SHIRABE_DATA_DIR: dataDir } },
  );
  const seconds = (performance.now() - started) / 1000;
  const store = openStore({ path: join(dataDir, "shirabe.sqlite") });
  const reports = store.listReports().length;
  store.close();
  await feeds.close();
  await site.close();
  return { items, reports, exitCode: code, seconds, itemsPerMinute: (reports / seconds) * 60 };
}

const queue1 = await queueOverhead(1);
const queue4 = await queueOverhead(4);
console.log("queue overhead", queue1, queue4);
const e2e = await endToEnd();
console.log("end to end", e2e);
const results = {
  date: new Date().toISOString(),
  node: process.version,
  queue: [queue1, queue4],
  endToEnd: e2e,
};
writeFileSync(join(import.meta.dirname, "../results/feeds.json"), `${JSON.stringify(results, null, 2)}\n`);
