// `shirabe publish`: stored reports → a static site that works from file:// in a real Chromium.
import { readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseAtomFeed } from "feedsmith";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, tempDir } from "../support/cli.js";
import { launchTestBrowser } from "../support/web-app-world.js";

const EXAMPLE = resolve(import.meta.dirname, "../../examples/china-ai/article.html");
const dataDir = tempDir();
const out = join(dataDir, "site");
const env = { SHIRABE_DATA_DIR: dataDir };
let browser: Browser;

beforeAll(async () => {
  const made = await runCli(["report", EXAMPLE, "--quiet", "--out", join(dataDir, "r.md")], env);
  expect(made.code).toBe(0);
  const published = await runCli(["publish", "--out", out, "--title", "朝のブリーフィング"], env);
  expect(published.code).toBe(0);
  browser = await launchTestBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("shirabe publish", () => {
  it("writes an Atom feed that parses back with one entry per report, linking relative pages", () => {
    const feed = parseAtomFeed(readFileSync(join(out, "atom.xml"), "utf8"));
    expect(feed.title?.value).toBe("朝のブリーフィング");
    expect(feed.entries).toHaveLength(1);
    const href = feed.entries?.[0]?.links?.find((link) => link.rel === "alternate")?.href ?? "";
    expect(href).toMatch(/^reports\/[a-z0-9-]+\.html$/);
    expect(statSync(join(out, href)).isFile()).toBe(true);
  });

  it("opens from file://: the index lists the report in Japanese, and a citation shows its source in a popover", async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(join(out, "index.html")).href);
    await expect(page.locator("h1").textContent()).resolves.toBe("朝のブリーフィング");
    await page.locator("ul.reports a").first().click();
    await page.waitForURL(/reports\/.+\.html$/);
    expect(await page.locator("h2").first().textContent()).toBe("緒言");
    // Japanese text is laid out with a CJK font, not boxes: the heading has a real width.
    const width = await page
      .locator("h2")
      .first()
      .evaluate((node) => node.getBoundingClientRect().width);
    expect(width).toBeGreaterThan(20);
    const cite = page.locator("a.cite").first();
    const n = (await cite.textContent())?.replace(/\D/g, "") ?? "";
    await cite.click();
    const popover = page.locator("#cite-popover");
    await expect(popover.isVisible()).resolves.toBe(true);
    const expected = await page.locator(`#ref-${n}`).textContent();
    expect((await popover.textContent())?.trim()).toBe(expected?.trim());
    expect(await popover.locator("a").getAttribute("href")).toMatch(/^https?:|^file:/);
    await page.keyboard.press("Escape");
    await expect(popover.isVisible()).resolves.toBe(false);
    await page.locator(".site-nav a").click();
    await page.waitForURL(/index\.html$/);
    await page.close();
  });

  it("rewrites nothing when republished without changes", async () => {
    const again = await runCli(["publish", "--out", out, "--title", "朝のブリーフィング"], env);
    expect(again.stderr).toContain("0 files written");
  });
});
