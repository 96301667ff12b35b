// The web app in a real Chromium (Debian's /usr/bin/chromium driven by playwright-core) against the
// real server and the fixture site: submit → live progress → report → citation popover → PDF export,
// on a phone-width screen, by keyboard only, in Japanese and English.
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer } from "../support/test-server.js";
import { useWebAppWorld } from "../support/web-app-world.js";

// A real browser and a real pipeline share 2 cores with the other test files: allow a minute a test.
const SLOW_TEST_MS = 60_000;
const ARTIFACTS = resolve(import.meta.dirname, "../../test-artifacts");

const world = useWebAppWorld({ acceptDownloads: true });
const { openPage } = world;
beforeAll(() => {
  mkdirSync(ARTIFACTS, { recursive: true });
});

/** Runs in the page: keeps every section line and citations line the progress panel shows. */
function recordProgress() {
  const shown = { sections: [] as string[], citations: [] as string[] };
  Object.assign(window, { progressShown: shown });
  new MutationObserver((records) => {
    for (const record of records) {
      const target = record.target as Element;
      if (target.matches?.("p.citations") && target.textContent) shown.citations.push(target.textContent);
      for (const node of record.addedNodes) {
        if (node instanceof Element && node.matches("ul.sections li"))
          shown.sections.push(node.textContent ?? "");
      }
    }
  }).observe(document, { childList: true, subtree: true });
}

const articleUrl = () => `${world.site.url}/pages/report-article`;
const slowSource = (ms: number) => `${world.site.url}/slow?ms=${ms}`;

