// `shirabe serve` as a real process: it serves the same store as the other commands, refuses a public
// address without SHIRABE_TOKEN, requires the token it was given, and stops cleanly on SIGTERM.
import { describe, expect, it } from "vitest";
import { collect, runCli, spawnCli, tempDir } from "../support/cli.js";

/** Resolves with the URL the server printed on stderr. */
function servedUrl(child: ReturnType<typeof spawnCli>): Promise<string> {
  return new Promise((done, fail) => {
    let seen = "";
    child.stderr?.on("data", (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /serving on (http:\/\/\S+?)\/ /.exec(seen);
      if (match) done(match[1] as string);
    });
    child.on("close", () => fail(new Error(`serve exited early: ${seen}`)));
  });
}

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
