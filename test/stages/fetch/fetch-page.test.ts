import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ClosableHttpClient, createHttpClient } from "../../../src/adapters/http/index.js";
import { openStore, type SqliteStore } from "../../../src/adapters/store/sqlite.js";
import { ShirabeError } from "../../../src/errors.js";
import { fetchPage } from "../../../src/stages/fetch/fetch-page.js";
import { type FixtureSite, startFixtureSite } from "../../support/fixture-site.js";
import { PLAIN_EN, type TempPages, writeTempPages } from "../../support/temp-pages.js";

const SJIS_HTML = iconv.encode(
  "<html><head><title>予算</title></head><body><p>市議会は月曜日に予算を承認した。</p></body></html>",
  "shift_jis",
);
const MARKDOWN = "# Notes\n\nThe council approved the budget.\n";
const NOW = new Date("2026-03-01T09:00:00.000Z");

let site: FixtureSite;
let pages: TempPages;
let http: ClosableHttpClient;
let storeDir: string;
let store: SqliteStore;
const now = () => NOW;

async function failure(promise: Promise<unknown>): Promise<ShirabeError> {
  const error = await promise.then(
    () => new Error("expected the fetch to fail"),
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ShirabeError);
  return error as ShirabeError;
}

function text(body: Uint8Array): string {
  return Buffer.from(body).toString("utf8");
}

beforeAll(async () => {
  pages = writeTempPages({
    "plain-en": { html: PLAIN_EN },
    "sjis-ja": { html: SJIS_HTML, headers: { "content-type": "text/html; charset=shift_jis" } },
    "no-charset": { html: PLAIN_EN, headers: { "content-type": "text/html" } },
    xhtml: { html: PLAIN_EN, headers: { "content-type": "application/xhtml+xml; charset=utf-8" } },
  });
  writeFileSync(join(pages.dir, "plain-en", "notes.md"), MARKDOWN);
  writeFileSync(join(pages.dir, "plain-en", "notes.txt"), "The council approved the budget.\n");
  site = await startFixtureSite({ pagesDir: pages.dir });
  http = createHttpClient({ allowedAddresses: ["127.0.0.1"] });
  storeDir = mkdtempSync(join(tmpdir(), "shirabe-fetch-"));
  store = openStore({ path: join(storeDir, "shirabe.db") });
});

afterAll(async () => {
  store.close();
  await http.close();
  await site.close();
  pages.remove();
  rmSync(storeDir, { recursive: true, force: true });
});

