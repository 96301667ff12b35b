// The LLM engine through the real CLI: config file and keys from the environment, usage line, cache on
// rerun, budget stop and resume, and no key in anything Shirabe stores or prints.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { checkReport } from "../../src/index.js";
import { runCli, tempDir } from "../support/cli.js";
import { type FakeLlmServer, startFakeLlmServer } from "../support/fake-llm-server.js";
import { scriptedAnswer, taskOf } from "../support/scripted-model.js";

const EXAMPLE = resolve(import.meta.dirname, "../../examples/china-ai/article.html");
const KEY = "sk-test-DO-NOT-STORE-4242";

let server: FakeLlmServer;
beforeAll(async () => {
  server = await startFakeLlmServer({ responder: scriptedAnswer });
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.requests.length = 0;
});

function setup() {
  const dir = tempDir();
  const config = join(dir, "shirabe.json");
  writeFileSync(
    config,
    JSON.stringify({
      model: "local:fake-model",
      providers: {
        local: { baseURL: server.baseURL, keyEnv: "LOCAL_LLM_KEY", structuredOutput: "json-mode" },
      },
      prices: { "local:fake-model": { input: 1, output: 2 } },
    }),
  );
  const env = { SHIRABE_DATA_DIR: join(dir, "data"), LOCAL_LLM_KEY: KEY };
  return { dir, config, env };
}

/** Every file under `dir`, as text, to search for a leaked key. */
function everythingUnder(dir: string): string {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => readFileSync(join(entry.parentPath, entry.name)).toString("latin1"))
    .join("\n");
}

describe("shirabe report --model", () => {
  it("writes a seed-format report with the model, prints usage, and reruns from the cache", async () => {
    const { dir, config, env } = setup();
    const out = join(dir, "report.md");
    const first = await runCli(["report", EXAMPLE, "--config", config, "--out", out, "--json"], env);
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/llm local:fake-model: \d+ calls \(\d+ paid, 0 from cache\), \d+ tokens in/);
    const summary = JSON.parse(first.stdout) as {
      llm: { calls: number; cachedCalls: number; costUsd: number; run: string };
    };
    expect(summary.llm.calls).toBeGreaterThan(2);
    expect(summary.llm.cachedCalls).toBe(0);
    expect(summary.llm.costUsd).toBeGreaterThan(0);
    const paid = server.requests.length;
    expect(paid).toBe(summary.llm.calls);
    expect(server.requests.every((r) => r.headers.authorization === `Bearer ${KEY}`)).toBe(true);
    const markdown = readFileSync(out, "utf8");
    expect(checkReport(markdown, { lang: "ja" })).toEqual([]);

    const again = await runCli(["report", EXAMPLE, "--config", config, "--out", join(dir, "again.md")], env);
    expect(again.code).toBe(0);
    expect(server.requests.length).toBe(paid);
    expect(again.stderr).toMatch(/0 paid, \d+ from cache/);
    expect(readFileSync(join(dir, "again.md"), "utf8").replace(/[0-9a-f-]{36}/g, "")).toBe(
      markdown.replace(/[0-9a-f-]{36}/g, ""),
    );

    expect(everythingUnder(dir)).not.toContain(KEY);
    const shown = await runCli(["models", "--config", config], env);
    expect(shown.stdout).toContain("LOCAL_LLM_KEY set");
    expect(shown.stdout).toContain("model: local:fake-model");
    expect(shown.stdout + shown.stderr).not.toContain(KEY);
  });

  it("stops cleanly at --max-tokens, then --resume finishes without repeating a paid call", async () => {
    const { dir, config, env } = setup();
    const stopped = await runCli(
      ["report", EXAMPLE, "--config", config, "--max-tokens", "30000", "--quiet"],
      env,
    );
    expect(stopped.code).toBe(2);
    expect(stopped.stderr).toContain("--max-tokens 30000");
    const run = /--resume ([0-9a-f-]{36})/.exec(stopped.stderr)?.[1];
    expect(run).toBeDefined();
    const before = server.requests.map((r) => JSON.stringify(r.body));
    expect(before.length).toBeGreaterThan(0);
    const tokensUsed = server.requests.length;

    const out = join(dir, "resumed.md");
    const resumed = await runCli(
      ["report", "--resume", run as string, "--config", config, "--out", out],
      env,
    );
    expect(resumed.code).toBe(0);
    const after = server.requests.slice(tokensUsed).map((r) => JSON.stringify(r.body));
    expect(after.length).toBeGreaterThan(0);
    for (const body of after) expect(before).not.toContain(body);
    expect(taskOf(server.requests.at(-1) as never)).toBe("framing");
    expect(checkReport(readFileSync(out, "utf8"), { lang: "ja" })).toEqual([]);

    const done = await runCli(["report", "--resume", run as string, "--config", config], env);
    expect(done.code).toBe(2);
    expect(done.stderr).toContain("already finished");
  });

  it("says in one line that it writes with the extractive engine when no model is configured", async () => {
    const { dir } = setup();
    const result = await runCli(["report", EXAMPLE, "--out", join(dir, "plain.md")], {
      SHIRABE_DATA_DIR: join(dir, "data"),
    });
    expect(result.code).toBe(0);
    expect(result.stderr.split("\n").filter((line) => line.includes("extractive"))).toHaveLength(1);
    expect(server.requests).toHaveLength(0);
  });

  it("rejects a bad model spec, an unknown provider and a missing key with usage errors", async () => {
    const { config } = setup();
    expect((await runCli(["report", EXAMPLE, "--model", "nocolon"])).code).toBe(2);
    const unknown = await runCli(["report", EXAMPLE, "--model", "nowhere:x"]);
    expect(unknown.stderr).toContain("unknown provider");
    const missing = await runCli(["report", EXAMPLE, "--model", "deepseek:deepseek-chat"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("DEEPSEEK_API_KEY");
    const models = await runCli(["models", "--config", config, "--json"], { DEEPSEEK_API_KEY: KEY });
    const listed = JSON.parse(models.stdout) as { providers: Array<{ name: string; key: string }> };
    expect(listed.providers.find((p) => p.name === "deepseek")?.key).toBe("set");
    expect(listed.providers.map((p) => p.name)).toEqual(
      expect.arrayContaining([
        "openai",
        "deepseek",
        "qwen",
        "openrouter",
        "ollama",
        "vllm",
        "llamacpp",
        "anthropic",
        "google",
        "local",
      ]),
    );
    expect(models.stdout).not.toContain(KEY);
  });
});
