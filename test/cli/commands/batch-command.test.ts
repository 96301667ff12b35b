// `shirabe batch`: a list of inputs, N at a time, a summary at the end, and a rerun that skips what is done.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore } from "../../../src/index.js";
import { runCli, tempDir } from "../../support/cli.js";
import { type FixtureSite, startFixtureSite } from "../../support/fixture-site.js";

let site: FixtureSite;
beforeAll(async () => {
  site = await startFixtureSite();
});
afterAll(async () => {
  await site.close();
});

interface Summary {
  done: Array<{ input: string; report: string }>;
  failed: Array<{ input: string; code: string; reason: string }>;
  pending: unknown[];
}

describe("shirabe batch", () => {
  it("says a feed given as a list is a feed, and how to follow it, instead of reading its markup as paths", async () => {
    const dataDir = tempDir();
    const feed = join(dataDir, "morning.rss");
    writeFileSync(
      feed,
      '<?xml version="1.0"?><rss><channel><item><link>https://example.org/a</link></item></channel></rss>',
    );
    const result = await runCli(["batch", feed], { SHIRABE_DATA_DIR: dataDir });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(`${feed}: this is a feed or a document, not a list`);
    expect(result.stderr).toContain(`shirabe watch ${feed}`);
    expect(openStore({ path: join(dataDir, "shirabe.sqlite") }).listReports()).toEqual([]);
  });

  it("prints a list line's control characters neither in its summary nor in its JSON", async () => {
    const dataDir = tempDir();
    const list = join(dataDir, "list.txt");
    writeFileSync(list, "./missing-\u001b[31mred\u009b2J.html\n");
    const env = { SHIRABE_DATA_DIR: dataDir };
    const text = await runCli(["batch", list, "--no-follow-links"], env);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain("  failed ./missing-[31mred2J.html");
    expect(text.stdout.includes("\u001b") || text.stdout.includes("\u009b")).toBe(false);
    const json = await runCli(["batch", list, "--json", "--no-follow-links"], env);
    expect(json.stdout.includes("\u001b") || json.stdout.includes("\u009b")).toBe(false);
    expect(JSON.parse(json.stdout).failed[0].input).toBe("./missing-\u001b[31mred\u009b2J.html");
  });

  it("reports every line, lists failures with their reasons, and a rerun redoes nothing that is done", async () => {
    const dataDir = tempDir();
    const list = join(dataDir, "list.txt");
    const good = [`${site.url}/pages/en-news-utf8`, `${site.url}/pages/ja-blog-utf8`];
    const missing = `${site.url}/status/404`;
    writeFileSync(list, `# morning list\n${good[0]}\n\n${missing}\n${good[1]}\n${good[0]}\n`);
    const args = [
      "batch",
      list,
      "--json",
      "--allow-private-network",
      "--no-follow-links",
      "--concurrency",
      "2",
    ];
    const env = { SHIRABE_DATA_DIR: dataDir };

    const first = await runCli(args, env);
    expect(first.code).toBe(1);
    const summary = JSON.parse(first.stdout) as Summary;
    expect(summary.done.map((entry) => entry.input).sort()).toEqual([...good].sort());
    expect(summary.failed).toEqual([
      { input: missing, code: "http-status", reason: expect.stringContaining("404") },
    ]);
    expect(first.stderr).toContain(`failed ${missing}`);

    const fetched = site.requests.length;
    const second = await runCli(args, env);
    const again = JSON.parse(second.stdout) as Summary;
    expect(again.done).toEqual(summary.done);
    expect(again.failed).toHaveLength(1);
    expect(second.stderr).toContain("2 already done, skipped");
    // Only the failed line was fetched again.
    expect(site.requests.slice(fetched).map((request) => request.path)).toEqual(["/status/404"]);
    const store = openStore({ path: join(dataDir, "shirabe.sqlite") });
    expect(store.listReports()).toHaveLength(2);
    store.close();
  });

  it("names an unreadable or empty list", async () => {
    const dataDir = tempDir();
    const missing = await runCli(["batch", join(dataDir, "nope.txt")], { SHIRABE_DATA_DIR: dataDir });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("nope.txt: cannot read the list");
    const empty = join(dataDir, "empty.txt");
    writeFileSync(empty, "# nothing\n\n");
    const result = await runCli(["batch", empty], { SHIRABE_DATA_DIR: dataDir });
    expect(result.stderr).toContain("the list is empty");
  });
});
