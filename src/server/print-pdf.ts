// PDF export: Chromium prints the report's standalone HTML. One browser is started on first use and
// shared; every print gets its own context, and no request leaves the page (the HTML is self-contained),
// so a report's links can never make the printer fetch anything.
import { existsSync } from "node:fs";
import { ApiError } from "./api-error.js";

export const DEFAULT_CHROMIUM = "/usr/bin/chromium";

/** Headless, sandbox-free (root in CI) and quiet on a machine with no network. */
export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export interface PdfPrinter {
  print(html: string): Promise<Buffer>;
  close(): Promise<void>;
}

type Browser = import("playwright-core").Browser;

export function createPdfPrinter(executablePath: string = DEFAULT_CHROMIUM): PdfPrinter {
  let browser: Promise<Browser> | null = null;

  const launch = async (): Promise<Browser> => {
    if (!existsSync(executablePath)) {
      throw new ApiError(
        503,
        "pdf-unavailable",
        `PDF export needs Chromium at ${executablePath}; install it or export HTML`,
      );
    }
    const { chromium } = await import("playwright-core");
    const started = await chromium.launch({ executablePath, args: CHROMIUM_FLAGS, headless: true });
    started.on("disconnected", () => {
      browser = null;
    });
    return started;
  };

  return {
    async print(html) {
      browser ??= launch().catch((error: unknown) => {
        browser = null;
        if (error instanceof ApiError) throw error;
        throw new ApiError(
          503,
          "pdf-unavailable",
          `Chromium could not be started for PDF export (${firstLine(error)})`,
        );
      });
      const context = await (await browser).newContext({ javaScriptEnabled: false });
      try {
        const page = await context.newPage();
        await page.route("**/*", (route) => route.abort());
        await page.setContent(html, { waitUntil: "load" });
        return await page.pdf({
          format: "A4",
          printBackground: true,
          margin: { top: "18mm", bottom: "18mm", left: "16mm", right: "16mm" },
        });
      } finally {
        await context.close();
      }
    },
    async close() {
      const current = browser;
      browser = null;
      if (current) await (await current.catch(() => null))?.close();
    },
  };
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
}
