// The UI's first language comes from the UI switch's cookie, else Accept-Language: the best-ranked of
// Japanese and English (hono's language detector), else English.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestServer } from "../support/test-server.js";

let app: TestServer;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => {
  await app.close();
});

const pageLang = async (headers: Record<string, string>) =>
  /<html lang="([^"]*)">/.exec(await (await app.fetch("/", { headers })).text())?.[1];

describe("the page's language", () => {
  it.each([
    ["ja-JP,ja;q=0.9,en;q=0.8", "ja"],
    ["en-US,en;q=0.9,ja;q=0.8", "en"],
    ["fr-FR, ja;q=0.5, en;q=0.4", "ja"],
    ["en;q=0.2, ja;q=0.7", "ja"],
    ["ja;q=0, en", "en"],
    ["de, fr", "en"],
    ["", "en"],
    [undefined, "en"],
  ])("Accept-Language %s → %s", async (header, expected) => {
    expect(await pageLang(header === undefined ? {} : { "accept-language": header })).toBe(expected);
  });

  it("follows the UI switch's cookie over Accept-Language", async () => {
    expect(await pageLang({ "accept-language": "en", cookie: "shirabe_ui_lang=ja" })).toBe("ja");
  });
});

describe("the page's settings", () => {
  it("carries the words a report prints, from the server's own labels", async () => {
    const page = await (await app.fetch("/")).text();
    const config = JSON.parse(
      (/name="shirabe-config" content="([^"]*)"/.exec(page)?.[1] ?? "")
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, "&"),
    );
    expect(config.reportWords.ja).toMatchObject({
      introduction: "緒言",
      conclusion: "結論",
      references: "参照記事",
    });
    expect(config.reportWords.en.introduction).toBe("Introduction");
    expect(config.verbatimEngines).toEqual(["extractive"]);
  });
});