describe("submit, watch, read, export (Japanese UI, desktop)", { timeout: SLOW_TEST_MS }, () => {
  let context: BrowserContext;
  let page: Page;
  let reportId = "";

  beforeAll(async () => {
    ({ context, page } = await openPage({ viewport: { width: 1280, height: 900 } }));
  });
  afterAll(async () => {
    await context.close();
  });

  it("shows the form in Japanese, chosen from Accept-Language", async () => {
    await page.goto(world.app.url);
    await expect.poll(() => page.locator("h1").textContent()).toBe("記事から調査レポートを作る");
    expect(await page.getAttribute("html", "lang")).toBe("ja");
  });

  it("submits a URL and shows each stage and each source as it happens", async () => {
    // The extractive engine writes in well under a second and the report then replaces the panel, so
    // what the panel showed is recorded as it is shown, here and after the reload below.
    await page.addInitScript(recordProgress);
    await page.evaluate(recordProgress);
    await page.fill("#url", articleUrl());
    await page.selectOption("#lang", "ja");
    await page.fill("#sources", slowSource(6000));
    await page.click("button.primary");
    await page.waitForSelector("ol.stages");
    reportId = /#\/reports\/([0-9a-f-]+)/.exec(page.url())?.[1] ?? "";
    expect(reportId).not.toBe("");
    await page.waitForSelector('li[data-stage="article"].done');
    await page.waitForSelector("ul.sources li.ok");
    await page.screenshot({ path: join(ARTIFACTS, "progress.png"), fullPage: true });
    const running = await page.locator('li[data-stage="write"]').getAttribute("class");
    expect(running).toContain("pending");

    // A reload while the slow source is still being fetched replays the log: the stages already done
    // are shown done again.
    await page.reload();
    await page.waitForSelector('li[data-stage="article"].done');
    expect(await page.locator('li[data-stage="article"] .detail').textContent()).toMatch(/\d+ ブロック/);

    await page.waitForSelector("article.report h1", { timeout: 30_000 });
    expect(await page.locator("article.report h1").textContent()).toContain("調査レポート");

    // While writing, the panel listed the sections and then the citations checked.
    const shown = (await page.evaluate("window.progressShown")) as {
      sections: string[];
      citations: string[];
    };
    const stored = await (await fetch(`${world.app.url}/api/reports/${reportId}`)).json();
    const headings: string[] = stored.report.sections.map((section: { heading: string }) => section.heading);
    expect(shown.sections.length).toBeGreaterThan(0);
    expect(shown.sections.some((line) => headings.some((heading) => line.includes(heading)))).toBe(true);
    // Each section appeared with its text, not only its heading: a sentence of the stored report.
    type Paragraph = { claims: Array<{ text: string }> };
    const sentences = (
      stored.report.sections as Array<{
        paragraphs: Paragraph[];
        subsections: Array<{ paragraphs: Paragraph[] }>;
      }>
    ).flatMap((section) =>
      [...section.paragraphs, ...section.subsections.flatMap((sub) => sub.paragraphs)].flatMap((paragraph) =>
        paragraph.claims.map((claim) => claim.text),
      ),
    );
    expect(sentences.length).toBeGreaterThan(0);
    expect(shown.sections.some((line) => sentences.some((sentence) => line.includes(sentence)))).toBe(true);
    const { supported, repaired, dropped } = stored.report.grounding;
    expect(shown.citations.at(-1)).toBe(
      `引用を検証: 出典で確認 ${supported} 件 · 出典を修正 ${repaired} 件 · 削除 ${dropped} 件`,
    );
  });

  it("shows the report in the seed format with its grounding summary", async () => {
    const headings = await page.locator("article.report h2").allTextContents();
    expect(headings[0]).toBe("緒言");
    expect(headings.at(-1)).toBe("結論");
    // 参照記事 is one level below the last h2 (no h2 → h4 jump).
    expect(await page.locator("article.report #ref-list").textContent()).toBe("参照記事");
    expect(await page.locator("article.report #ref-list").evaluate((node) => node.tagName)).toBe("H3");
    expect(await page.locator('[data-testid="grounding"]').textContent()).toMatch(/検証: 主張 \d+ 件/);
    await page.screenshot({ path: join(ARTIFACTS, "report.png"), fullPage: true });
  });

  it("shows the supporting passage, the source's title and a link when hovering a citation", async () => {
    const stored = await (await fetch(`${world.app.url}/api/reports/${reportId}`)).json();
    const passages: string[] = stored.report.passages.map((p: { text: string }) => p.text);
    const titles: string[] = stored.report.references.map((r: { title: string }) => r.title);

    const cite = page.locator("button.cite").first();
    await cite.hover();
    const popover = page.locator("#popover");
    await popover.waitFor({ state: "visible" });
    const quoted = await popover.locator("blockquote").first().textContent();
    expect(passages).toContain(quoted);
    const title = await popover.locator(".source-title strong").textContent();
    expect(titles).toContain(title);
    // How the sentence was confirmed, in the report's language (the extractive engine quotes its sources).
    type Claim = { passageIds: string[]; confirmedBy?: string };
    type Paragraph = { claims: Claim[] };
    const { introduction, sections, conclusion } = stored.report as {
      introduction: Paragraph[];
      sections: Array<{ paragraphs: Paragraph[]; subsections: Array<{ paragraphs: Paragraph[] }> }>;
      conclusion: Paragraph[];
    };
    const firstCited = [
      ...introduction,
      ...sections.flatMap((s) => [...s.paragraphs, ...s.subsections.flatMap((sub) => sub.paragraphs)]),
      ...conclusion,
    ]
      .flatMap((paragraph) => paragraph.claims)
      .find((claim) => claim.passageIds.length > 0);
    expect(firstCited?.confirmedBy).toBe("verbatim");
    const confirmed = popover.locator(".confirmed");
    expect(await confirmed.getAttribute("data-method")).toBe("verbatim");
    expect(await confirmed.textContent()).toBe("確認: 情報源の文言どおり");
    expect(await popover.locator("a").first().getAttribute("href")).toMatch(/^https?:\/\//);
    expect(await cite.getAttribute("aria-expanded")).toBe("true");
    await page.screenshot({ path: join(ARTIFACTS, "citation-popover.png") });
    await page.mouse.move(5, 5);
    await popover.waitFor({ state: "hidden" });
  });

  it("says when a model confirmed a sentence and shows, as text, the words it quoted from that source", async () => {
    // The same report as if an LLM run's entailment check had vouched for its first cited sentence.
    const run = world.app.store.getRun(reportId);
    const report = run?.report;
    if (!run || !report) throw new Error("the submitted report is not stored");
    const copy = structuredClone({ ...run, report });
    copy.id = randomUUID();
    copy.report.id = copy.id;
    const claim = [
      ...copy.report.introduction,
      ...copy.report.sections.flatMap((s) => [
        ...s.paragraphs,
        ...s.subsections.flatMap((sub) => sub.paragraphs),
      ]),
    ]
      .flatMap((paragraph) => paragraph.claims)
      .find((candidate) => candidate.passageIds.length > 0);
    const passage = copy.report.passages.find((p) => p.id === claim?.passageIds[0]);
    const other = copy.report.passages.find((p) => !claim?.passageIds.includes(p.id));
    if (!claim || !passage) throw new Error("the report has no cited sentence");
    const words = `${passage.text.slice(0, 30)}`;
    claim.confirmedBy = "entailment";
    claim.spans = [
      { passageId: passage.id, text: words },
      // A span of a passage this citation does not show stays out of its popover.
      ...(other ? [{ passageId: other.id, text: "<b>not this source</b>" }] : []),
    ];
    world.app.store.saveRun(copy);

    await page.goto(`${world.app.url}/#/reports/${copy.id}`);
    const cite = page.locator("button.cite").first();
    await cite.hover();
    const popover = page.locator("#popover");
    await popover.waitFor({ state: "visible" });
    const confirmed = popover.locator(".confirmed");
    expect(await confirmed.getAttribute("data-method")).toBe("entailment");
    expect(await confirmed.textContent()).toContain("確認: モデルが判定（根拠の語句を照合済み）");
    expect(await confirmed.locator("q").allTextContents()).toEqual([words]);
    expect(await popover.locator("b").count()).toBe(0);
    await page.mouse.move(5, 5);
    await popover.waitFor({ state: "hidden" });
    await page.goto(`${world.app.url}/#/reports/${reportId}`);
    await page.waitForSelector("article.report h1");
  });

  it("exports a PDF printed by Chromium whose text is the report's Japanese, not empty boxes", async () => {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.click('.toolbar a[data-format="pdf"]'),
    ]);
    const path = join(ARTIFACTS, "report.pdf");
    await download.saveAs(path);
    const text = execFileSync("pdftotext", ["-enc", "UTF-8", path, "-"], { encoding: "utf8" });
    const title = (await page.locator("article.report h1").textContent()) ?? "";
    const squeeze = (value: string) => value.replace(/\s+/g, "");
    expect(squeeze(text)).toContain(squeeze(title));
    expect(text).toContain("緒言");
    expect(text).toContain("参照記事");
    // A missing CJK font prints every character as the same .notdef box, which no text map can turn
    // back into distinct characters; getting the title back proves real glyphs were embedded.
    const japanese = new Set(text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu));
    expect(japanese.size).toBeGreaterThan(20);
  });

  it("re-renders the report as Markdown and as HTML in new tabs", async () => {
    const [markdown] = await Promise.all([
      context.waitForEvent("page"),
      page.click('.toolbar a[data-view="md"]'),
    ]);
    await markdown.waitForLoadState();
    expect(await markdown.locator("body").textContent()).toContain("## 緒言");
    await markdown.close();
    const [html] = await Promise.all([
      context.waitForEvent("page"),
      page.click('.toolbar a[data-view="html"]'),
    ]);
    await html.waitForLoadState();
    expect(await html.locator("h2").first().textContent()).toBe("緒言");
    await html.close();
  });

  it("lists, searches and deletes reports", async () => {
    page.on("dialog", (dialog) => dialog.accept());
    await page.goto(`${world.app.url}/#/reports`);
    await page.waitForSelector(`ul.reports a[href="#/reports/${reportId}"]`);
    await page.fill("#q", "存在しない語");
    await page.press("#q", "Enter");
    await expect
      .poll(() => page.locator("ul.reports li").first().textContent())
      .toBe("レポートはまだありません。");
    await page.fill("#q", "Riverside");
    await page.press("#q", "Enter");
    await page.waitForSelector(`ul.reports a[href="#/reports/${reportId}"]`);
    await page.click(`ul.reports li:has(a[href="#/reports/${reportId}"]) button.danger`);
    await expect.poll(async () => (await fetch(`${world.app.url}/api/reports/${reportId}`)).status).toBe(404);
  });
});

