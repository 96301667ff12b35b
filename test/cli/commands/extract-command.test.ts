// `shirabe extract` as a user runs it: real HTTP against the fixture site, one line per bad input.
import { writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CliResult, runCli, tempDir } from "../../support/cli.js";
import { type FixtureSite, startFixtureSite } from "../../support/fixture-site.js";

let site: FixtureSite;
const dataDir = tempDir();
const env = { SHIRABE_DATA_DIR: dataDir };
const allow = ["--allow-private-network"];

beforeAll(async () => {
  site = await startFixtureSite();
});
afterAll(async () => {
  await site.close();
});

/** One line on stderr, naming the input, no stack trace. */
function expectOneLineError(result: CliResult, input: string): void {
  const lines = result.stderr.trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(input);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const address = server.address();
  await new Promise((done) => server.close(done));
  return typeof address === "object" && address ? address.port : 1;
}

describe("shirabe extract", () => {
  it("names an untitled page by its short first sentence, else by its address, never an empty heading", async () => {
    const dir = tempDir();
    const short = join(dir, "untitled.html");
    writeFileSync(
      short,
      "<html><body><article><p>Ferry service resumes after storms. The ferry to the island ran again on Monday after three days of storms, the operator said.</p></article></body></html>",
    );
    const named = await runCli(["extract", short, "--no-cache"], env);
    expect(named.code).toBe(0);
    expect(named.stdout.split("\n")[0]).toBe("# Ferry service resumes after storms.");
    const long = join(dir, "untitled-long.html");
    writeFileSync(
      long,
      "<html><body><article><p>The ferry service to the island resumed on Monday after three days of storms that had closed the harbour, cut power to the northern villages and kept the fishing fleet in port, the operator said.</p></article></body></html>",
    );
    const result = await runCli(["extract", long, "--no-cache"], env);
    expect(result.code).toBe(0);
    expect(result.stdout.split("\n")[0]).toBe(`# file://${long}`);
    expect(result.stdout).toContain("ferry service");
  });

  it("prints the title, metadata and text of a fetched article", async () => {
    const result = await runCli(["extract", `${site.url}/pages/report-article`, ...allow], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^# \S/);
    expect(result.stdout).toContain(`URL: ${site.url}/pages/report-article`);
    expect(result.stderr).toBe("");
  });

  it("gives one JSON line per input and keeps going after a bad one", async () => {
    const good = `${site.url}/pages/report-article`;
    const bad = `${site.url}/status/404`;
    const result = await runCli(["extract", good, bad, good, "--json", ...allow], env);
    const lines = result.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => [line.input, line.ok])).toEqual([
      [good, true],
      [bad, false],
      [good, true],
    ]);
    expect(lines[0].article.title.length).toBeGreaterThan(0);
    expect(lines[1].error.code).toBe("http-status");
    expect(result.code).toBe(1);
  });

  it("serves a repeated fetch from the page cache after revalidating it", async () => {
    const url = `${site.url}/etag/report-article`;
    await runCli(["extract", url, "--json", ...allow], env);
    const second = await runCli(["extract", url, "--json", ...allow], env);
    expect(JSON.parse(second.stdout).page.fromCache).toBe(true);
    const revalidations = site.requests.filter((request) => request.path === "/etag/report-article");
    expect(revalidations.at(-1)?.headers["if-none-match"]).toBeTruthy();
  });

  it("refuses a loopback address without --allow-private-network", async () => {
    const url = `${site.url}/pages/report-article`;
    const result = await runCli(["extract", url], env);
    expect(result.code).toBe(1);
    expectOneLineError(result, url);
    expect(result.stderr).toContain("--allow-private-network");
  });

  const badInputs: Array<[string, string, number, RegExp]> = [
    ["a 404", "/status/404", 1, /404/],
    ["a 500", "/status/500", 3, /500/],
    ["a PDF without a text layer", "/pdf", 1, /PDF has no text layer/],
    ["an image", "/image", 1, /image\/png/],
    ["an empty page", "/empty", 1, /no article text/],
    ["a script-only page", "/script-only", 1, /no article text/],
    ["an oversized body", "/huge?mb=40", 1, /too large|exceeds|limit/i],
  ];
  for (const [name, path, code, message] of badInputs) {
    it(`names the input and exits ${code} for ${name}`, async () => {
      const url = `${site.url}${path}`;
      const result = await runCli(["extract", url, ...allow], env);
      expect(result.code).toBe(code);
      expectOneLineError(result, url);
      expect(result.stderr).toMatch(message);
    });
  }

  it("exits 3 when a server hangs past --timeout", async () => {
    const url = `${site.url}/hang`;
    const result = await runCli(["extract", url, "--timeout", "0.5", ...allow], env);
    expect(result.code).toBe(3);
    expectOneLineError(result, url);
  });

  // DNS failures are tested on the HTTP client with an injected resolver: no query may leave this machine.
  it("exits 3 for an unreachable host", async () => {
    const refused = `http://127.0.0.1:${await closedPort()}/`;
    const result = await runCli(["extract", refused, ...allow], env);
    expect(result.code).toBe(3);
    expectOneLineError(result, refused);
  });

  it("exits 1 for a file that does not exist, and for bytes in no known encoding", async () => {
    const missing = join(dataDir, "missing.html");
    const missingResult = await runCli(["extract", missing], env);
    expect(missingResult.code).toBe(1);
    expectOneLineError(missingResult, missing);

    const garbage = join(dataDir, "garbage.html");
    writeFileSync(garbage, Buffer.from(Array.from({ length: 4096 }, (_, index) => (index * 151 + 7) % 256)));
    const garbageResult = await runCli(["extract", garbage], env);
    expect(garbageResult.code).toBe(1);
    expectOneLineError(garbageResult, garbage);
    expect(garbageResult.stderr).toContain("--encoding");
  });

  it("exits 2 for usage errors and 1 for an unsupported scheme", async () => {
    expect((await runCli(["extract"], env)).code).toBe(2);
    expect((await runCli(["extract", "x", "--no-such-flag"], env)).code).toBe(2);
    const ftp = await runCli(["extract", "ftp://example.org/a.html"], env);
    expect(ftp.code).toBe(1);
    expectOneLineError(ftp, "ftp://example.org/a.html");
  });

  it("prints a stack trace only with --debug", async () => {
    const url = `${site.url}/status/404`;
    const result = await runCli(["extract", url, "--debug", ...allow], env);
    expect(result.stderr).toMatch(/\n\s+at /);
  });
});