describe("fetchPage: readable pages", () => {
  it("returns the page bytes with what the server said about them", async () => {
    const url = `${site.url}/pages/plain-en`;
    const page = await fetchPage(url, { http, now });
    expect(page).toMatchObject({
      input: url,
      url,
      status: 200,
      contentType: "text/html",
      fetchedAt: NOW.toISOString(),
      fromCache: false,
      redirects: [],
    });
    expect(page.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(text(page.body)).toBe(PLAIN_EN);
  });

  it("keeps non-UTF-8 bytes untouched and the charset in the headers for the decoder", async () => {
    const page = await fetchPage(`${site.url}/pages/sjis-ja`, { http });
    expect(Buffer.from(page.body).equals(SJIS_HTML)).toBe(true);
    expect(page.headers["content-type"]).toBe("text/html; charset=shift_jis");
    expect(page.contentType).toBe("text/html");
  });

  it.each([
    ["/pages/no-charset", "text/html"],
    ["/pages/xhtml", "application/xhtml+xml"],
    ["/pages/plain-en/notes.md", "text/markdown"],
    ["/pages/plain-en/notes.txt", "text/plain"],
    ["/script-only", "text/html"],
    ["/gzip/plain-en", "text/html"],
  ])("accepts %s as %s", async (path, contentType) => {
    const page = await fetchPage(`${site.url}${path}`, { http });
    expect(page.contentType).toBe(contentType);
    expect(page.body.length).toBeGreaterThan(0);
  });

  it("sniffs HTML when the server sends no content-type", async () => {
    const page = await fetchPage(`${site.url}/no-content-type`, { http });
    expect(page.headers["content-type"]).toBeUndefined();
    expect(page.contentType).toBe("text/html");
  });

  it("returns an empty page as a normal result", async () => {
    const page = await fetchPage(`${site.url}/empty`, { http });
    expect(page.status).toBe(200);
    expect(page.body.length).toBe(0);
  });

  it("records the final URL and the hops of a redirect", async () => {
    const start = `${site.url}/redirect-chain/2`;
    const page = await fetchPage(start, { http });
    expect(page.input).toBe(start);
    expect(page.url).toBe(`${site.url}/pages/plain-en`);
    expect(page.redirects).toEqual([start, `${site.url}/redirect-chain/1`]);
  });
});

describe("fetchPage: PDF is a content type", () => {
  it("keeps a PDF's bytes as application/pdf for the decode stage", async () => {
    const page = await fetchPage(`${site.url}/pdf`, { http });
    expect(page.contentType).toBe("application/pdf");
    expect(Buffer.from(page.body.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
  });
});

describe("fetchPage: refusals", () => {
  it.each([
    ["/json", "application/json"],
    ["/image", "image/png"],
  ])("names the unreadable type of %s", async (path, type) => {
    const error = await failure(fetchPage(`${site.url}${path}`, { http }));
    expect(error.code).toBe("unsupported-content");
    expect(error.message).toContain(`${site.url}${path}`);
    expect(error.message).toContain(type);
  });

  it.each([
    [404, "input", false],
    [410, "input", false],
    [403, "input", false],
    [429, "network", true],
    [500, "network", true],
    [503, "network", true],
  ])("turns HTTP %i into a %s error (retryable: %s)", async (status, kind, retryable) => {
    const url = `${site.url}/status/${status}`;
    const error = await failure(fetchPage(url, { http }));
    expect(error.code).toBe("http-status");
    expect(error.kind).toBe(kind);
    expect(error.retryable).toBe(retryable);
    expect(error.input).toBe(url);
    expect(error.message).toContain(url);
    expect(error.message).toContain(`HTTP ${status}`);
  });

  it("passes the guard's refusal through", async () => {
    const error = await failure(fetchPage("http://169.254.169.254/latest/meta-data/", { http }));
    expect(error.code).toBe("private-address");
  });
});

describe("fetchPage: cache revalidation", () => {
  it("revalidates with If-None-Match and serves the kept bytes on 304", async () => {
    const url = `${site.url}/etag/plain-en`;
    const first = await fetchPage(url, { http, cache: store, now });
    expect(first.fromCache).toBe(false);
    expect(first.headers.etag).toMatch(/^".+"$/);

    const before = site.requests.length;
    const later = new Date("2026-03-02T09:00:00.000Z");
    const second = await fetchPage(url, { http, cache: store, now: () => later });
    const [revalidation] = site.requests.slice(before);
    expect(revalidation?.headers["if-none-match"]).toBe(first.headers.etag);
    expect(revalidation?.headers["if-modified-since"]).toBe(first.headers["last-modified"]);
    expect(second.fromCache).toBe(true);
    expect(second.status).toBe(200);
    expect(text(second.body)).toBe(PLAIN_EN);
    expect(second.fetchedAt).toBe(later.toISOString());
  });

  it("revalidates with If-Modified-Since when only Last-Modified was kept", async () => {
    const url = `${site.url}/etag/no-charset`;
    store.putPage(url, {
      input: url,
      url,
      status: 200,
      headers: { "content-type": "text/html", "last-modified": "Thu, 02 Jan 2025 00:00:00 GMT" },
      contentType: "text/html",
      body: Buffer.from("<p>kept copy</p>"),
      fetchedAt: "2025-01-02T00:00:00.000Z",
      fromCache: false,
      redirects: [],
    });
    const before = site.requests.length;
    const page = await fetchPage(url, { http, cache: store });
    const [revalidation] = site.requests.slice(before);
    expect(revalidation?.headers["if-modified-since"]).toBe("Thu, 02 Jan 2025 00:00:00 GMT");
    expect(revalidation?.headers["if-none-match"]).toBeUndefined();
    expect(page.fromCache).toBe(true);
    expect(text(page.body)).toBe("<p>kept copy</p>");
  });

  it("replaces a stale copy when the server sends new content", async () => {
    const url = `${site.url}/etag/xhtml`;
    store.putPage(url, {
      input: url,
      url,
      status: 200,
      headers: { etag: '"stale"' },
      contentType: "text/html",
      body: Buffer.from("<p>old</p>"),
      fetchedAt: "2025-01-01T00:00:00.000Z",
      fromCache: false,
      redirects: [],
    });
    const page = await fetchPage(url, { http, cache: store });
    expect(page.fromCache).toBe(false);
    expect(text(page.body)).toBe(PLAIN_EN);
    expect(text(store.getPage(url)?.body ?? new Uint8Array())).toBe(PLAIN_EN);
  });

  it("does not keep pages that cannot be revalidated, and sends no validators without a cache", async () => {
    const url = `${site.url}/pages/plain-en/notes.md`;
    await fetchPage(url, { http, cache: store });
    expect(store.getPage(url)).toBeNull();
    const before = site.requests.length;
    await fetchPage(`${site.url}/etag/plain-en`, { http });
    expect(site.requests[before]?.headers["if-none-match"]).toBeUndefined();
  });
});
