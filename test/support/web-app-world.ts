// What the browser tests of the web app share: the fixture site, the real server and one Chromium for a
// test file, closed after it, and a fresh browser context per test (Japanese locale unless told).
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { CHROMIUM_FLAGS, DEFAULT_CHROMIUM } from "../../src/server/print-pdf.js";
import { type FixtureSite, startFixtureSite } from "./fixture-site.js";
import { startTestServer, type TestServer } from "./test-server.js";

type ContextOptions = Parameters<Browser["newContext"]>[0];

/** Debian's chromium, driven by playwright-core. */
export function launchTestBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: DEFAULT_CHROMIUM, args: CHROMIUM_FLAGS });
}

export interface WebAppWorld {
  readonly site: FixtureSite;
  readonly app: TestServer;
  readonly browser: Browser;
  openPage(options?: ContextOptions): Promise<{ context: BrowserContext; page: Page }>;
}

export function useWebAppWorld(contextDefaults: ContextOptions = {}): WebAppWorld {
  let started: { site: FixtureSite; app: TestServer; browser: Browser } | undefined;
  const running = () => {
    if (!started) throw new Error("the web app world is not started yet: use it inside a test");
    return started;
  };
  beforeAll(async () => {
    const site = await startFixtureSite();
    const app = await startTestServer();
    started = { site, app, browser: await launchTestBrowser() };
  }, 60_000);
  afterAll(async () => {
    await started?.browser.close();
    await started?.app.close();
    await started?.site.close();
  });
  return {
    get site() {
      return running().site;
    },
    get app() {
      return running().app;
    },
    get browser() {
      return running().browser;
    },
    async openPage(options = {}) {
      const context = await running().browser.newContext({ locale: "ja-JP", ...contextDefaults, ...options });
      return { context, page: await context.newPage() };
    },
  };
}
