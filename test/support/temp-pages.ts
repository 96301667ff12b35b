// Temporary page folders in the fixture-site layout, so these tests do not depend on the shared corpus.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const PLAIN_EN =
  "<!doctype html><html lang=en><head><title>Plain page</title></head>" +
  "<body><article><h1>Plain page</h1><p>The council approved the budget on Monday.</p></article></body></html>";

export interface TempPages {
  dir: string;
  remove(): void;
}

/** Writes `<slug>/source.html` (and meta.json when headers are given) for each page. */
export function writeTempPages(
  pages: Record<string, { html: string | Buffer; headers?: Record<string, string> }>,
): TempPages {
  const dir = mkdtempSync(join(tmpdir(), "shirabe-pages-"));
  for (const [slug, page] of Object.entries(pages)) {
    mkdirSync(join(dir, slug));
    writeFileSync(join(dir, slug, "source.html"), page.html);
    if (page.headers) writeFileSync(join(dir, slug, "meta.json"), JSON.stringify({ headers: page.headers }));
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
