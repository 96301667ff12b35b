// Uploads: several files per report, a folder (relative paths) or a .zip, so a saved article finds the
// pages it links to; the server's temp folder never shows in what users see; bombs and junk are refused.
import { readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestApp,
  finished,
  postFiles,
  type TestServer,
  type UploadFile,
} from "../support/test-server.js";
import { zipFiles } from "../support/zip-file.js";

const EXAMPLE = new URL("../../examples/china-ai/", import.meta.url);
const exampleFiles = (): UploadFile[] =>
  readdirSync(EXAMPLE).map((name) => ({
    name: `china-ai/${name}`,
    content: readFileSync(new URL(name, EXAMPLE)),
  }));

let app: TestServer;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => {
  await app.close();
});

/** Everything a user can see about a job: its events, its state, its report, the list. */
async function everythingShown(id: string): Promise<string> {
  const events = await finished(app, id);
  const state = await (await app.fetch(`/api/reports/${id}`)).text();
  const list = await (await app.fetch("/api/reports")).text();
  const exported = await (await app.fetch(`/api/reports/${id}/export?format=md`)).text();
  return JSON.stringify(events) + state + list + exported;
}

describe("the bundled example uploaded as a folder", () => {
  it("reads the article's sibling pages as sources and never shows the server's temp path", async () => {
    const created = await postFiles(app, exampleFiles(), { lang: "en" });
    expect(created.status).toBe(202);
    const shown = await everythingShown(created.body.id);
    const state = await (await app.fetch(`/api/reports/${created.body.id}`)).json();
    expect(state.status).toBe("done");
    expect(state.input).toBe("article.html");
    expect(state.report.references.length).toBeGreaterThanOrEqual(5);
    expect(state.report.failures.filter((f: { message: string }) => /not found/.test(f.message))).toEqual([]);
    expect(shown).not.toContain(tmpdir());
    expect(shown).not.toContain("shirabe-upload-");
  });
});

describe("a .zip of the example", () => {
  it("is unpacked and researched like the folder", async () => {
    const zip = zipFiles(
      exampleFiles().map((file) => ({ ...file, name: file.name.replace("china-ai/", "") })),
    );
    const created = await postFiles(app, [{ name: "china-ai.zip", content: zip }], { lang: "en" });
    expect(created.status).toBe(202);
    await finished(app, created.body.id);
    const state = await (await app.fetch(`/api/reports/${created.body.id}`)).json();
    expect(state.report.references.length).toBeGreaterThanOrEqual(5);
  });

  it("refuses an entry that inflates past the upload limit (a zip bomb)", async () => {
    const small = await createTestApp({ maxUploadBytes: 10_000 });
    try {
      const bomb = zipFiles([{ name: "article.html", content: "a".repeat(5_000_000) }]);
      const refused = await postFiles(small, [{ name: "bomb.zip", content: bomb }]);
      expect(refused.status).toBe(413);
      expect(refused.body.error.code).toBe("too-large");
    } finally {
      await small.close();
    }
  });
});

describe("an article whose linked pages were not uploaded", () => {
  it("lists them as failed by their own names, not by the server's paths", async () => {
    const article = readFileSync(new URL("article.html", EXAMPLE));
    const created = await postFiles(app, [{ name: "article.html", content: article }], { lang: "en" });
    const shown = await everythingShown(created.body.id);
    const state = await (await app.fetch(`/api/reports/${created.body.id}`)).json();
    expect(state.report.failures.length).toBeGreaterThan(0);
    expect(shown).toContain("deepseek-founding.html");
    expect(shown).not.toContain(tmpdir());
    expect(shown).not.toContain(join("shirabe-upload-"));
  });
});
