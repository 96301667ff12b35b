// Engines plug into the server: the user picks one and a model from what is configured; the engine
// hears when its job ends and may explain a failure.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractiveWriter, ShirabeError } from "../../src/index.js";
import { type Engine, type EngineStart, EXTRACTIVE_ENGINE } from "../../src/server/index.js";
import { type FixtureSite, startFixtureSite } from "../support/fixture-site.js";
import { finished, postJson, startTestServer, type TestServer } from "./_server.js";

let site: FixtureSite;
let app: TestServer;
const starts: EngineStart[] = [];
const ends: unknown[] = [];

/** Writes like the extractive engine under another name, or fails when the model is "broken". */
const scripted: Engine = {
  models: ["steady", "broken"],
  start: (job) => {
    starts.push(job);
    return {
      writer: {
        name: `scripted:${job.model}`,
        write: async (input) => {
          if (job.model === "broken")
            throw new ShirabeError("model answered 503", { code: "llm-http", kind: "network" });
          return extractiveWriter.write(input);
        },
      },
      end: (outcome) => {
        ends.push(outcome);
        if ("error" in outcome) {
          return new ShirabeError("model answered 503; run r-1 is saved: shirabe report --resume r-1", {
            code: "llm-http",
            kind: "network",
          });
        }
        return undefined;
      },
    };
  },
};

beforeAll(async () => {
  site = await startFixtureSite();
  app = await startTestServer({ engines: { extractive: EXTRACTIVE_ENGINE, scripted } });
});
afterAll(async () => {
  await app.close();
  await site.close();
});

describe("engines and models", () => {
  it("offers the configured engines and their models to the UI", async () => {
    const page = await (await fetch(`${app.url}/`)).text();
    const config = /name="shirabe-config" content="([^"]*)"/.exec(page)?.[1] ?? "";
    const decoded = JSON.parse(config.replace(/&quot;/g, '"').replace(/&amp;/g, "&"));
    expect(decoded.engines).toEqual([
      { name: "extractive", models: [] },
      { name: "scripted", models: ["steady", "broken"] },
    ]);
  });

  it("refuses a model the engine does not offer, and any model for the extractive engine", async () => {
    const unknown = await postJson(app.url, {
      url: `${site.url}/pages/report-source-a`,
      engine: "scripted",
      model: "gpt-x",
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe("model-not-available");
    expect(unknown.body.error.message).toContain("steady");
    const extractive = await postJson(app.url, { url: `${site.url}/pages/report-source-a`, model: "steady" });
    expect(extractive.status).toBe(400);
    expect(extractive.body.error.code).toBe("model-not-available");
  });

  it("writes with the chosen engine and model, tells the engine the report id", async () => {
    const created = await postJson(app.url, {
      url: `${site.url}/pages/report-source-a`,
      lang: "en",
      engine: "scripted",
      model: "steady",
      followLinks: false,
    });
    expect(created.status).toBe(202);
    await finished(app.url, created.body.id);
    const body = await (await fetch(`${app.url}/api/reports/${created.body.id}`)).json();
    expect(body.report.engine).toBe("scripted:steady");
    expect(starts.at(-1)).toMatchObject({ model: "steady", lang: "en", followLinks: false, maxLinks: 10 });
    expect(ends.at(-1)).toEqual({ reportId: created.body.id });
  });

  it("shows the engine's own account of a failure", async () => {
    const created = await postJson(app.url, {
      url: `${site.url}/pages/report-source-a`,
      engine: "scripted",
      model: "broken",
      followLinks: false,
    });
    const events = await finished(app.url, created.body.id);
    expect(events.at(-1)?.data).toMatchObject({
      type: "failed",
      error: { code: "llm-http", message: expect.stringContaining("--resume r-1") },
    });
    expect(ends.at(-1)).toHaveProperty("error");
  });
});
