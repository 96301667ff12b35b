// Jobs run in the server's memory; a restart must not lose them silently. A report that was queued or
// being written when the server stopped reads as failed with "interrupted" on the next server.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpClient, openStore } from "../../src/index.js";
import { startServer } from "../../src/server/index.js";
import { type FixtureSite, startFixtureSite } from "../support/fixture-site.js";
import { tempDir } from "../support/temp.js";
import { finished, postJson, readEvents } from "../support/test-server.js";

const INTERRUPTED = {
  code: "interrupted",
  message: "the server stopped while this report was being written; submit it again",
};

let site: FixtureSite;
beforeAll(async () => {
  site = await startFixtureSite();
});
afterAll(async () => {
  await site.close();
});

/** A server on the store file at `path`, one report at a time; close() stops the server, then the store. */
async function serveOn(path: string) {
  const store = openStore({ path });
  const server = await startServer({
    port: 0,
    http: createHttpClient({ allowPrivateNetwork: true }),
    store,
    cache: store,
    rateLimit: { limit: 1000, windowMs: 60_000 },
    maxConcurrentJobs: 1,
  });
  return {
    url: server.url,
    fetch: (path: string, init?: RequestInit) => fetch(`${server.url}${path}`, init),
    close: async () => {
      await server.close();
      store.close();
    },
  };
}

const getJson = async (url: string) => {
  const response = await fetch(url);
  return { status: response.status, body: await response.json() };
};

describe("a restart while reports are being written", () => {
  it("answers failed/interrupted for the running and the queued report, and keeps finished ones", async () => {
    const path = join(tempDir("shirabe-restart-"), "shirabe.sqlite");
    const first = await serveOn(path);
    const done = await postJson(first, {
      url: `${site.url}/pages/report-source-b`,
      lang: "en",
      followLinks: false,
    });
    await finished(first, done.body.id);
    // Longer than the server waits for running jobs when it closes.
    const slow = {
      url: `${site.url}/pages/report-article`,
      lang: "en",
      followLinks: false,
      sources: [`${site.url}/slow?ms=8000`],
    };
    const running = await postJson(first, slow);
    const queued = await postJson(first, slow);
    await readEvents(first, `/api/reports/${running.body.id}/events`, {
      stopAfter: (event) => event.data.type === "stage-start" && event.data.stage === "sources",
    });
    expect((await getJson(`${first.url}/api/reports/${queued.body.id}`)).body.status).toBe("queued");
    await first.close();

    const second = await serveOn(path);
    try {
      for (const id of [running.body.id, queued.body.id]) {
        const { status, body } = await getJson(`${second.url}/api/reports/${id}`);
        expect(status).toBe(200);
        expect(body).toMatchObject({ id, status: "failed", error: INTERRUPTED, lang: "en" });
        expect(body.input).toBe(slow.url);
        // The page that was following the job hears how it ended instead of waiting forever.
        const events = await readEvents(second, `/api/reports/${id}/events`);
        expect(events.map((event) => event.data)).toEqual([
          { type: "status", status: "failed" },
          { type: "failed", error: INTERRUPTED },
        ]);
        // A tab that followed the job before the restart reconnects with the last id it saw: it hears
        // the ending numbered after that id, not events renumbered from 1 that it would skip.
        const resumed = await readEvents(second, `/api/reports/${id}/events`, {
          headers: { "last-event-id": "12" },
        });
        expect(resumed.map((event) => event.id)).toEqual([13, 14]);
        expect(resumed.at(-1)?.data).toEqual({ type: "failed", error: INTERRUPTED });
      }
      // The list of reports names them among the jobs that did not make a report.
      const listed = (await getJson(`${second.url}/api/reports`)).body.jobs as Array<{ id: string }>;
      expect(listed).toEqual(
        expect.arrayContaining(
          [running.body.id, queued.body.id].map((id) => expect.objectContaining({ id, status: "failed" })),
        ),
      );
      const kept = await getJson(`${second.url}/api/reports/${done.body.id}`);
      expect(kept.body.status).toBe("done");
      expect(kept.body.report.id).toBe(done.body.id);

      // The user may remove the failed job; then it is gone.
      const removed = await fetch(`${second.url}/api/reports/${queued.body.id}`, { method: "DELETE" });
      expect(removed.status).toBe(204);
      expect((await getJson(`${second.url}/api/reports/${queued.body.id}`)).status).toBe(404);
    } finally {
      await second.close();
    }

    // Still so after another restart: the interruption was recorded, not re-derived.
    const third = await serveOn(path);
    try {
      const { body } = await getJson(`${third.url}/api/reports/${running.body.id}`);
      expect(body).toMatchObject({ status: "failed", error: INTERRUPTED });
      const events = await readEvents(third, `/api/reports/${running.body.id}/events`);
      expect(events.at(-1)?.data).toEqual({ type: "failed", error: INTERRUPTED });
    } finally {
      await third.close();
    }
  }, 30_000);
});
