// Research inside a real report run: a fake SearXNG finds pages on the fixture site, syndicated copies
// are merged, robots.txt is honoured, failures are logged, --max-sources and --since apply, and every
// source carries its signals in the JSON report.
import { readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSearxng } from "../src/adapters/search/searxng.js";
import { openCorpus } from "../src/adapters/store/corpus.js";
import type { ProgressEvent } from "../src/index.js";
import { createHttpClient, createReport, renderReport } from "../src/index.js";
import { runCli, tempDir } from "./support/cli.js";
import { type FakeSearchServer, startFakeSearch } from "./support/fake-search.js";
import { makePdf } from "./support/make-pdf.js";

const CLUSTER = resolve(import.meta.dirname, "fixtures/research/syndicated");
const TOLL_STUDY = makePdf(
  [
    ["Congestion charging: evidence review"],
    ["Old town shopkeepers feared losing customers, but footfall recovered within a year in most cities."],
  ],
  { title: "Congestion Charging Evidence Review" },
);

/** The cluster's pages at /pages/<slug> and /private/<slug>, with a robots.txt that closes /private/. */
async function startClusterSite(): Promise<{ url: string; paths: string[]; close(): Promise<void> }> {
  const paths: string[] = [];
  const server: Server = createServer((request, response) => {
    const path = request.url ?? "/";
    paths.push(path);
    // The same study at an address without ".pdf": only the content type says what it is.
    if (path === "/docs/toll-study.pdf" || path === "/docs/toll-study") {
      response.writeHead(200, { "content-type": "application/pdf" }).end(TOLL_STUDY);
      return;
    }
    if (path === "/go/ja") {
      response.writeHead(302, { location: "/private/ja-original" }).end();
      return;
    }
    if (path === "/robots.txt") {
      response.writeHead(200, { "content-type": "text/plain" }).end("User-agent: *\nDisallow: /private/\n");
      return;
    }
    const match = /^\/(?:pages|private)\/([a-z-]+)$/.exec(path);
    try {
      const html = readFileSync(join(CLUSTER, match?.[1] ?? "missing", "source.html"));
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(html);
    } catch {
      response.writeHead(404, { "content-type": "text/html" }).end("<p>No such page.</p>");
    }
  });
  await new Promise<void>((ready) => server.listen(0, "127.0.0.1", ready));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    paths,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

const result = (url: string, title: string, publishedAt: string | null = null) => ({
  url,
  title,
  snippet: "",
  publishedAt,
});

describe("research in createReport", () => {
  let site: Awaited<ReturnType<typeof startClusterSite>>;
  let search: FakeSearchServer;
  const http = createHttpClient({ allowPrivateNetwork: true });

  beforeAll(async () => {
    site = await startClusterSite();
    search = await startFakeSearch("searxng", [
      result(`${site.url}/pages/wire-original`, "Wire"),
      result(`${site.url}/pages/reprint-herald`, "Herald"),
      result(`${site.url}/pages/reprint-daily`, "Daily"),
      result(`${site.url}/private/ja-original`, "Japanese, behind robots.txt"),
      result(`${site.url}/pages/missing`, "Gone"),
    ]);
  });
  afterAll(async () => {
    await search.close();
    await site.close();
  });

  const run = (research: Parameters<typeof createReport>[0]["research"], robots = true) =>
    createReport({
      input: `${site.url}/pages/other-angle`,
      lang: "en",
      followLinks: false,
      deps: { http },
      research,
      politeness: { hostDelayMs: 0, robots },
    });

  it("reads what search finds, merges syndicated copies, honours robots.txt and logs every drop", async () => {
    const { report, run: record } = await run({
      search: createSearxng({ url: search.url }),
      sourceLangs: ["ja"],
    });
    const inputs = report.sources.map((source) => [source.id, source.role, source.input]);
    expect(inputs).toEqual([
      ["s0", "article", `${site.url}/pages/other-angle`],
      ["s1", "found", `${site.url}/pages/wire-original`],
    ]);
    expect(search.received.map((asked) => asked.lang)).toEqual(expect.arrayContaining(["en"]));
    const messages = record.log.map((entry) => `${entry.input ?? ""} ${entry.message}`);
    expect(messages).toContainEqual(
      `${site.url}/pages/reprint-herald a copy of ${site.url}/pages/wire-original; merged into it`,
    );
    expect(messages).toContainEqual(
      `${site.url}/pages/reprint-daily a copy of ${site.url}/pages/wire-original; merged into it`,
    );
    expect(report.failures.map((failure) => failure.code).sort()).toEqual([
      "http-status",
      "robots-disallowed",
    ]);
    expect(site.paths).not.toContain("/private/ja-original");
    expect(site.paths.filter((path) => path === "/robots.txt")).toHaveLength(1);
    expect(
      record.log.some((entry) => entry.stage === "research" && entry.message.startsWith("query (en):")),
    ).toBe(true);
    const json = JSON.parse(renderReport(report, "json")) as {
      sources: Array<{ signals?: { site: string } }>;
    };
    expect(json.sources.map((source) => source.signals?.site)).toEqual(["127.0.0.1", "127.0.0.1"]);
  });

  it("reports the queries made and the sources found as progress", async () => {
    const events: ProgressEvent[] = [];
    const { run: record } = await createReport({
      input: `${site.url}/pages/other-angle`,
      lang: "en",
      followLinks: false,
      deps: { http },
      research: { search: createSearxng({ url: search.url }) },
      politeness: { hostDelayMs: 0 },
      onProgress: (event) => events.push(event),
    });
    const research = events.filter((event) => event.type === "research");
    const queries = record.log.filter((entry) => entry.message.startsWith("query (")).length;
    expect(research).toEqual([{ type: "research", queries, found: 5 }]);
    expect(queries).toBeGreaterThan(0);
    // Research comes before any source is read.
    expect(events.findIndex((event) => event.type === "research")).toBeLessThan(
      events.findIndex((event) => event.type === "source"),
    );
  });

  it("refuses a source that redirects to a page robots.txt closes", async () => {
    const redirecting = await startFakeSearch("searxng", [result(`${site.url}/go/ja`, "Short link")]);
    try {
      const { report } = await run({ search: createSearxng({ url: redirecting.url }) });
      expect(report.sources.map((source) => source.input)).not.toContain(`${site.url}/go/ja`);
      expect(report.failures).toEqual([
        expect.objectContaining({ input: `${site.url}/go/ja`, code: "robots-disallowed" }),
      ]);
      expect(report.failures[0]?.message).toContain("redirects to");
      const open = await run({ search: createSearxng({ url: redirecting.url }) }, false);
      expect(open.report.sources.map((source) => source.input)).toContain(`${site.url}/go/ja`);
    } finally {
      await redirecting.close();
    }
  });

  it("fetches what robots.txt closes when told to ignore it", async () => {
    const { report } = await run({ search: createSearxng({ url: search.url }) }, false);
    expect(report.sources.map((source) => source.input)).toContain(`${site.url}/private/ja-original`);
  });

  it("keeps the report when the search provider fails, with the failure in the log", async () => {
    search.mode = "server-error";
    try {
      const { report, run: record } = await run({ search: createSearxng({ url: search.url }) });
      expect(report.sources).toHaveLength(1);
      expect(record.log.find((entry) => entry.level === "warn")?.message).toContain("searxng search at");
    } finally {
      search.mode = "ok";
    }
  });

  it("applies --max-sources and --since", async () => {
    const capped = await run({ search: createSearxng({ url: search.url }), maxSources: 1 }, false);
    expect(capped.report.sources.map((source) => source.input)).toEqual([
      `${site.url}/pages/other-angle`,
      `${site.url}/pages/wire-original`,
    ]);
    // Every page of the cluster is from March 2026; the article itself always stays.
    const recent = await run({ search: createSearxng({ url: search.url }), since: "2026-03-04" }, false);
    expect(recent.report.sources.map((source) => source.input)).toEqual([`${site.url}/pages/other-angle`]);
    expect(recent.run.log.some((entry) => entry.message.includes("before --since"))).toBe(true);
  });

  it("under --max-sources keeps the found source most about the article, whatever the search order", async () => {
    const offTopic = await startFakeSearch("searxng", [
      result(`${site.url}/pages/ja-original`, "Japanese"),
      result(`${site.url}/pages/wire-original`, "Wire"),
    ]);
    try {
      const { report, run: record } = await run({
        search: createSearxng({ url: offTopic.url }),
        maxSources: 1,
      });
      expect(report.sources.map((source) => source.input)).toEqual([
        `${site.url}/pages/other-angle`,
        `${site.url}/pages/wire-original`,
      ]);
      expect(record.log).toContainEqual(
        expect.objectContaining({ input: `${site.url}/pages/ja-original`, message: "over --max-sources" }),
      );
    } finally {
      await offTopic.close();
    }
  });

  it("reads PDF sources, found by search or given as files", async () => {
    const pdfSearch = await startFakeSearch("searxng", [result(`${site.url}/docs/toll-study.pdf`, "Study")]);
    const file = join(tempDir(), "review.pdf");
    writeFileSync(file, TOLL_STUDY);
    try {
      const { report } = await createReport({
        input: `${site.url}/pages/other-angle`,
        lang: "en",
        followLinks: false,
        sources: [file],
        deps: { http },
        research: { search: createSearxng({ url: pdfSearch.url }) },
        politeness: { hostDelayMs: 0 },
      });
      expect(report.failures).toEqual([]);
      const pdfs = report.sources.filter(
        (source) => source.article.title === "Congestion Charging Evidence Review",
      );
      expect(pdfs.map((source) => source.role)).toEqual(["provided"]);
      // The same study twice (file and URL) is one story: the copy is merged, the given file kept.
      expect(pdfs[0]?.signals?.type).toBe("document");
      expect(pdfs[0]?.article.text).toContain("footfall recovered within a year");
    } finally {
      await pdfSearch.close();
    }
  });

  it("reads a source served as application/pdf whose address does not end in .pdf, with page numbers", async () => {
    const pdfSearch = await startFakeSearch("searxng", [result(`${site.url}/docs/toll-study`, "Study")]);
    try {
      const { report } = await run({ search: createSearxng({ url: pdfSearch.url }) });
      expect(report.failures).toEqual([]);
      const study = report.sources.find((source) => source.input === `${site.url}/docs/toll-study`);
      expect(study?.article.title).toBe("Congestion Charging Evidence Review");
      // Its passages say which page they are on; a web page's passages have no page.
      const footfall = report.passages.find((p) => p.sourceId === study?.id && p.text.includes("footfall"));
      expect(footfall?.page).toBe(2);
      expect(report.passages.find((p) => p.sourceId === "s0")?.page).toBeUndefined();
    } finally {
      await pdfSearch.close();
    }
  });

  it("draws on the local corpus", async () => {
    const path = join(tempDir(), "shirabe.sqlite");
    const corpus = openCorpus({ path });
    corpus.addDocument({
      location: `${site.url}/pages/wire-original`,
      title: "Northbridge approves congestion charge",
      siteName: null,
      lang: "en",
      publishedAt: null,
      contentType: "text/html",
      passages: [{ text: "Shopkeepers in the old town had campaigned against the plan." }],
    });
    const { report } = await run({ corpus });
    corpus.close();
    expect(report.sources.map((source) => [source.role, source.input])).toContainEqual([
      "found",
      `${site.url}/pages/wire-original`,
    ]);
  });
});

describe("shirabe report with research flags", () => {
  it("searches with --search/--search-url and puts source signals in the JSON", async () => {
    const site = await startClusterSite();
    const search = await startFakeSearch("searxng", [result(`${site.url}/pages/wire-original`, "Wire")]);
    try {
      const cli = await runCli([
        "report",
        `${site.url}/pages/other-angle`,
        "--lang",
        "en",
        "--format",
        "json",
        "--no-follow-links",
        "--allow-private-network",
        "--search",
        "searxng",
        "--search-url",
        search.url,
        "--source-langs",
        "ja,zh",
        "--quiet",
        "--data-dir",
        tempDir(),
      ]);
      expect(cli.code, cli.stderr).toBe(0);
      const json = JSON.parse(cli.stdout) as { sources: Array<{ role: string; signals: { type: string } }> };
      expect(json.sources.map((source) => source.role)).toEqual(["article", "found"]);
      expect(json.sources.every((source) => typeof source.signals.type === "string")).toBe(true);
      // Offline, the article's title is searched in its language; this article repeats no name that
      // could be searched in Japanese or Chinese without translation.
      expect(search.received[0]).toMatchObject({
        lang: "en",
        query: "Old town shopkeepers vow to fight congestion charge",
      });
    } finally {
      await search.close();
      await site.close();
    }
  });

  it("draws on the corpus with --corpus", async () => {
    const site = await startClusterSite();
    try {
      const dataDir = tempDir();
      const common = ["--allow-private-network", "--data-dir", dataDir];
      const added = await runCli(["corpus", "add", `${site.url}/pages/wire-original`, ...common]);
      expect(added.code, added.stderr).toBe(0);
      const cli = await runCli([
        "report",
        `${site.url}/pages/other-angle`,
        "--lang",
        "en",
        "--format",
        "json",
        "--no-follow-links",
        "--corpus",
        "--quiet",
        ...common,
      ]);
      expect(cli.code, cli.stderr).toBe(0);
      const json = JSON.parse(cli.stdout) as { sources: Array<{ role: string; input: string }> };
      expect(json.sources.map((source) => [source.role, source.input])).toEqual([
        ["article", `${site.url}/pages/other-angle`],
        ["found", `${site.url}/pages/wire-original`],
      ]);
    } finally {
      await site.close();
    }
  });

  it("refuses a bad --since or an unknown provider before doing any work", async () => {
    const bad = await runCli(["report", "x.html", "--since", "last week", "--data-dir", tempDir()]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--since last week: expected a date");
    const unknown = await runCli(["report", "x.html", "--search", "bing", "--data-dir", tempDir()]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("--search bing: unknown provider");
  });
});
