// Jobs run concurrently, and their event log replays after a reconnect (Last-Event-ID) or a reload.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpClient, createReport } from "../../src/index.js";
import { type FixtureSite, startFixtureSite } from "../support/fixture-site.js";
import { createTestApp, finished, postJson, readEvents, type TestServer } from "../support/test-server.js";

let site: FixtureSite;
let app: TestServer;

beforeAll(async () => {
  site = await startFixtureSite();
  app = await createTestApp();
});
afterAll(async () => {
  await app.close();
  await site.close();
});

/** A report whose one extra source answers only after `ms`. */
const slowReport = (ms: number) => ({
  url: `${site.url}/pages/report-article`,
  lang: "en",
  followLinks: false,
  sources: [`${site.url}/slow?ms=${ms}`],
});

describe("server-sent events", () => {
  it("replays only the missed events after a reconnect with Last-Event-ID, and all of them after a reload", async () => {
    const { body } = await postJson(app, slowReport(1500));
    const eventsUrl = `/api/reports/${body.id}/events`;
    const first = await readEvents(app, eventsUrl, {
      stopAfter: (event) => event.data.type === "stage-start" && event.data.stage === "sources",
    });
    const lastSeen = first.at(-1)?.id as number;
    expect(first.map((event) => event.id)).toEqual(Array.from({ length: lastSeen }, (_, i) => i + 1));
    expect(first.map((event) => event.data.type)).toEqual([
      "status",
      "status",
      "stage-start",
      "stage-done",
      "stage-start",
    ]);

    const resumed = await readEvents(app, eventsUrl, { headers: { "last-event-id": String(lastSeen) } });
    expect(resumed[0]?.id).toBe(lastSeen + 1);
    const ids = resumed.map((event) => event.id);
    expect(ids).toEqual(Array.from({ length: ids.length }, (_, i) => lastSeen + 1 + i));
    expect(resumed.some((event) => event.data.type === "source")).toBe(true);
    expect(resumed.at(-1)?.data.type).toBe("done");

    const reloaded = await readEvents(app, eventsUrl);
    expect(reloaded.map((event) => event.data)).toEqual([...first, ...resumed].map((event) => event.data));
  });

  it("names each source fetched, ok or failed and why", async () => {
    const { body } = await postJson(app, { url: `${site.url}/pages/report-article`, lang: "ja" });
    const events = await finished(app, body.id);
    const sources = events.filter((event) => event.data.type === "source").map((event) => event.data);
    expect(sources.some((source) => source.ok === true)).toBe(true);
    for (const failed of sources.filter((source) => source.ok === false)) {
      expect(String(failed.message)).toContain(String(failed.input));
    }
    const stages = events
      .filter((event) => event.data.type === "stage-done")
      .map((event) => event.data.stage);
    expect(stages).toEqual(["article", "sources", "passages", "write", "cite", "store"]);
  });

  it("lists each section as it is written and the citations checked, as the stored report has them", async () => {
    const { body } = await postJson(app, { url: `${site.url}/pages/report-article`, lang: "ja" });
    const events = (await finished(app, body.id)).map((event) => event.data);
    const stored = await (await app.fetch(`/api/reports/${body.id}`)).json();
    const headings: string[] = stored.report.sections.map((section: { heading: string }) => section.heading);
    expect(headings.length).toBeGreaterThan(0);
    const sections = events.filter((event) => event.type === "section");
    expect(sections.map((event) => event.heading)).toEqual(headings);
    expect(sections.map((event) => `${event.done}/${event.total}`)).toEqual(
      headings.map((_, index) => `${index + 1}/${headings.length}`),
    );
    const writeStart = events.findIndex((event) => event.type === "stage-start" && event.stage === "write");
    const writeDone = events.findIndex((event) => event.type === "stage-done" && event.stage === "write");
    for (const event of sections) {
      expect(events.indexOf(event)).toBeGreaterThan(writeStart);
      expect(events.indexOf(event)).toBeLessThan(writeDone);
    }
    const citations = events.filter((event) => event.type === "citations");
    expect(citations).toHaveLength(1);
    const { type: _type, final, ...counts } = citations[0] as { type: string; final: boolean };
    expect(final).toBe(true);
    expect(counts).toEqual(stored.report.grounding);
  });

  it("serves a report stored by another process (the CLI) as one finished event", async () => {
    const { report } = await createReport({
      input: `${site.url}/pages/report-source-a`,
      lang: "en",
      followLinks: false,
      deps: {
        http: createHttpClient({ allowPrivateNetwork: true }),
        store: app.store,
      },
    });
    const events = await finished(app, report.id);
    expect(events.at(-1)?.data).toMatchObject({ type: "done", id: report.id });
    const body = await (await app.fetch(`/api/reports/${report.id}`)).json();
    expect(body.status).toBe("done");
    expect(body.report.title).toBe(report.title);
  });
});

describe("concurrent reports", () => {
  it("a fast report submitted second finishes while a slow one is still fetching", async () => {
    // The slow source takes long enough that the fast report finishes first even on a loaded machine.
    const slow = await postJson(app, slowReport(10_000));
    const fast = await postJson(app, {
      url: `${site.url}/pages/report-source-b`,
      lang: "en",
      followLinks: false,
    });
    expect(slow.status).toBe(202);
    expect(fast.status).toBe(202);
    const order: string[] = [];
    await Promise.all([
      finished(app, slow.body.id).then(() => order.push("slow")),
      finished(app, fast.body.id).then(async () => {
        order.push("fast");
        const state = await (await app.fetch(`/api/reports/${slow.body.id}`)).json();
        expect(state.status).toBe("running");
      }),
    ]);
    expect(order).toEqual(["fast", "slow"]);
    const list = await (await app.fetch(`/api/reports`)).json();
    const ids = list.reports.map((report: { id: string }) => report.id);
    expect(ids).toEqual(expect.arrayContaining([slow.body.id, fast.body.id]));
  });

  it("refuses to delete a report that is still being written", async () => {
    const slow = await postJson(app, slowReport(1500));
    const response = await app.fetch(`/api/reports/${slow.body.id}`, { method: "DELETE" });
    expect(response.status).toBe(409);
    await finished(app, slow.body.id);
    expect((await app.fetch(`/api/reports/${slow.body.id}`, { method: "DELETE" })).status).toBe(204);
  });
});
