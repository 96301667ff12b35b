// Shared by the commands: the I/O they write to and the adapters they build from settings.
import { mkdirSync } from "node:fs";
import { createHttpClient } from "../adapters/http/index.js";
import { openStore, type SqliteStore } from "../adapters/store/sqlite.js";
import { ShirabeError } from "../errors.js";
import type { HttpClient } from "../ports/http.js";
import type { Settings } from "./config.js";
import type { CliIo } from "./io.js";

export interface CommandContext {
  io: CliIo;
  /** Keeps the worst exit code seen, for commands that report several inputs. */
  setExitCode(code: number): void;
}

export function buildHttpClient(settings: Settings): HttpClient {
  return createHttpClient({
    allowPrivateNetwork: settings.allowPrivateNetwork,
    ...(settings.timeoutMs ? { totalTimeoutMs: settings.timeoutMs } : {}),
  });
}

export function openSettingsStore(settings: Settings): SqliteStore {
  try {
    mkdirSync(settings.dataDir, { recursive: true });
  } catch (error) {
    throw new ShirabeError(
      `${settings.dataDir}: cannot create the data directory; choose another with --data-dir`,
      {
        code: "data-dir",
        kind: "store",
        input: settings.dataDir,
        cause: error,
      },
    );
  }
  return openStore({ path: settings.storePath });
}