describe("uploads and failures", { timeout: SLOW_TEST_MS }, () => {
  it("researches an uploaded Markdown file", async () => {
    const { context, page } = await openPage();
    try {
      await page.goto(world.app.url);
      await page.check('input[name="kind"][value="file"]');
      await page.setInputFiles("#file", {
        name: "tram.md",
        mimeType: "text/markdown",
        buffer: Buffer.from(
          "# 路面電車の新路線が開業へ\n\n市は新しい路面電車の路線が来年3月に開業すると発表した。運賃はバスと同じに設定される。\n\n車両は18編成で、日本で製造された。\n",
        ),
      });
      await page.click("button.primary");
      await page.waitForSelector("article.report h1", { timeout: 30_000 });
      expect(await page.locator("article.report").textContent()).toContain("路面電車");
    } finally {
      await context.close();
    }
  });

  it("shows why a run failed", async () => {
    const { context, page } = await openPage();
    try {
      await page.goto(world.app.url);
      await page.fill("#url", `${world.site.url}/status/404`);
      await page.click("button.primary");
      await page.waitForSelector(".error p");
      expect(await page.locator("h1").textContent()).toBe("レポートを作成できませんでした");
      expect(await page.locator(".error p").textContent()).toContain("404");
      expect(await page.locator('li[data-stage="article"]').getAttribute("class")).toContain("failed");
      await page.screenshot({ path: join(ARTIFACTS, "failed.png") });
    } finally {
      await context.close();
    }
  });

  it("shows a clear message for a bad submission without leaving the form", async () => {
    const { context, page } = await openPage();
    try {
      await page.goto(world.app.url);
      await page.fill("#url", "file:///etc/passwd");
      await page.click("button.primary");
      await expect.poll(() => page.locator("#form-error").textContent()).toContain("http(s)");
      expect(page.url()).not.toContain("#/reports/");
    } finally {
      await context.close();
    }
  });
});

