// Research with the LLM engine through the real CLI: the model writes the search queries (the fake
// SearXNG receives them), and --embed-model sends passages to the provider's /v1/embeddings.
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runCli, tempDir } from "../support/cli.js";
import { type FakeLlmServer, startFakeLlmServer } from "../support/fake-llm-server.js";
import { type FakeSearchServer, startFakeSearch } from "../support/fake-search.js";
import { scriptedAnswer } from "../support/scripted-model.js";

const EXAMPLE = resolve(import.meta.dirname, "../../examples/china-ai/article.html");
const LLM_QUERY = "DeepSeek 資金調達 梁文鋒";

let llm: FakeLlmServer;
let search: FakeSearchServer;
beforeAll(async () => {
  llm = await startFakeLlmServer({
    responder: (request) => {
      const system = request.messages.find((m) => m.role === "system")?.content ?? "";
      if (system.startsWith("You plan web searches")) {
        return JSON.stringify({ queries: [{ text: LLM_QUERY, lang: "ja" }] });
      }
      return scriptedAnswer(request);
    },
  });
  search = await startFakeSearch("searxng", []);
});
afterAll(async () => {
  await llm.close();
  await search.close();
});
beforeEach(() => {
  llm.requests.length = 0;
  llm.embeddingRequests.length = 0;
  search.received.length = 0;
});

function setup(extra: Record<string, unknown> = {}) {
  const dir = tempDir();
  const config = join(dir, "shirabe.json");
  writeFileSync(
    config,
    JSON.stringify({
      model: "local:fake-model",
      providers: { local: { baseURL: llm.baseURL, keyEnv: null, structuredOutput: "json-mode" } },
      ...extra,
    }),
  );
  return { dir, config, env: { SHIRABE_DATA_DIR: join(dir, "data") } };
}

describe("shirabe report --model --search", () => {
  it("searches with the queries the model wrote", async () => {
    const { config, env } = setup();
    const result = await runCli(
      ["report", EXAMPLE, "--config", config, "--search", "searxng", "--search-url", search.url, "--quiet"],
      env,
    );
    expect(result.code).toBe(0);
    expect(search.received.map((asked) => asked.query)).toEqual([LLM_QUERY]);
    expect(llm.embeddingRequests).toHaveLength(0);
  });

  it("ranks passages with the embedding model named by --embed-model", async () => {
    const { config, env } = setup();
    const result = await runCli(
      ["report", EXAMPLE, "--config", config, "--embed-model", "local:fake-embed", "--quiet"],
      env,
    );
    expect(result.code).toBe(0);
    expect(llm.embeddingRequests.length).toBeGreaterThan(0);
  });

  it("takes the embedding model from the config file, and names --embed-model in its errors", async () => {
    const { config, env } = setup({ embedModel: "local:fake-embed" });
    expect((await runCli(["report", EXAMPLE, "--config", config, "--quiet"], env)).code).toBe(0);
    expect(llm.embeddingRequests.length).toBeGreaterThan(0);

    const bad = await runCli(["report", EXAMPLE, "--config", config, "--embed-model", "nonsense"], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--embed-model nonsense");
  });
});
