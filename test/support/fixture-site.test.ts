import { writeFileSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFixtureSite } from "./fixture-site.js";
import { PLAIN_EN, type TempPages, writeTempPages } from "./temp-pages.js";

let pages: TempPages;

/** A raw GET, so the server's bytes and headers are seen exactly as sent (no client-side decoding). */
function get(url: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>((done, fail) => {
    request(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        done({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
      );
      response.on("error", fail);
    })
      .on("error", fail)
      .end();
  });
}

beforeAll(() => {
  pages = writeTempPages({
    "plain-en": { html: PLAIN_EN },
    "latin1-en": {
      html: Buffer.from([0x3c, 0x70, 0x3e, 0xe9, 0x3c, 0x2f, 0x70, 0x3e]),
      headers: { "content-type": "text/html" },
    },
  });
  writeFileSync(join(pages.dir, "plain-en", "part-2.html"), "<p>Part two</p>");
});

afterAll(() => pages.remove());

describe("startFixtureSite", () => {
  it("serves page folders with their meta.json headers and records requests", async () => {
    const site = await startFixtureSite({ pagesDir: pages.dir });
    try {
      const plain = await get(`${site.url}/pages/plain-en`, { "x-probe": "1" });
      expect(plain.status).toBe(200);
      expect(plain.headers["content-type"]).toBe("text/html; charset=utf-8");
      expect(plain.body.toString("utf8")).toBe(PLAIN_EN);
      const latin1 = await get(`${site.url}/pages/latin1-en`);
      expect(latin1.headers["content-type"]).toBe("text/html");
      expect(latin1.body.equals(Buffer.from([0x3c, 0x70, 0x3e, 0xe9, 0x3c, 0x2f, 0x70, 0x3e]))).toBe(true);
      const part = await get(`${site.url}/pages/plain-en/part-2.html`);
      expect(part.body.toString("utf8")).toBe("<p>Part two</p>");
      expect(site.requests[0]).toMatchObject({ method: "GET", path: "/pages/plain-en" });
      expect(site.requests[0]?.headers["x-probe"]).toBe("1");
    } finally {
      await site.close();
    }
  });

  it("answers 404 for unknown pages and paths that leave the pages folder", async () => {
    const site = await startFixtureSite({ pagesDir: pages.dir });
    try {
      expect((await get(`${site.url}/pages/no-such-page`)).status).toBe(404);
      writeFileSync(join(pages.dir, "secret.txt"), "not a page");
      expect((await get(`${site.url}/pages/plain-en/..%2Fsecret.txt`)).status).toBe(404);
      expect((await get(`${site.url}/pages/plain-en/source.html`)).status).toBe(200);
    } finally {
      await site.close();
    }
  });

  it("answers 304 to a matching validator on /etag", async () => {
    const site = await startFixtureSite({ pagesDir: pages.dir });
    try {
      const first = await get(`${site.url}/etag/plain-en`);
      const etag = String(first.headers.etag);
      expect((await get(`${site.url}/etag/plain-en`, { "if-none-match": etag })).status).toBe(304);
      expect((await get(`${site.url}/etag/plain-en`, { "if-none-match": '"other"' })).status).toBe(200);
      const since = String(first.headers["last-modified"]);
      expect((await get(`${site.url}/etag/plain-en`, { "if-modified-since": since })).status).toBe(304);
    } finally {
      await site.close();
    }
  });

  it("closes even while requests hang", async () => {
    const site = await startFixtureSite({ pagesDir: pages.dir });
    const hanging = [get(`${site.url}/hang`), get(`${site.url}/slow-body`)].map((pending) =>
      pending.then(
        () => "finished",
        () => "cut off",
      ),
    );
    while (site.requests.length < 2) await new Promise((tick) => setTimeout(tick, 10));
    await site.close();
    expect(await Promise.all(hanging)).toEqual(["cut off", "cut off"]);
  });
});
