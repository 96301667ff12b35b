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
  /** Prints `html` with `footer` (plain text) and the page number at the foot of every page. */
  print(html: string, footer?: string): Promise<Buffer>;
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
    async print(html, footer = "") {
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
        // The page's own closing footer moves into every page's foot, so the last page never holds
        // that line alone.
        await page.setContent(html.replace("</head>", `<style>${PRINT_STYLE}</style></head>`), {
          waitUntil: "load",
        });
        return await page.pdf({
          format: "A4",
          printBackground: true,
          margin: { top: "18mm", bottom: "20mm", left: "16mm", right: "16mm" },
          displayHeaderFooter: true,
          headerTemplate: "<span></span>",
          footerTemplate: footerTemplate(footer),
          // Tagged (structure for screen readers) and with an outline from the headings.
          tagged: true,
          outline: true,
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

const PRINT_STYLE = "@media print { body > main > footer, body > footer { display: none; } }";

function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function footerTemplate(footer: string): string {
  return `<div style="width:100%;margin:0 16mm;font-size:8px;color:#555;font-family:'Noto Sans CJK JP',sans-serif;display:flex;justify-content:space-between"><span>${escapeText(footer)}</span><span style="flex:none;white-space:nowrap;padding-left:8px"><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
}
