// Issue 11, "one way to read a source": the same article submitted through the CLI, the web app's HTTP
// API and the library API gives the same sources, the same failures and the same report. The article
// cites an HTML page, a PDF served without a .pdf name, a PDF mislabelled as text/html, and a page that
// robots.txt closes: every interface reads both PDFs (with their page numbers) and honours robots.txt.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpClient, createReport, openStore, renderReport } from "../../src/index.js";
import { startServer } from "../../src/server/index.js";
import { runCli, tempDir } from "../support/cli.js";
import { makePdf } from "../support/make-pdf.js";

const STUDY = makePdf(
  [
    ["Harbour congestion study"],
    ["Ships waited 14 hours on average at the outer anchorage in 2025, twice as long as in 2023."],
  ],
  { title: "Harbour Congestion Study" },
);
const ANNEX = makePdf(
  [["Annex: berth plan"], ["The new berth adds capacity for 40 container ships a month."]],
  {
    title: "Berth Plan Annex",
  },
);

const PAGES: Record<string, { type: string; body: string | Uint8Array }> = {
  "/robots.txt": { type: "text/plain", body: "User-agent: *\nDisallow: /private/\n" },
  "/news/harbour": {
    type: "text/html; charset=utf-8",
    body: `<!doctype html><html lang="en"><head><title>Harbour traffic hits a record</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Harbour traffic hits a record</h1>
<p>Container traffic at the harbour reached a record in March, the port authority said on Monday.</p>
<p>Ship queues grew as well, according to <a href="/docs/congestion-study">a congestion study</a>, and the
authority's <a href="/files/annex.html">berth plan annex</a> describes the new berth.</p>
<p>The city's <a href="/reports/city-statement">statement</a> welcomed the figures, while an
<a href="/private/internal-memo">internal memo</a> warned about staffing.</p>
</article></body></html>`,
  },
  "/reports/city-statement": {
    type: "text/html; charset=utf-8",
    body: `<!doctype html><html lang="en"><head><title>City statement on harbour traffic</title></head><body>
<article><h1>City statement on harbour traffic</h1>
<p>The city welcomed record harbour traffic and said the new berth would open in 2027.</p></article></body></html>`,
  },
  "/private/internal-memo": {
    type: "text/html; charset=utf-8",
    body: "<!doctype html><html><body><article><p>Staffing is short at the harbour.</p></article></body></html>",
  },
  "/docs/congestion-study": { type: "application/pdf", body: STUDY },
  // Mislabelled: the bytes are a PDF, so they are read as one (content sniffing beats the declared type).
  "/files/annex.html": { type: "text/html; charset=utf-8", body: ANNEX },
};

let site: Server;
let base = "";

beforeAll(async () => {
  site = createServer((request, response) => {
    const page = PAGES[request.url ?? ""];
    if (!page) return void response.writeHead(404).end();
    response.writeHead(200, { "content-type": page.type }).end(page.body);
  });
  await new Promise<void>((ready) => site.listen(0, "127.0.0.1", ready));
  base = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => site.close(() => done())));

interface JsonReport {
  report: Record<string, unknown>;
  sources: Array<{ input: string; article: { title: string } }>;
  passages: Array<{ id: string; page?: number }>;
  failures: Array<{ input: string; code: string }>;
  [key: string]: unknown;
}

/** The JSON report without what differs by run (its id and time). */
function comparable(json: string): JsonReport {
  const parsed = JSON.parse(json) as JsonReport;
  const { id: _id, createdAt: _createdAt, ...report } = parsed.report;
  return { ...parsed, report };
}

async function viaCli(article: string): Promise<JsonReport> {
  const dataDir = tempDir("shirabe-cli-");
  const args = ["report", article, "--lang", "en", "--format", "json", "--quiet", "--allow-private-network"];
  const result = await runCli([...args, "--data-dir", dataDir]);
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  return comparable(result.stdout);
}

async function viaLibrary(article: string): Promise<JsonReport> {
  const { report } = await createReport({
    input: article,
    lang: "en",
    deps: { http: createHttpClient({ allowPrivateNetwork: true }) },
  });
  return comparable(renderReport(report, "json"));
}

async function viaWebApp(article: string): Promise<JsonReport> {
  const store = openStore({ path: join(tempDir("shirabe-web-"), "shirabe.sqlite") });
  const server = await startServer({ port: 0, http: createHttpClient({ allowPrivateNetwork: true }), store });
  try {
    const posted = await fetch(`${server.url}/api/reports`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ url: article, lang: "en" }),
    });
    expect(posted.status).toBe(202);
    const { id } = (await posted.json()) as { id: string };
    for (;;) {
      const { status } = (await (await fetch(`${server.url}/api/reports/${id}`)).json()) as {
        status: string;
      };
      expect(status).not.toBe("failed");
      if (status === "done") break;
      await new Promise((wait) => setTimeout(wait, 50));
    }
    const exported = await fetch(`${server.url}/api/reports/${id}/export?format=json`);
    expect(exported.status).toBe(200);
    return comparable(await exported.text());
  } finally {
    await server.close();
    store.close();
  }
}

describe("one article through every interface", () => {
  it("gives the same sources, failures and report from the CLI, the web app and the library", async () => {
    const article = `${base}/news/harbour`;
    // Run side by side: each interface has its own polite transport, so none waits for another.
    const [cli, web, library] = await Promise.all([viaCli(article), viaWebApp(article), viaLibrary(article)]);

    expect(library.sources.map((source) => source.input)).toEqual([
      article,
      `${base}/docs/congestion-study`,
      `${base}/files/annex.html`,
      `${base}/reports/city-statement`,
    ]);
    expect(library.sources.map((source) => source.article.title)).toContain("Harbour Congestion Study");
    expect(library.sources.map((source) => source.article.title)).toContain("Berth Plan Annex");
    // PDF passages keep their page for citations.
    expect(library.passages.some((passage) => passage.id.startsWith("s1:") && passage.page === 2)).toBe(true);
    expect(library.failures).toEqual([
      expect.objectContaining({ input: `${base}/private/internal-memo`, code: "robots-disallowed" }),
    ]);

    expect(cli).toEqual(library);
    expect(web).toEqual(library);
  }, 30_000);
});
