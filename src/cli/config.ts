// The only place that reads the environment: turns flags and environment variables into settings.
import { homedir } from "node:os";
import { join } from "node:path";
import { defaultDataDir } from "../adapters/store/sqlite.js";
import { ShirabeError } from "../errors.js";

export interface CommonFlags {
  dataDir?: string;
  allowPrivateNetwork?: boolean;
  cache?: boolean;
  debug?: boolean;
  /** Seconds one fetch may take in all. */
  timeout?: string;
}

export interface Settings {
  dataDir: string;
  storePath: string;
  allowPrivateNetwork: boolean;
  useCache: boolean;
  debug: boolean;
  timeoutMs: number | undefined;
}

export function resolveSettings(flags: CommonFlags, env: NodeJS.ProcessEnv = process.env): Settings {
  const dataDir = flags.dataDir ?? env.SHIRABE_DATA_DIR ?? defaultDataDir(env, homedir());
  return {
    dataDir,
    storePath: join(dataDir, "shirabe.sqlite"),
    allowPrivateNetwork: flags.allowPrivateNetwork === true,
    useCache: flags.cache !== false,
    debug: flags.debug === true || env.SHIRABE_DEBUG === "1",
    timeoutMs: flags.timeout === undefined ? undefined : parseSeconds(flags.timeout),
  };
}

function parseSeconds(value: string): number {
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new ShirabeError(`--timeout ${value}: expected a number of seconds > 0`, {
      code: "bad-option",
      kind: "usage",
      input: value,
    });
  }
  return Math.round(seconds * 1000);
}
