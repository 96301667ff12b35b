// The library API as a program uses it: createReport with real adapters, progress events, the store.
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  checkReport,
  createHttpClient,
  createReport,
  openStore,
  type ProgressEvent,
  renderReport,
  ShirabeError,
} from "../src/index.js";
import { type FixtureSite, startFixtureSite } from "./support/fixture-site.js";
import { tempDir } from "./support/temp.js";

const EXAMPLE = resolve(import.meta.dirname, "../examples/china-ai/article.html");
let site: FixtureSite;

beforeAll(async () => {
  site = await startFixtureSite();
});
afterAll(async () => {
  await site.close();
});

describe("createReport", () => {
  it("reports each stage in order with counts, and one event per source", async () => {
    const events: ProgressEvent[] = [];
    const store = openStore({ path: join(tempDir(), "shirabe.sqlite") });
    const { report, run } = await createReport({
      input: `${site.url}/pages/report-article`,
      lang: "en",
      deps: { http: createHttpClient({ allowPrivateNetwork: true }), cache: store, store },
      onProgress: (event) => events.push(event),
    });
    const stages = events.filter((event) => event.type === "stage-done").map((event) => event.stage);
    expect(stages).toEqual(["article", "sources", "passages", "write", "cite", "store"]);
    const sourceEvents = events.filter((event) => event.type === "source");
    const sourcesDone = events.find((event) => event.type === "stage-done" && event.stage === "sources");
    expect(sourcesDone?.type === "stage-done" && sourcesDone.counts).toEqual({
      ok: sourceEvents.filter((event) => event.type === "source" && event.ok).length,
      failed: report.failures.length,
    });
    expect(report.failures.length).toBeGreaterThanOrEqual(2);
    expect(run.log.filter((entry) => entry.level === "warn")).toHaveLength(report.failures.length);
    expect(store.getReport(report.id)?.title).toBe(report.title);
    expect(checkReport(renderReport(report, "md"), { lang: "en", sources: report.sources })).toEqual([]);
    store.close();
  });

  it("works without a store and without the CLI, offline on local files", async () => {
    const { report } = await createReport({ input: EXAMPLE, deps: { http: createHttpClient({}) } });
    expect(report.lang).toBe("ja");
    expect(report.engine).toBe("extractive");
    expect(report.references.length).toBeGreaterThanOrEqual(5);
    expect(report.grounding.claims).toBe(report.grounding.supported + report.grounding.repaired);
  });

  it("refuses the fixture site's loopback address without the allow flag", async () => {
    const attempt = createReport({
      input: `${site.url}/pages/report-article`,
      deps: { http: createHttpClient({}) },
    });
    await expect(attempt).rejects.toBeInstanceOf(ShirabeError);
    await expect(attempt).rejects.toMatchObject({ code: "private-address" });
  });
});
