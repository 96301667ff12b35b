// Reads a fixture page the way the fixture site serves it: the bytes of source.html with the headers
// of meta.json (default text/html; charset=utf-8), turned into the Page record the fetch stage returns.

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "../../src/types.js";

export const PAGES_DIR = fileURLToPath(new URL("../fixtures/pages/", import.meta.url));
/** The host the goldens pretend the pages came from, so their links are stable across runs. */
export const FIXTURE_ORIGIN = "http://fixtures.test";

const DEFAULT_CONTENT_TYPE = "text/html; charset=utf-8";

/** Slugs of every fixture page folder, sorted. */
export function fixtureSlugs(): string[] {
  return readdirSync(PAGES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(PAGES_DIR, entry.name, "source.html")))
    .map((entry) => entry.name)
    .sort();
}

export function loadFixturePage(slug: string): Page {
  const folder = join(PAGES_DIR, slug);
  const metaPath = join(folder, "meta.json");
  const meta: { headers?: Record<string, string> } = existsSync(metaPath)
    ? JSON.parse(readFileSync(metaPath, "utf8"))
    : {};
  const headers = { "content-type": DEFAULT_CONTENT_TYPE, ...meta.headers };
  const url = `${FIXTURE_ORIGIN}/pages/${slug}`;
  return {
    input: url,
    url,
    status: 200,
    headers,
    contentType: (headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase() ?? "",
    body: new Uint8Array(readFileSync(join(folder, "source.html"))),
    fetchedAt: "2026-01-01T00:00:00.000Z",
    fromCache: false,
    redirects: [],
  };
}
