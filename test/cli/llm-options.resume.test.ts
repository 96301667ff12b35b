// Nothing paid is lost: a run that fails mid-sections or is stopped by --max-cost keeps every answer it
// received (also those still streaming when it failed), sends nothing that was waiting, and --resume asks
// only what was never answered. A stream cut mid-answer counts in the usage line. Through the real CLI
// against the fake OpenAI-compatible server, which logs every request.
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runCli, tempDir } from "../support/cli.js";
import { type FakeLlmRequest, type FakeReply, startFakeLlmServer } from "../support/fake-llm-server.js";
import { scriptedAnswer, taskOf } from "../support/scripted-model.js";

const EXAMPLE = resolve(import.meta.dirname, "../../examples/china-ai/article.html");

type Fault = "none" | "fail-second-section" | "cut-first-section";

let fault: Fault = "none";
let sections = 0;
/** Bodies of the requests the fake answered in full, with their task. */
const answered = new Map<string, string>();

function reply(request: FakeLlmRequest): FakeReply {
  if (taskOf(request) === "section") {
    sections++;
    if (fault === "fail-second-section" && sections === 2) return { status: 400, message: "bad request" };
    if (fault === "cut-first-section" && sections === 1) return { truncate: scriptedAnswer(request) };
  }
  answered.set(JSON.stringify(request.body), taskOf(request));
  return scriptedAnswer(request);
}

let server: Awaited<ReturnType<typeof startFakeLlmServer>>;
beforeAll(async () => {
  // Slow enough that a section is still streaming when another one fails.
  server = await startFakeLlmServer({ responder: reply, firstTokenMs: 150 });
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.requests.length = 0;
  answered.clear();
  sections = 0;
  fault = "none";
});

function setup() {
  const dir = tempDir();
  const config = join(dir, "shirabe.json");
  writeFileSync(
    config,
    JSON.stringify({
      model: "local:fake-model",
      providers: { local: { baseURL: server.baseURL, structuredOutput: "json-mode", concurrency: 2 } },
      // $1 per thousand tokens, so --max-cost stops the run part-way.
      prices: { "local:fake-model": { input: 1000, output: 1000 } },
    }),
  );
  return { dir, config, env: { SHIRABE_DATA_DIR: join(dir, "data") } };
}

function bodies(requests: FakeLlmRequest[]): string[] {
  return requests.map((r) => JSON.stringify(r.body));
}

async function resume(stderr: string, config: string, env: Record<string, string>) {
  const run = /--resume ([0-9a-f-]{36})/.exec(stderr)?.[1];
  expect(run).toBeDefined();
  const before = server.requests.length;
  const answeredBefore = new Set(answered.keys());
  fault = "none";
  const resumed = await runCli(["report", "--resume", run as string, "--config", config, "--quiet"], env);
  expect(resumed.code).toBe(0);
  const sent = bodies(server.requests.slice(before));
  expect(sent.length).toBeGreaterThan(0);
  for (const body of sent) expect(answeredBefore.has(body)).toBe(false);
  return sent;
}

describe("a failed or stopped LLM run loses nothing it paid for", () => {
  it("fails mid-sections, keeps the answer still streaming, sends nothing queued; --resume asks only the rest", async () => {
    const { config, env } = setup();
    fault = "fail-second-section";
    const failed = await runCli(["report", EXAMPLE, "--config", config, "--quiet"], env);
    expect(failed.code).toBe(3);
    expect(failed.stderr).toContain("HTTP 400");
    const first = server.requests.map((r) => taskOf(r));
    // The outline, the section that was streaming and the one that failed; the four sections waiting
    // for the provider and the streaming section's verification were never sent.
    expect(first).toEqual(["outline", "section", "section"]);
    expect([...answered.values()]).toEqual(["outline", "section"]);

    const failedBody = bodies(server.requests)[2] as string;
    const sent = await resume(failed.stderr, config, env);
    expect(sent).toContain(failedBody);
  });

  it("stops at --max-cost, then --resume repeats no answered call", async () => {
    const { config, env } = setup();
    const stopped = await runCli(["report", EXAMPLE, "--config", config, "--max-cost", "20", "--quiet"], env);
    expect(stopped.code).toBe(2);
    expect(stopped.stderr).toContain("--max-cost 20");
    // The limit falls part-way through the sections.
    const first = server.requests.length;
    expect(server.requests.filter((r) => taskOf(r) === "section").length).toBeGreaterThan(1);
    // Every request of the stopped run was answered: none was cut off by the store closing under it.
    expect(answered.size).toBe(first);
    await resume(stopped.stderr, config, env);
  });

  it("counts the tokens of a stream cut mid-answer in the usage line", async () => {
    const clean = setup();
    const whole = await runCli(
      ["report", EXAMPLE, "--config", clean.config, "--out", join(clean.dir, "r.md"), "--json"],
      clean.env,
    );
    expect(whole.code).toBe(0);
    const cleanUsage = (JSON.parse(whole.stdout) as { llm: Usage }).llm;

    const cut = setup();
    fault = "cut-first-section";
    sections = 0;
    const retried = await runCli(
      ["report", EXAMPLE, "--config", cut.config, "--out", join(cut.dir, "r.md"), "--json"],
      cut.env,
    );
    expect(retried.code).toBe(0);
    const cutUsage = (JSON.parse(retried.stdout) as { llm: Usage }).llm;
    // The same calls, one of them sent twice: the cut attempt's prompt and partial answer are paid for.
    expect(cutUsage.calls).toBe(cleanUsage.calls);
    expect(cutUsage.inputTokens).toBeGreaterThan(cleanUsage.inputTokens);
    expect(cutUsage.outputTokens).toBeGreaterThan(cleanUsage.outputTokens);
    expect(cutUsage.costUsd).toBeGreaterThan(cleanUsage.costUsd);
  });
});

interface Usage {
  calls: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
}
