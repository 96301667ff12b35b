// A page whose title and text carry terminal control sequences — raw, and written as `&#27;` — must not
// reach the terminal through `extract`, `report` to stdout, `list`, `show` or `watch`.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { hasControlCharacters } from "../../src/text/control-characters.js";
import { runCli, tempDir } from "../support/cli.js";

const ESC = "\u001b";
const CSI = "\u009b";
const TITLE = `Council &#27;]0;owned&#7;votes ${ESC}[2J${CSI}31m on the budget`;
const PARAGRAPH = (n: number) =>
  `<p>The council of the city voted ${n} times on the budget &#27;[1A${ESC}[K this week, and the ` +
  `mayor said the vote ${CSI}2J was close.\u007f Members asked for ${n + 2} more days to read it.</p>`;
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${TITLE}</title></head>
<body><article><h1>${TITLE}</h1>${[1, 2, 3, 4].map(PARAGRAPH).join("")}</article></body></html>`;

function pageFile(): string {
  const file = join(tempDir(), "controls.html");
  writeFileSync(file, PAGE);
  return file;
}

/** Control characters other than line feed and tab, as the terminal would receive them. */
function expectNoControls(output: string): void {
  expect(hasControlCharacters(output)).toBe(false);
}

describe("control characters from pages never reach the terminal", () => {
  it("extract prints the title and text without them, as text and as JSON", async () => {
    const file = pageFile();
    const text = await runCli(["extract", file, "--no-cache"]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("votes");
    expectNoControls(text.stdout);
    const json = await runCli(["extract", file, "--no-cache", "--json"]);
    expect(json.code).toBe(0);
    expectNoControls(json.stdout);
    expect(JSON.parse(json.stdout).article.title).toContain("votes");
  });

  it("report to stdout, list and show print them nowhere", async () => {
    const file = pageFile();
    const env = { SHIRABE_DATA_DIR: tempDir() };
    for (const format of ["md", "html", "json"]) {
      const report = await runCli(["report", file, "--lang", "en", "--format", format, "--quiet"], env);
      expect(report.code).toBe(0);
      expect(report.stdout).toContain("council");
      expectNoControls(report.stdout);
    }
    const list = await runCli(["list"], env);
    expect(list.stdout).toContain("budget");
    expectNoControls(list.stdout);
    const id = list.stdout.split(/\s/)[0] as string;
    const show = await runCli(["show", id, "--format", "md"], env);
    expect(show.code).toBe(0);
    expectNoControls(show.stdout);
  });

  it("watch prints feed and item titles without them", async () => {
    const dir = tempDir();
    const feed = join(dir, "feed.xml");
    // The item's file:// link is skipped with a note naming the item, so no server is needed.
    writeFileSync(
      feed,
      `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour &#27;[31mnews</title><item><title>${TITLE}</title><link>file://${join(dir, "item.html")}</link><guid>i1</guid></item></channel></rss>`,
    );
    const watch = await runCli(["watch", feed, "--lang", "en"], { SHIRABE_DATA_DIR: tempDir() });
    expect(watch.stderr).toContain("Harbour");
    expect(watch.stderr).toContain("budget");
    expectNoControls(watch.stderr);
    expectNoControls(watch.stdout);
  });
});
