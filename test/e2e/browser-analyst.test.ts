// The web app as an analyst uses it, in a real Chromium against the real server: what issue 14 found
// missing or wrong — a restart under an open page, honesty about the extractive engine, a saved folder
// as the article, errors in Japanese, local times, failed jobs, cancel, source cards, [n] → source,
// copying with sources, accessibility, the PDF's pages.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collect, servedUrl, spawnCli, tempDir } from "../support/cli.js";
import { useWebAppWorld } from "../support/web-app-world.js";

const SLOW_TEST_MS = 60_000;
const EXAMPLE = resolve(import.meta.dirname, "../../examples/china-ai");

const world = useWebAppWorld({ viewport: { width: 1280, height: 900 } });
const { openPage } = world;

/** WCAG contrast ratio of two "rgb(r, g, b)" colours. */
function contrast(a: string, b: string): number {
  const luminance = (color: string) => {
    const [r, g, bl] = (color.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

describe("a restart under an open page", { timeout: SLOW_TEST_MS }, () => {
  it("says the connection is lost, then shows the job as interrupted with a retry, not running forever", async () => {
    const dataDir = tempDir();
    const args = ["--data-dir", dataDir, "--allow-private-network"];
    const first = spawnCli(["serve", "--port", "0", ...args]);
    const firstDone = collect(first);
    const url = await servedUrl(first);
    const port = new URL(url).port;
    const { context, page } = await openPage();
    let second: ReturnType<typeof spawnCli> | undefined;
    try {
      await page.goto(url);
      await page.fill("#url", `${world.site.url}/pages/report-article`);
      await page.fill("#sources", `${world.site.url}/slow?ms=30000`);
      await page.click("button.primary");
      await page.waitForSelector('li[data-stage="article"].done');
      first.kill("SIGKILL");
      await firstDone;
      await page.locator(".notice").waitFor({ state: "visible" });
      expect(await page.locator(".notice").textContent()).toContain("接続が切れました");

      second = spawnCli(["serve", "--port", port, ...args]);
      await servedUrl(second);
      await expect
        .poll(() => page.locator("h1").textContent(), { timeout: 20_000 })
        .toBe("レポートを作成できませんでした");
      expect(await page.locator("div.error").textContent()).toContain("サーバーが停止しました");
      expect(await page.locator(".notice").isVisible()).toBe(false);
      expect(await page.locator("button.retry").isVisible()).toBe(true);
      expect(await page.locator(".elapsed").textContent()).toMatch(/経過時間 \d+秒/);
    } finally {
      await context.close();
      second?.kill("SIGTERM");
      if (second) await collect(second);
    }
  });
});

describe("the bundled example, uploaded as its folder into a Japanese report", {
  timeout: SLOW_TEST_MS,
}, () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ context, page } = await openPage({ timezoneId: "Asia/Tokyo" }));
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: world.app.url });
    await page.goto(world.app.url);
    // The form is honest about the default engine before anything is submitted.
    await page.locator("#engine-note").waitFor();
    // The saved article's folder, as a user picks it: the browser sends each file with its relative path.
    await page.check('input[name="kind"][value="folder"]');
    await page.setInputFiles("#folder", EXAMPLE);
    await page.selectOption("#lang", "ja");
    await page.click("button.primary");
    await page.waitForSelector("article.report h1", { timeout: 30_000 });
  }, SLOW_TEST_MS);
  afterAll(async () => {
    await context.close();
  });

  it("said on the form that the extractive engine quotes and does not translate, and which engines exist", async () => {
    await page.goto(`${world.app.url}/#/`);
    expect(await page.locator("#engine-note").textContent()).toContain("翻訳はしない");
    expect(await page.locator("#engines-here").textContent()).toContain("extractive");
    await page.goBack();
    await page.waitForSelector("article.report h1");
  });

  it("reads the sibling pages, says the English sentences are quotations, and marks them lang=en", async () => {
    const cards = page.locator(".source-card:not(.failed)");
    expect(await cards.count()).toBeGreaterThanOrEqual(5);
    const text = (await page.locator("main").textContent()) ?? "";
    expect(text).not.toContain("file not found");
    expect(text).not.toContain(tmpdir());
    expect(text).not.toContain("null");
    expect(await page.locator('[data-testid="verbatim"]').textContent()).toMatch(
      /\d+ 文中 \d+ 文は他の言語の情報源から原文のまま引用/,
    );
    expect(await page.locator("q.quotation").count()).toBeGreaterThan(0);
    // Quotations in English say so; a quotation of a Japanese source needs no mark in a Japanese report.
    const unmarked = await page
      .locator("q.quotation:not([lang])")
      .evaluateAll((nodes) => nodes.map((node) => node.textContent ?? ""));
    expect(
      unmarked.filter((quote) => !/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(quote)),
    ).toEqual([]);
    expect(await page.locator('q.quotation[lang="en"]').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="source-count"]').textContent()).toMatch(
      /情報源 \d+ 件を読み \d+ 件を引用/,
    );
  });

  it("shows the date in the reader's time zone and the original article at the top", async () => {
    const time = page.locator(".report-meta time");
    const iso = (await time.getAttribute("datetime")) as string;
    const tokyo = new Date(iso).toLocaleString("ja-JP", {
      timeZone: "Asia/Tokyo",
      dateStyle: "medium",
      timeStyle: "short",
    });
    expect(await time.textContent()).toBe(tokyo);
    expect(await page.locator(".report-meta a").textContent()).toContain("DeepSeek");
  });

  it("moves focus to the report, offers a skip past the citations, and keeps targets and focus visible", async () => {
    expect(await page.evaluate("document.activeElement?.id")).toBe("report-title");
    await page.click(".skip-refs");
    expect(await page.evaluate("document.activeElement?.id")).toBe("ref-list");
    for (const box of await page
      .locator("button.cite")
      .evaluateAll((nodes) => nodes.map((node) => node.getBoundingClientRect().toJSON()))) {
      expect(box.width).toBeGreaterThanOrEqual(24);
      expect(box.height).toBeGreaterThanOrEqual(24);
    }
    await page.locator("button.cite").first().focus();
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Tab");
    const ring = await page.evaluate("getComputedStyle(document.activeElement).outlineColor");
    expect(contrast(ring as string, "rgb(255, 255, 255)")).toBeGreaterThanOrEqual(3);
    expect(contrast(ring as string, "rgb(245, 246, 248)")).toBeGreaterThanOrEqual(3);
    await page.keyboard.press("Escape");
  });

  it("jumps from a clicked [n] to its source card and highlights it", async () => {
    const cite = page.locator("button.cite").nth(2);
    const n = ((await cite.textContent()) ?? "").replace(/\D/g, "");
    await cite.click();
    const card = page.locator(`#source-${n}`);
    await expect.poll(() => card.getAttribute("class")).toContain("highlight");
    expect(await card.isVisible()).toBe(true);
    expect(await page.evaluate("document.activeElement?.id")).toBe(`source-${n}`);
  });

  it("copies a paragraph with its citations and the sources they name", async () => {
    await page.locator(".paragraph button.copy").first().click();
    const copied = (await page.evaluate("navigator.clipboard.readText()")) as string;
    expect(copied).toMatch(/\[\d+\]/);
    expect(copied).toMatch(/\n\n\[\d+\] .+ https?:\/\//);
  });

  it("opens the popover above a citation near the bottom edge, inside the window", async () => {
    const cite = page.locator("button.cite").nth(4);
    await cite.evaluate((node) => {
      const top = node.getBoundingClientRect().top + window.scrollY;
      window.scrollTo(0, top - window.innerHeight + 40);
    });
    await cite.hover();
    const popover = page.locator("#popover");
    await popover.waitFor({ state: "visible" });
    const box = (await popover.boundingBox()) as { y: number; height: number };
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(900);
    await page.mouse.move(2, 2);
  });

  it("exports a tagged PDF whose pages are numbered and whose last page holds report text", async () => {
    const id = /#\/reports\/([0-9a-f-]+)/.exec(page.url())?.[1] as string;
    const pdf = Buffer.from(
      await (await fetch(`${world.app.url}/api/reports/${id}/export?format=pdf`)).arrayBuffer(),
    );
    const path = join(tempDir(), "report.pdf");
    writeFileSync(path, pdf);
    const info = execFileSync("pdfinfo", [path], { encoding: "utf8" });
    expect(info).toMatch(/Tagged:\s+yes/);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    const last = execFileSync(
      "pdftotext",
      ["-enc", "UTF-8", "-f", String(pages), "-l", String(pages), path, "-"],
      {
        encoding: "utf8",
      },
    );
    const pageNumber = new RegExp(`${pages}\\s*/\\s*${pages}`);
    expect(last).toMatch(pageNumber);
    const withoutFooter = last
      .replace(/検証: .*$/m, "")
      .replace(pageNumber, "")
      .trim();
    expect(withoutFooter.length).toBeGreaterThan(20);
  });
});