describe("phone width, keyboard only, English", { timeout: SLOW_TEST_MS }, () => {
  it("submits with Tab and Enter only, then opens and closes a citation from the keyboard", async () => {
    const { context, page } = await openPage({ locale: "en-US", viewport: { width: 1024, height: 800 } });
    try {
      await page.goto(world.app.url);
      await expect
        .poll(() => page.locator("h1").textContent())
        .toBe("Turn an article into a research report");
      await page.keyboard.type(articleUrl());
      // Tab through the form to the submit button; no mouse, no clicks.
      let label = "";
      for (let step = 0; step < 20 && label !== "Start research"; step++) {
        await page.keyboard.press("Tab");
        label = await page.evaluate("document.activeElement?.textContent ?? ''");
      }
      expect(label).toBe("Start research");
      await page.keyboard.press("Enter");
      await page.waitForSelector("article.report h1", { timeout: 30_000 });
      expect(await page.locator("article.report h2").first().textContent()).toBe("Introduction");

      let focusedCite = false;
      for (let step = 0; step < 40 && !focusedCite; step++) {
        await page.keyboard.press("Tab");
        focusedCite = await page.evaluate("document.activeElement?.classList.contains('cite') ?? false");
      }
      expect(focusedCite).toBe(true);
      await page.keyboard.press("Enter");
      await page.locator("#popover").waitFor({ state: "visible" });
      expect(await page.locator("#popover blockquote").count()).toBeGreaterThan(0);
      // Focus moves into the popover, onto the source's link.
      expect(await page.evaluate("document.activeElement?.closest('#popover') !== null")).toBe(true);
      expect(await page.evaluate("document.activeElement?.tagName")).toBe("A");
      await page.keyboard.press("Escape");
      await page.locator("#popover").waitFor({ state: "hidden" });
      expect(await page.evaluate("document.activeElement?.classList.contains('cite') ?? false")).toBe(true);
    } finally {
      await context.close();
    }
  });

  it("fits a phone screen and shows the citation when tapped", async () => {
    const { context, page } = await openPage({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 2,
    });
    try {
      await page.goto(world.app.url);
      await page.locator("#url").waitFor();
      // Only the chosen kind of input shows; the extractive engine has no model to choose.
      expect(await page.locator("#file").isVisible()).toBe(false);
      expect(await page.locator("#model").isVisible()).toBe(false);
      expect(
        await page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth"),
      ).toBe(true);
      await page.screenshot({ path: join(ARTIFACTS, "phone-form.png") });
      await page.fill("#url", articleUrl());
      await page.tap("button.primary");
      await page.waitForSelector("article.report h1", { timeout: 30_000 });
      expect(
        await page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth"),
      ).toBe(true);
      await page.locator("button.cite").first().tap();
      const popover = page.locator("#popover");
      await popover.waitFor({ state: "visible" });
      const box = await popover.boundingBox();
      expect(box?.x).toBeGreaterThanOrEqual(0);
      expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(390);
      await page.screenshot({ path: join(ARTIFACTS, "phone-report.png") });
    } finally {
      await context.close();
    }
  });

  it("switches the UI language with one button and remembers it", async () => {
    const { context, page } = await openPage({ locale: "en-US" });
    try {
      await page.goto(world.app.url);
      await expect
        .poll(() => page.locator("h1").textContent())
        .toBe("Turn an article into a research report");
      await page.click("#ui-lang");
      await expect.poll(() => page.locator("h1").textContent()).toBe("記事から調査レポートを作る");
      await page.reload();
      await expect.poll(() => page.locator("h1").textContent()).toBe("記事から調査レポートを作る");
      expect(await page.getAttribute("html", "lang")).toBe("ja");
    } finally {
      await context.close();
    }
  });
});

describe("a server that requires a token", { timeout: SLOW_TEST_MS }, () => {
  it("logs in through the form, then logs out", async () => {
    const guarded = await startTestServer({ requireToken: true, token: "browser-test-token-5150" });
    const { context, page } = await openPage();
    try {
      await page.goto(guarded.url);
      await page.waitForSelector("input#token");
      await page.fill("#token", "wrong");
      await page.press("#token", "Enter");
      await page.waitForSelector(".error[role=alert]");
      await page.fill("#token", "browser-test-token-5150");
      await page.press("#token", "Enter");
      await expect.poll(() => page.locator("h1").textContent()).toBe("記事から調査レポートを作る");
      await page.click("#logout button");
      await page.waitForSelector("input#token");
      expect((await context.cookies()).some((cookie) => cookie.name === "shirabe_token")).toBe(false);
    } finally {
      await context.close();
      await guarded.close();
    }
  });
});
