// `shirabe serve` as a real process: it serves the same store as the other commands, refuses a public
// address without SHIRABE_TOKEN, requires the token it was given, and stops cleanly on SIGTERM.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { collect, runCli, servedUrl, spawnCli, tempDir } from "../support/cli.js";
import { startFakeLlmServer } from "../support/fake-llm-server.js";
import { writeFakeModelConfig } from "../support/fake-model-config.js";
import { startFixtureSite } from "../support/fixture-site.js";
import { scriptedAnswer } from "../support/scripted-model.js";
import { finished, postJson } from "../support/test-server.js";

/** Resolves with the URL the server printed on stderr. */

describe("shirabe serve", () => {
  it("refuses a non-loopback address without SHIRABE_TOKEN, as a usage error", async () => {
    const result = await runCli(["serve", "--host", "0.0.0.0", "--port", "0", "--data-dir", tempDir()]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("SHIRABE_TOKEN");
  });

  it("serves the store of its --data-dir, honours the token, and exits 0 on SIGTERM", async () => {
    const dataDir = tempDir();
    const token = "serve-test-token-7c1d";
    const child = spawnCli(["serve", "--port", "0", "--data-dir", dataDir], { SHIRABE_TOKEN: token });
    const finished = collect(child);
    const url = await servedUrl(child);
    expect((await fetch(`${url}/api/reports`)).status).toBe(401);
    const listed = await fetch(`${url}/api/reports`, { headers: { authorization: `Bearer ${token}` } });
    expect(listed.status).toBe(200);
    expect((await listed.json()).reports).toEqual([]);
    child.kill("SIGTERM");
    const result = await finished;
    expect(result.code).toBe(0);
    expect(result.stderr).not.toContain(token);
  });
});

describe("shirabe serve on a port in use, and after a kill -9", () => {
  it("says the port is taken and exits 2, instead of an unexpected error", async () => {
    const holder = createServer();
    await new Promise<void>((done) => holder.listen(0, "127.0.0.1", done));
    const { port } = holder.address() as AddressInfo;
    try {
      const result = await runCli(["serve", "--port", String(port), "--data-dir", tempDir()]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`port ${port}`);
      expect(result.stderr).toContain("taken");
      expect(result.stderr).not.toContain("unexpected");
    } finally {
      holder.close();
    }
  });

  it("removes the uploads a killed server left in the temp folder when it starts", async () => {
    // A server process killed while it held an upload: its folder names its (now dead) process id.
    const dead = spawnSync(process.execPath, ["-e", "process.pid"]).pid as number;
    const left = join(tmpdir(), `shirabe-upload-${dead}-leftover`);
    mkdirSync(left, { recursive: true });
    writeFileSync(join(left, "article.html"), "<p>uploaded before the kill</p>");
    const child = spawnCli(["serve", "--port", "0", "--data-dir", tempDir()]);
    const done = collect(child);
    try {
      await servedUrl(child);
      expect(existsSync(left)).toBe(false);
    } finally {
      child.kill("SIGTERM");
      await done;
    }
  });
});

describe("shirabe serve with a configured model", () => {
  it("offers it as the llm engine, writes with it, and keeps the key out of answers and files", async () => {
    const key = "sk-serve-test-NEVER-ECHO-9911";
    const llm = await startFakeLlmServer({ responder: scriptedAnswer });
    const site = await startFixtureSite();
    const dir = tempDir();
    const config = writeFakeModelConfig(dir, llm.baseURL, {
      config: { prices: { "local:fake-model": { input: 1, output: 2 } } },
    });
    const dataDir = join(dir, "data");
    const child = spawnCli(
      [
        "serve",
        "--port",
        "0",
        "--data-dir",
        dataDir,
        "--allow-private-network",
        "--config",
        config,
        "--model",
        "local:fake-model",
      ],
      { LOCAL_LLM_KEY: key },
    );
    const done = collect(child);
    try {
      const url = await servedUrl(child);
      const server = { url, fetch: (path: string, init?: RequestInit) => fetch(`${url}${path}`, init) };
      const refused = await postJson(server, {
        url: `${site.url}/pages/report-article`,
        engine: "llm",
        model: "other:model",
      });
      expect(refused.body.error.code).toBe("model-not-available");
      const created = await postJson(server, {
        url: `${site.url}/pages/report-article`,
        lang: "ja",
        engine: "llm",
        model: "local:fake-model",
      });
      expect(created.status).toBe(202);
      const events = await finished(server, created.body.id);
      expect(events.at(-1)?.data.type).toBe("done");
      const body = await (await fetch(`${url}/api/reports/${created.body.id}`)).json();
      expect(body.report.engine).toMatch(/^llm/);
      expect(llm.requests.length).toBeGreaterThan(0);
      expect(JSON.stringify(body)).not.toContain(key);
    } finally {
      child.kill("SIGTERM");
      await done;
      await site.close();
      await llm.close();
    }
    const files = readdirSync(dataDir, { recursive: true, withFileTypes: true }).filter((entry) =>
      entry.isFile(),
    );
    for (const file of files)
      expect(readFileSync(join(file.parentPath, file.name)).toString("latin1")).not.toContain(key);
    expect((await done).stderr).not.toContain(key);
  });
});
