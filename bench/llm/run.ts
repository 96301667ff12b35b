// The LLM engine on the bundled example against the fake OpenAI-compatible server at a realistic speed
// (400 ms to the first token, 60 tokens/s): wall time of the write stage against the critical path of its
// LLM calls, number of calls and tokens, for the parallel writer and for a sequential outline → write each
// section flow (the same writer with one section at a time). Writes bench/results/llm.json.
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { createLlmClient, resolveModel } from "../../src/adapters/llm/index.js";
import { createHttpClient, createReport } from "../../src/index.js";
import { createLlmWriter } from "../../src/llm-writer.js";
import type { LlmCallRecord } from "../../src/ports/llm.js";
import { type FakeLlmRequest, startFakeLlmServer } from "../../test/support/fake-llm-server.js";
import { scriptedAnswer, taskOf } from "../../test/support/scripted-model.js";
import { criticalPathMs } from "./critical-path.js";

const ROOT = resolve(import.meta.dirname, "../..");
const EXAMPLE = join(ROOT, "examples/china-ai/article.html");
const FIRST_TOKEN_MS = 400;
const TOKENS_PER_SECOND = 60;
const OUTLINE_PASSAGES = 24;

/**
 * The scripted model, plus the habit real models have of citing a neighbouring passage as well: every
 * section sentence also cites the next passage, so the verifier has real work (an LLM batch per section).
 */
function benchAnswer(request: FakeLlmRequest): string {
  const answer = scriptedAnswer(request);
  if (taskOf(request) !== "section") return answer;
  const value = JSON.parse(answer) as { paragraphs: Array<{ claims: Array<{ passageIds: string[] }> }> };
  const claims = value.paragraphs.flatMap((p) => p.claims);
  claims.forEach((claim, i) => {
    const neighbour = claims[(i + 1) % claims.length]?.passageIds[0];
    if (neighbour && !claim.passageIds.includes(neighbour)) claim.passageIds.push(neighbour);
  });
  return JSON.stringify(value);
}

interface FlowResult {
  flow: string;
  writeWallMs: number;
  reportWallMs: number;
  criticalPathMs: number;
  ratio: number;
  calls: number;
  byTask: Record<string, number>;
  inputTokens: number;
  outputTokens: number;
  claims: number;
  repaired: number;
  dropped: number;
}

async function runFlow(flow: string, concurrency: number): Promise<FlowResult> {
  const server = await startFakeLlmServer({
    responder: benchAnswer,
    firstTokenMs: FIRST_TOKEN_MS,
    tokensPerSecond: TOKENS_PER_SECOND,
  });
  try {
    const config = resolveModel(
      "fake:bench",
      { providers: { fake: { baseURL: server.baseURL, structuredOutput: "json-schema", concurrency: 16 } } },
      {},
    );
    const calls: LlmCallRecord[] = [];
    const llm = createLlmClient({ config, onCall: (call) => calls.push(call) });
    const writer = createLlmWriter({ llm, concurrency, outlinePassages: OUTLINE_PASSAGES });
    let writeStarted = 0;
    let writeWallMs = 0;
    const started = performance.now();
    const { report } = await createReport({
      input: EXAMPLE,
      lang: "ja",
      deps: { http: createHttpClient({}) },
      writer,
      onProgress: (event) => {
        if (event.type === "stage-start" && event.stage === "write") writeStarted = performance.now();
        if (event.type === "stage-done" && event.stage === "write")
          writeWallMs = performance.now() - writeStarted;
      },
    });
    const reportWallMs = performance.now() - started;
    const path = criticalPathMs(calls);
    const byTask: Record<string, number> = {};
    for (const request of server.requests) byTask[taskOf(request)] = (byTask[taskOf(request)] ?? 0) + 1;
    return {
      flow,
      writeWallMs: Math.round(writeWallMs),
      reportWallMs: Math.round(reportWallMs),
      criticalPathMs: Math.round(path),
      ratio: Number((writeWallMs / path).toFixed(3)),
      calls: server.requests.length,
      byTask,
      inputTokens: calls.reduce((sum, c) => sum + c.inputTokens, 0),
      outputTokens: calls.reduce((sum, c) => sum + c.outputTokens, 0),
      claims: report.grounding.claims,
      repaired: report.grounding.repaired,
      dropped: report.grounding.dropped,
    };
  } finally {
    await server.close();
  }
}

const parallel = await runFlow("parallel sections (default, 6 at once)", 6);
const sequential = await runFlow("sequential: outline, then each section in turn", 1);
const results = {
  date: new Date().toISOString(),
  node: process.version,
  fakeServer: { firstTokenMs: FIRST_TOKEN_MS, tokensPerSecond: TOKENS_PER_SECOND },
  example: "examples/china-ai/article.html",
  target: "write wall time ≤ 1.15 × critical path of its LLM calls",
  flows: [parallel, sequential],
  speedup: Number((sequential.writeWallMs / parallel.writeWallMs).toFixed(2)),
};
writeFileSync(join(ROOT, "bench/results/llm.json"), `${JSON.stringify(results, null, 2)}\n`);
console.table(
  results.flows.map((f) => ({
    flow: f.flow,
    "write s": (f.writeWallMs / 1000).toFixed(1),
    "critical path s": (f.criticalPathMs / 1000).toFixed(1),
    "wall/path": f.ratio,
    calls: f.calls,
    "tokens in": f.inputTokens,
    "tokens out": f.outputTokens,
  })),
);
console.log(`parallel is ${results.speedup}× faster than sequential; wrote bench/results/llm.json`);
