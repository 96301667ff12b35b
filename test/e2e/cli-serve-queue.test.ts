// `shirabe serve --queue` as real processes with a real Redis: a report submitted through the API is
// written by a `shirabe worker` process, its progress arrives over the server's event stream, and the
// server stores it; a waiting job is cancelled; a report that finished while the server was down is
// collected when it starts again; the queue's status is served.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../support/cli.js";
import { type FixtureSite, startFixtureSite } from "../support/fixture-site.js";
import { useRedisProcesses } from "../support/redis-processes.js";
import { HAS_REDIS, NO_REDIS_MESSAGE } from "../support/redis-server.js";
import { type Client, finished, postJson, readEvents } from "../support/test-server.js";
import { launchTestBrowser } from "../support/web-app-world.js";
import { type CliChild, startCli, startWorker, stop } from "../support/worker-processes.js";

if (!HAS_REDIS) console.warn(NO_REDIS_MESSAGE);

describe.skipIf(!HAS_REDIS)("serve --queue with worker processes", () => {
  const redis = useRedisProcesses();
  let site: FixtureSite;
  beforeAll(async () => {
    site = await startFixtureSite();
  });
  afterAll(async () => {
    await site?.close();
  });

  const serve = async (dataDir: string): Promise<Client & { process: CliChild }> => {
    const child = startCli(["serve", "--port", "0", "--queue", redis.url], { SHIRABE_DATA_DIR: dataDir });
    redis.track(child);
    await child.waitFor(/serving on http:\/\/\S+\//);
    const url = /serving on (http:\/\/\S+?)\/ /.exec(child.stderr())?.[1] as string;
    return { url, process: child, fetch: (path, init) => fetch(`${url}${path}`, init) };
  };
  const worker = () => {
    const child = startWorker(redis.url, ["--concurrency", "1", "--lock", "2", "--stalled-interval", "1"]);
    redis.track(child);
    return child;
  };
  const submit = (server: Client, slug: string) =>
    postJson(server, { url: `${site.url}/pages/${slug}`, followLinks: false });

  it("has a worker write the report, relays its progress over SSE and stores it on the server", async () => {
    const server = await serve(tempDir());
    const writer = worker();
    const created = await submit(server, "en-news-utf8");
    expect(created.status).toBe(202);
    const events = await finished(server, created.body.id);
    // Numbered 1, 2, 3, … as a local job's, ending with done.
    expect(events.map((event) => event.id)).toEqual(events.map((_, index) => index + 1));
    const stages = events
      .filter((event) => event.data.type === "stage-start")
      .map((event) => event.data.stage);
    expect(stages).toContain("article");
    expect(stages.at(-1)).toBe("store");
    expect(events.map((event) => event.data.type === "status" && event.data.status)).toContain("running");
    expect(events.at(-1)?.data).toMatchObject({ type: "done", id: created.body.id });
    await writer.waitFor(/^done .*en-news-utf8/m);

    const read = await (await server.fetch(`/api/reports/${created.body.id}`)).json();
    expect(read.status).toBe("done");
    expect(read.report.sources.length).toBeGreaterThan(0);
    const listed = await (await server.fetch("/api/reports")).json();
    expect(listed.reports.map((report: { id: string }) => report.id)).toEqual([created.body.id]);
    // A reconnecting tab that saw everything hears the end again, numbered after what it saw.
    const again = await readEvents(server, `/api/reports/${created.body.id}/events`, {
      headers: { "last-event-id": String(events.length) },
    });
    expect(again.at(-1)).toMatchObject({ id: events.length + 2, data: { type: "done" } });

    const status = await (await server.fetch("/api/queue")).json();
    expect(status.total).toMatchObject({ waiting: 0, active: 0, done: 1, failed: 0 });
    expect(status.groups).toEqual([{ group: "web", counts: { waiting: 0, active: 0, done: 1, failed: 0 } }]);

    // The list screen shows the same counts in its queue panel.
    const browser = await launchTestBrowser();
    try {
      const page = await browser.newPage({ locale: "en-US" });
      await page.goto(`${server.url}/#/reports`);
      const row = page.locator("section.queue tbody tr", { hasText: "web" });
      await row.waitFor();
      expect(await row.locator("td").allTextContents()).toEqual(["0", "0", "1", "0"]);
    } finally {
      await browser.close();
    }
  });

  it("cancels a waiting job: it leaves the queue and ends as cancelled", async () => {
    const server = await serve(tempDir());
    const created = await submit(server, "en-tech-bom");
    const cancel = await server.fetch(`/api/reports/${created.body.id}/cancel`, { method: "POST" });
    expect(cancel.status).toBe(202);
    const events = await finished(server, created.body.id);
    expect(events.at(-1)?.data).toMatchObject({ type: "failed", error: { code: "cancelled" } });
    const status = await (await server.fetch("/api/queue")).json();
    expect(status.total).toMatchObject({ waiting: 0, active: 0, done: 0 });
    // Uploads cannot go to workers on other machines: refused with what to do instead.
    const form = new FormData();
    form.append("files", new Blob(["<p>hello</p>"]), "a.html");
    const upload = await server.fetch("/api/reports", { method: "POST", body: form });
    expect(upload.status).toBe(400);
    expect((await upload.json()).error.code).toBe("upload-not-queued");
  });

  it("collects a report that finished while the server was down when it starts again", async () => {
    const dataDir = tempDir();
    const first = await serve(dataDir);
    const created = await submit(first, "ja-blog-utf8");
    expect(created.status).toBe(202);
    // The job reaches Redis before the server dies.
    const { openBullmqQueue } = await import("../../src/adapters/queue/bullmq-queue.js");
    const queue = openBullmqQueue({ url: redis.url });
    while ((await queue.counts("web")).waiting < 1) await new Promise((done) => setTimeout(done, 50));
    await stop(first.process, "SIGKILL");
    const writer = worker();
    while ((await queue.counts("web")).done < 1) await new Promise((done) => setTimeout(done, 100));
    await queue.close();
    // The queue can count the job done before the worker's own line has come through its pipe.
    await writer.waitFor(/^done .*ja-blog-utf8/m);

    const second = await serve(dataDir);
    const events = await finished(second, created.body.id);
    expect(events.at(-1)?.data).toMatchObject({ type: "done", id: created.body.id });
    const read = await (await second.fetch(`/api/reports/${created.body.id}`)).json();
    expect(read.report.title.length).toBeGreaterThan(0);
    const listed = await (await second.fetch("/api/reports")).json();
    expect(listed.reports).toHaveLength(1);
    expect(listed.jobs).toEqual([]);
  });
});
