import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: "forks",
    // A test that forgets --data-dir writes to a store of this run, never to the user's own reports.
    env: {
      XDG_DATA_HOME: mkdtempSync(join(tmpdir(), "shirabe-test-data-")),
      XDG_CONFIG_HOME: mkdtempSync(join(tmpdir(), "shirabe-test-config-")),
    },
  },
});
