// Reports are made in worker threads: while the worst upload the server accepts (deeply nested markup,
// under the 2 MiB limit, whose parsing takes long) is being processed, the server still answers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FixtureSite, startFixtureSite } from "../support/fixture-site.js";
import {
  finished,
  postFiles,
  postJson,
  readEvents,
  startTestServer,
  type TestServer,
} from "../support/test-server.js";

let site: FixtureSite;
let app: TestServer;
beforeAll(async () => {
  site = await startFixtureSite();
  app = await startTestServer();
});
afterAll(async () => {
  await app.close();
  await site.close();
});

describe("a worst-case upload", () => {
  it("does not hold up a concurrent GET of a stored report (answered in < 100 ms)", async () => {
    const stored = await postJson(app, { url: `${site.url}/pages/report-source-a`, followLinks: false });
    await finished(app, stored.body.id);

    const depth = 340_000;
    const nested = `<!doctype html><html><body>${"<div>".repeat(depth)}<p>deep</p></body></html>`;
    expect(nested.length).toBeLessThan(2 * 1024 * 1024);
    const heavy = await postFiles(app, [{ name: "nested.html", content: nested }], { followLinks: "false" });
    expect(heavy.status).toBe(202);
    // Wait until the article is being read (parsed) by a worker.
    await readEvents(app, `/api/reports/${heavy.body.id}/events`, {
      stopAfter: (event) => event.data.type === "stage-start" && event.data.stage === "article",
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await (await app.fetch(`/api/reports/${heavy.body.id}`)).json()).status).toBe("running");

    const times: number[] = [];
    for (let round = 0; round < 5; round++) {
      const started = performance.now();
      const response = await app.fetch(`/api/reports/${stored.body.id}`);
      const body = await response.json();
      times.push(performance.now() - started);
      expect(body.status).toBe("done");
    }
    times.sort((a, b) => a - b);
    expect(times[2]).toBeLessThan(100);
    // The heavy job can be stopped: its worker is ended, not waited for.
    expect((await app.fetch(`/api/reports/${heavy.body.id}/cancel`, { method: "POST" })).status).toBe(202);
    const ending = await finished(app, heavy.body.id);
    expect(ending.at(-1)?.data).toMatchObject({ type: "failed", error: { code: "cancelled" } });
  }, 30_000);
});
