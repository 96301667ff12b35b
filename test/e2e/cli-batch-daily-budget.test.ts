// --max-cost-per-day end to end: a batch of LLM reports against the fake OpenAI-compatible server stops
// starting LLM work once the day's spend would pass the cap, says so, and leaves the rest for tomorrow;
// the day's spend, read back from the store, never passes the cap, also across runs.
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openReportJobsStore } from "../../src/adapters/store/report-jobs-store.js";
import { runCli, tempDir } from "../support/cli.js";
import { type FakeLlmServer, startFakeLlmServer } from "../support/fake-llm-server.js";
import { scriptedAnswer } from "../support/scripted-model.js";

const EXAMPLES = resolve(import.meta.dirname, "../../examples/china-ai");
const ARTICLES = ["deepseek-founding.html", "deepseek-talent.html", "export-controls.html"];

let fake: FakeLlmServer;
beforeAll(async () => {
  fake = await startFakeLlmServer({ responder: scriptedAnswer });
});
afterAll(async () => {
  await fake.close();
});

function setup() {
  const dir = tempDir();
  const config = join(dir, "shirabe.json");
  writeFileSync(
    config,
    JSON.stringify({
      model: "local:fake-model",
      providers: { local: { baseURL: fake.baseURL, structuredOutput: "json-mode" } },
      prices: { "local:fake-model": { input: 1000, output: 1000 } },
    }),
  );
  const list = join(dir, "list.txt");
  writeFileSync(list, `${ARTICLES.map((name) => join(EXAMPLES, name)).join("\n")}\n`);
  const dataDir = join(dir, "data");
  return { config, list, dataDir, env: { SHIRABE_DATA_DIR: dataDir } };
}

const CAP_USD = 30;

function spentToday(dataDir: string): number {
  const ledger = openReportJobsStore({ path: join(dataDir, "shirabe.sqlite") });
  try {
    return ledger.spentSince(`${new Date().toISOString().slice(0, 10)}T00:00:00.000Z`);
  } finally {
    ledger.close();
  }
}
const BUDGET_SPENT = "today's LLM budget is spent";

interface Summary {
  done: Array<{ input: string }>;
  failed: Array<{ input: string; reason: string }>;
  pending: Array<{ input: string; reason: string }>;
}

describe("batch --max-cost-per-day", () => {
  it("stops starting LLM work once the day's spend would pass the cap, says so, and keeps to it on a rerun", async () => {
    const { config, list, dataDir, env } = setup();
    const args = ["--config", config, "--no-follow-links", "--concurrency", "1", "--json"];
    const cap = ["--max-cost-per-day", String(CAP_USD)];
    const first = await runCli(["batch", list, ...args, ...cap], env);
    expect(first.code).toBe(0);
    const summary = JSON.parse(first.stdout) as Summary;
    // At $1 per thousand tokens the cap pays for one of the three reports; the others wait.
    expect(summary.done.map((entry) => entry.input)).toEqual([join(EXAMPLES, ARTICLES[0] as string)]);
    expect(summary.failed).toEqual([]);
    expect(summary.pending.map((entry) => entry.reason)).toEqual([BUDGET_SPENT, BUDGET_SPENT]);
    const tomorrow = new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00.000Z`);
    tomorrow.setUTCDate(tomorrow.getUTCDate() + 1);
    for (const name of ARTICLES.slice(1)) {
      expect(first.stderr).toContain(
        `deferred ${join(EXAMPLES, name)} until ${tomorrow.toISOString()}: ${BUDGET_SPENT}`,
      );
    }
    const spent = spentToday(dataDir);
    expect(spent).toBeGreaterThan(0);
    expect(spent).toBeLessThanOrEqual(CAP_USD);

    // The same day, a new article: today's spend is read back from the store, so the new report gets
    // only what is left of the day (each call reserves its worst case) and is put off when that is used.
    const more = join(dataDir, "..", "more.txt");
    writeFileSync(more, `${join(EXAMPLES, "market-reaction.html")}\n`);
    const second = await runCli(["batch", more, ...args, ...cap], env);
    expect(second.code).toBe(0);
    expect((JSON.parse(second.stdout) as Summary).pending).toEqual([
      { input: join(EXAMPLES, "market-reaction.html"), reason: BUDGET_SPENT },
    ]);
    expect(spentToday(dataDir)).toBeLessThanOrEqual(CAP_USD);
  });
});
