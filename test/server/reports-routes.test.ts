// The JSON API over real HTTP: create → events → read → list/search → export → delete, and every
// validation answer a client can get.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openFeedStore } from "../../src/adapters/store/feed-store.js";
import { createHttpClient } from "../../src/index.js";
import { type FixtureSite, startFixtureSite } from "../support/fixture-site.js";
import { tempDir } from "../support/temp.js";
import {
  createTestApp,
  finished,
  postFiles,
  postJson,
  startTestServer,
  type TestServer,
  type UploadFile,
} from "../support/test-server.js";

let site: FixtureSite;
let app: TestServer;

beforeAll(async () => {
  site = await startFixtureSite();
  app = await createTestApp();
});
afterAll(async () => {
  await app.close();
  await site.close();
});

describe("a report submitted by URL", () => {
  let id = "";

  beforeAll(async () => {
    const created = await postJson(app, {
      url: `${site.url}/pages/report-article`,
      lang: "ja",
      engine: "extractive",
    });
    expect(created.status).toBe(202);
    id = created.body.id;
    expect(created.headers.get("location")).toBe(`/api/reports/${id}`);
    const events = await finished(app, id);
    expect(events.at(-1)?.data).toMatchObject({ type: "done", id });
  });

  it("is done, with a Japanese report whose every claim cites a passage of a named source", async () => {
    const response = await app.fetch(`/api/reports/${id}`);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ id, status: "done", lang: "ja", engine: "extractive" });
    expect(body.report.title).toContain("調査レポート");
    expect(body.report.references.length).toBeGreaterThanOrEqual(2);
    expect(body.report.grounding.claims).toBeGreaterThan(0);
    const passages = new Set(body.report.passages.map((p: { id: string }) => p.id));
    const claims = [...body.report.introduction, ...body.report.conclusion].flatMap(
      (p: { claims: unknown[] }) => p.claims,
    );
    for (const claim of claims as Array<{ passageIds: string[] }>) {
      expect(claim.passageIds.length).toBeGreaterThan(0);
      for (const passageId of claim.passageIds) expect(passages.has(passageId)).toBe(true);
    }
    // Sources go out with their metadata for the citation popover, not their full text.
    for (const source of body.report.sources) {
      expect(source).toHaveProperty("title");
      expect(source).not.toHaveProperty("article");
    }
  });

  it("is listed, found by a word of its title, and not found by a word it lacks", async () => {
    const all = await (await app.fetch(`/api/reports`)).json();
    expect(all.reports.map((r: { id: string }) => r.id)).toContain(id);
    const hit = await (await app.fetch(`/api/reports?q=Riverside`)).json();
    expect(hit.reports.map((r: { id: string }) => r.id)).toEqual([id]);
    const miss = await (await app.fetch(`/api/reports?q=${encodeURIComponent("存在しない語")}`)).json();
    expect(miss.reports).toEqual([]);
  });

  it("is found by words of its text (full-text search), with a snippet of where they occur", async () => {
    const stored = await (await app.fetch(`/api/reports/${id}`)).json();
    const sentence: string = stored.report.introduction[0].claims[0].text;
    // Four letters of the sentence that are not in the title (the title is found by LIKE anyway).
    const windows = [...sentence].map((_, at) => [...sentence].slice(at, at + 4).join(""));
    const phrase = (
      windows.find((window) => /^[\p{L}\p{N}]{4}$/u.test(window) && !stored.report.title.includes(window)) ??
      ""
    ).toLowerCase();
    expect(phrase).not.toBe("");
    const found = await (await app.fetch(`/api/reports?q=${encodeURIComponent(phrase)}`)).json();
    const hit = found.reports.find((report: { id: string }) => report.id === id);
    expect(hit).toBeDefined();
    expect(hit.snippet.toLowerCase()).toContain(phrase.normalize("NFKC").toLowerCase());
  });

  it("exports Markdown in the seed format, HTML and JSON, as downloads", async () => {
    const md = await app.fetch(`/api/reports/${id}/export?format=md`);
    expect(md.headers.get("content-type")).toContain("text/markdown");
    expect(md.headers.get("content-disposition")).toBe(`attachment; filename="shirabe-${id}.md"`);
    const markdown = await md.text();
    expect(markdown).toMatch(/^# .+調査レポート\n/);
    expect(markdown).toContain("## 緒言");
    expect(markdown).toContain("#### 参照記事");
    const html = await (await app.fetch(`/api/reports/${id}/export?format=html`)).text();
    expect(html).toMatch(/<html lang="ja">/);
    const json = await (await app.fetch(`/api/reports/${id}/export?format=json`)).json();
    expect(json.id ?? json.report?.id).toBe(id);
  });

  it("exports a Word document (DOCX) as a download", async () => {
    const docx = await app.fetch(`/api/reports/${id}/export?format=docx`);
    expect(docx.status).toBe(200);
    expect(docx.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(docx.headers.get("content-disposition")).toBe(`attachment; filename="shirabe-${id}.docx"`);
    const bytes = Buffer.from(await docx.arrayBuffer());
    expect(bytes.subarray(0, 2).toString()).toBe("PK");
  });

  it("shows Markdown as plain text and HTML sandboxed when asked for inline", async () => {
    const md = await app.fetch(`/api/reports/${id}/export?format=md&download=0`);
    expect(md.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(md.headers.get("content-disposition")).toMatch(/^inline;/);
    const html = await app.fetch(`/api/reports/${id}/export?format=html&download=0`);
    expect(html.headers.get("content-security-policy")).toContain("sandbox");
    expect(html.headers.get("content-security-policy")).not.toContain("script-src");
  });

  it("is deleted once; afterwards every endpoint answers 404", async () => {
    expect((await app.fetch(`/api/reports/${id}`, { method: "DELETE" })).status).toBe(204);
    for (const path of ["", "/events", "/export?format=md"]) {
      const response = await app.fetch(`/api/reports/${id}${path}`);
      expect(response.status).toBe(404);
      expect((await response.json()).error.code).toBe("not-found");
    }
    expect((await app.fetch(`/api/reports/${id}`, { method: "DELETE" })).status).toBe(404);
  });
});

describe("an uploaded file", () => {
  it("is researched like a URL and named by its file name", async () => {
    const content = [
      "# 路面電車の新路線が開業へ",
      "",
      "市は新しい路面電車の路線が来年3月に開業すると発表した。運賃はバスと同じに設定される。",
      "",
      "車両は18編成で、日本で製造された。計画には6年を要した。",
    ].join("\n");
    const created = await postFiles(app, [{ name: "../../tram.md", content }], { lang: "ja" });
    expect(created.status).toBe(202);
    const events = await finished(app, created.body.id);
    expect(events.at(-1)?.data.type).toBe("done");
    const body = await (await app.fetch(`/api/reports/${created.body.id}`)).json();
    expect(body.input).toBe("tram.md");
    expect(body.report.original.title).toContain("路面電車");
  });
});

describe("uploaded files in legacy Japanese encodings", () => {
  const fixture = new URL("../fixtures/pages/ja-news-shift-jis/source.html", import.meta.url);

  it("decodes a Shift_JIS page sent as bytes by the page's own charset rules", async () => {
    const content = readFileSync(fixture);
    const created = await postFiles(app, [{ name: "library.html", content }], { followLinks: "false" });
    expect(created.status).toBe(202);
    const events = await finished(app, created.body.id);
    expect(events.at(-1)?.data.type).toBe("done");
    const body = await (await app.fetch(`/api/reports/${created.body.id}`)).json();
    expect(body.report.original.title).toContain("県立図書館");
  });

  it("reads text that was already decoded as such, even when the page declares another charset", async () => {
    const html = [
      '<!doctype html><html lang="ja"><head><meta charset="shift_jis"><title>路面電車の新路線が開業へ</title></head>',
      "<body><article><h1>路面電車の新路線が開業へ</h1>",
      "<p>市は新しい路面電車の路線が来年3月に開業すると発表した。運賃はバスと同じに設定される。</p>",
      "<p>車両は18編成で、日本で製造された。計画には6年を要した。</p></article></body></html>",
    ].join("");
    const created = await postFiles(app, [{ name: "tram.html", content: html }], { followLinks: "false" });
    const events = await finished(app, created.body.id);
    expect(events.at(-1)?.data.type).toBe("done");
    const body = await (await app.fetch(`/api/reports/${created.body.id}`)).json();
    expect(body.report.original.title).toBe("路面電車の新路線が開業へ");
  });
});

describe("a run that fails", () => {
  it("ends with a failed event and shows its error", async () => {
    const created = await postJson(app, { url: `${site.url}/status/404`, lang: "en" });
    expect(created.status).toBe(202);
    const events = await finished(app, created.body.id);
    const last = events.at(-1)?.data as { type: string; error: { message: string } };
    expect(last.type).toBe("failed");
    expect(last.error.message).toContain("404");
    const body = await (await app.fetch(`/api/reports/${created.body.id}`)).json();
    expect(body.status).toBe("failed");
    expect(body.error.message).toContain("404");
    const list = await (await app.fetch(`/api/reports`)).json();
    expect(list.jobs.map((j: { id: string }) => j.id)).toContain(created.body.id);
  });
});

describe("the SSRF guard", () => {
  it("refuses an article on a private address unless the server allows the private network", async () => {
    const guarded = await createTestApp({ http: createHttpClient({ allowPrivateNetwork: false }) });
    try {
      const requestsBefore = site.requests.length;
      const created = await postJson(guarded, { url: `${site.url}/pages/report-article` });
      expect(created.status).toBe(202);
      const events = await finished(guarded, created.body.id);
      const last = events.at(-1)?.data as { type: string; error: { code: string; message: string } };
      expect(last.type).toBe("failed");
      expect(last.error.message).toContain("--allow-private-network");
      expect(site.requests.length).toBe(requestsBefore);
    } finally {
      await guarded.close();
    }
  });
});

describe("validation", () => {
  const cases: Array<[string, string | Record<string, unknown>, number, string]> = [
    ["bad JSON", "{not json", 400, "bad-json"],
    ["a JSON array", "[]", 400, "bad-request"],
    ["no url and no file", { lang: "ja" }, 400, "missing-input"],
    ["an unknown language", { url: "https://example.test/a", lang: "xx" }, 400, "unknown-lang"],
    [
      "an engine that is not configured",
      { url: "https://example.test/a", engine: "llm" },
      400,
      "engine-not-available",
    ],
    ["a local file as url", { url: "file:///etc/passwd" }, 400, "bad-url"],
    ["a local path as source", { url: "https://example.test/a", sources: ["/etc/passwd"] }, 400, "bad-url"],
    ["maxLinks out of range", { url: "https://example.test/a", maxLinks: -1 }, 400, "bad-max-links"],
  ];
  for (const [name, body, status, code] of cases) {
    it(`answers ${status} ${code} for ${name}`, async () => {
      const limited = await createTestApp({ rateLimit: { limit: 100, windowMs: 60_000 } });
      try {
        const response = await postJson(limited, body);
        expect(response.status).toBe(status);
        expect(response.body.error.code).toBe(code);
        expect(response.body.error.message.length).toBeGreaterThan(5);
      } finally {
        await limited.close();
      }
    });
  }

  const formCases: Array<[string, UploadFile[], Record<string, string>, string]> = [
    [
      "both url and file",
      [{ name: "a.md", content: "# A\n\nx" }],
      { url: "https://example.test/a" },
      "two-inputs",
    ],
    ["a file of another type", [{ name: "a.exe", content: "MZ" }], {}, "bad-file-type"],
    ["an empty file", [{ name: "empty.html", content: "" }], {}, "empty-file"],
    [
      "an article not among the files",
      [{ name: "a.md", content: "# A\n\nx" }],
      { article: "b.md" },
      "bad-file",
    ],
    [
      "maxLinks that is not a number",
      [{ name: "a.md", content: "# A\n\nx" }],
      { maxLinks: "many" },
      "bad-max-links",
    ],
  ];
  for (const [name, files, fields, code] of formCases) {
    it(`answers 400 ${code} for ${name} (multipart)`, async () => {
      const response = await postFiles(app, files, fields);
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe(code);
      expect(response.body.error.message.length).toBeGreaterThan(5);
    });
  }

  it("refuses a body that is not JSON with 415", async () => {
    const response = await app.fetch(`/api/reports`, { method: "POST", body: "url=https://x.test" });
    expect(response.status).toBe(415);
  });

  it("answers 404 for an unknown id and 400 for an unknown export format", async () => {
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect((await app.fetch(`/api/reports/${unknown}`)).status).toBe(404);
    expect((await app.fetch(`/api/reports/not-an-id!`)).status).toBe(404);
    const created = await postJson(app, {
      url: `${site.url}/pages/report-source-a`,
      lang: "en",
      followLinks: false,
    });
    await finished(app, created.body.id);
    const response = await app.fetch(`/api/reports/${created.body.id}/export?format=rtf`);
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe("bad-format");
  });

  it("refuses requests addressed to another host name (DNS rebinding) when no token is required", async () => {
    const { request } = await import("node:http");
    const real = await startTestServer();
    try {
      const status = await new Promise<number>((done, fail) => {
        const outgoing = request(
          `${real.url}/api/reports`,
          { headers: { host: "attacker.example" } },
          (response) => {
            response.resume();
            done(response.statusCode ?? 0);
          },
        );
        outgoing.on("error", fail);
        outgoing.end();
      });
      expect(status).toBe(403);
    } finally {
      await real.close();
    }
  });
});

describe("limits", () => {
  it("caps the upload size with 413, both for the file and for the whole body", async () => {
    const small = await createTestApp({ maxUploadBytes: 1000 });
    try {
      const file = await postFiles(small, [{ name: "big.md", content: "あ".repeat(400) }]);
      expect(file.status).toBe(413);
      expect(file.body.error.code).toBe("too-large");
      const body = await postJson(small, { url: "https://example.test/a", padding: "x".repeat(100_000) });
      expect(body.status).toBe(413);
      const many = Array.from({ length: 10 }, (_, index) => ({
        name: `p${index}.md`,
        content: "x".repeat(900),
      }));
      expect((await postFiles(small, many)).status).toBe(413);
    } finally {
      await small.close();
    }
  });

  it("rate-limits report creation with 429 and retry-after; refused submissions do not count", async () => {
    const limited = await createTestApp({ rateLimit: { limit: 2, windowMs: 60_000 } });
    try {
      expect((await postJson(limited, { lang: "ja" })).status).toBe(400);
      expect((await postJson(limited, { lang: "ja" })).status).toBe(400);
      const quick = { url: `${site.url}/pages/report-source-a`, followLinks: false };
      expect((await postJson(limited, quick)).status).toBe(202);
      expect((await postJson(limited, quick)).status).toBe(202);
      const third = await postJson(limited, { url: `${site.url}/pages/report-article` });
      expect(third.status).toBe(429);
      expect(third.body.error.code).toBe("rate-limited");
      const retryAfter = Number(third.headers.get("retry-after"));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
      // Reading is not limited.
      expect((await limited.fetch(`/api/reports`)).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

describe("PDF export without Chromium", () => {
  it("answers 503 pdf-unavailable naming the missing program, and still exports HTML", async () => {
    const noChromium = await createTestApp({ chromiumPath: "/nonexistent/chromium" });
    try {
      const created = await postJson(noChromium, {
        url: `${site.url}/pages/report-source-b`,
        followLinks: false,
      });
      await finished(noChromium, created.body.id);
      const pdf = await noChromium.fetch(`/api/reports/${created.body.id}/export?format=pdf`);
      expect(pdf.status).toBe(503);
      const error = (await pdf.json()).error;
      expect(error.code).toBe("pdf-unavailable");
      expect(error.message).toContain("/nonexistent/chromium");
      const html = await noChromium.fetch(`/api/reports/${created.body.id}/export?format=html`);
      expect(html.status).toBe(200);
    } finally {
      await noChromium.close();
    }
  });
});

describe("docs/openapi.json", () => {
  it("documents only endpoints the server answers", async () => {
    const spec = JSON.parse(readFileSync(new URL("../../docs/openapi.json", import.meta.url), "utf8"));
    // A server that follows feeds answers the feeds API too; one feed gives its paths an id.
    const storePath = join(tempDir("shirabe-openapi-"), "shirabe.sqlite");
    const feeds = openFeedStore({ path: storePath });
    const app = await createTestApp({ storePath, feeds });
    const feed = feeds.addFeed(`${site.url}/pages/report-source-c`, { autoReport: false });
    const created = await postJson(app, { url: `${site.url}/pages/report-source-c`, followLinks: false });
    await finished(app, created.body.id);
    // The queue API is answered only by serve --queue (test/server/queue-routes.test.ts calls it).
    const operations = Object.entries(spec.paths as Record<string, Record<string, unknown>>)
      .filter(([path]) => !path.startsWith("/api/queue"))
      .flatMap(([path, item]) =>
        Object.keys(item)
          .filter((method) => method !== "parameters")
          .map((method) => ({
            path: path.replace("{id}", created.body.id).replace("{feedId}", feed.id),
            method: method.toUpperCase(),
          })),
      );
    expect(operations.length).toBeGreaterThanOrEqual(8);
    // DELETE last, so the other operations still find the report.
    operations.sort((a, b) => Number(a.method === "DELETE") - Number(b.method === "DELETE"));
    for (const { path, method } of operations) {
      const response = await app.fetch(`${path}`, {
        method,
        redirect: "manual",
        ...(method === "POST" ? { headers: { "content-type": "application/json" }, body: "{}" } : {}),
      });
      await response.arrayBuffer();
      expect(response.status, `${method} ${path}`).not.toBe(405);
      expect(response.status, `${method} ${path}`).not.toBe(404);
    }
    await app.close();
    feeds.close();
  });
});
