// A run killed mid-way (SIGKILL, as in a crash) must leave the store intact and no partial report.
import { existsSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, expect, it } from "vitest";
import { openStore } from "../../../src/index.js";
import { collect, runCli, spawnCli, tempDir } from "../../support/cli.js";
import { type FixtureSite, startFixtureSite } from "../../support/fixture-site.js";

const EXAMPLE = resolve(import.meta.dirname, "../../../examples/china-ai/article.html");
let site: FixtureSite;

beforeAll(async () => {
  site = await startFixtureSite();
});
afterAll(async () => {
  await site.close();
});

it("keeps earlier reports and writes nothing partial when a run is killed", async () => {
  const dataDir = tempDir();
  const env = { SHIRABE_DATA_DIR: dataDir };
  const first = await runCli(["report", EXAMPLE, "--quiet", "--out", join(dataDir, "first.md")], env);
  expect(first.code).toBe(0);

  const out = join(dataDir, "killed.md");
  const child = spawnCli(
    ["report", EXAMPLE, "--out", out, "--allow-private-network", "--sources", `${site.url}/slow?ms=20000`],
    env,
  );
  const finished = collect(child);
  // Kill once the run is under way: the article is read and sources are being fetched.
  await new Promise<void>((ready) => {
    child.stderr?.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("article:")) ready();
    });
  });
  child.kill("SIGKILL");
  const result = await finished;
  expect(result.code).toBe(-1);

  expect(existsSync(out)).toBe(false);
  expect(readdirSync(dataDir).filter((name) => name.includes("killed"))).toEqual([]);
  const raw = new Database(join(dataDir, "shirabe.sqlite"));
  expect(raw.pragma("integrity_check", { simple: true })).toBe("ok");
  raw.close();
  const store = openStore({ path: join(dataDir, "shirabe.sqlite") });
  try {
    expect(store.listReports()).toHaveLength(1);
  } finally {
    store.close();
  }
});