describe("mistakes, failures and the list", { timeout: SLOW_TEST_MS }, () => {
  it("explains a refused URL and an empty file in Japanese and puts focus back on the field", async () => {
    const { context, page } = await openPage();
    try {
      await page.goto(world.app.url);
      await page.fill("#url", "notaurl");
      await page.click("button.primary");
      await expect.poll(() => page.locator("#form-error").textContent()).toContain("URL が正しくありません");
      expect(await page.evaluate("document.activeElement?.id")).toBe("url");
      const before = (await (await fetch(`${world.app.url}/api/reports`)).json()).jobs.length;
      await page.check('input[name="kind"][value="file"]');
      await page.setInputFiles("#file", {
        name: "empty.html",
        mimeType: "text/html",
        buffer: Buffer.alloc(0),
      });
      await page.click("button.primary");
      await expect.poll(() => page.locator("#form-error").textContent()).toContain("ファイルが空です");
      expect(await page.evaluate("document.activeElement?.id")).toBe("file");
      expect((await (await fetch(`${world.app.url}/api/reports`)).json()).jobs.length).toBe(before);
    } finally {
      await context.close();
    }
  });

  it("cancels a running report, lists it by date with retry and delete, and retries it", async () => {
    const { context, page } = await openPage({ timezoneId: "Asia/Tokyo" });
    page.on("dialog", (dialog) => dialog.accept());
    try {
      await page.goto(world.app.url);
      await page.fill("#url", `${world.site.url}/pages/report-source-a`);
      await page.fill("#sources", `${world.site.url}/slow?ms=20000`);
      await page.click("button.primary");
      await page.waitForSelector('li[data-stage="article"].done');
      expect(await page.locator("ol.log li").count()).toBeGreaterThan(0);
      await page.click("button.cancel");
      await expect.poll(() => page.locator("h1").textContent()).toBe("レポートを作成できませんでした");
      expect(await page.locator("div.error").textContent()).toContain("中止しました");
      const cancelledId = /#\/reports\/([0-9a-f-]+)/.exec(page.url())?.[1] as string;

      await page.goto(`${world.app.url}/#/reports`);
      const row = page.locator(`ul.reports li:has(a[href="#/reports/${cancelledId}"])`);
      await row.waitFor();
      expect(await row.locator("time").textContent()).toMatch(/\d{4}\/\d{2}\/\d{2} \d{1,2}:\d{2}/);
      expect(await row.locator("button.danger").count()).toBe(1);
      await row.locator("button.retry").click();
      await page.waitForURL((url) => /#\/reports\//.test(url.hash) && !url.hash.includes(cancelledId));
      expect(page.url()).not.toContain(cancelledId);
      await page.waitForSelector("article.report h1", { timeout: 30_000 });
      await page.goto(`${world.app.url}/#/reports`);
      await row.waitFor();
      await row.locator("button.danger").click();
      await expect
        .poll(async () => (await fetch(`${world.app.url}/api/reports/${cancelledId}`)).status)
        .toBe(404);
    } finally {
      await context.close();
    }
  });
});
