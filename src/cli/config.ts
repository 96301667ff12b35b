// The only place that reads the environment: turns flags and environment variables into settings.
import { homedir } from "node:os";
import { join } from "node:path";
import { defaultDataDir } from "../adapters/store/sqlite.js";

export interface CommonFlags {
  dataDir?: string;
  allowPrivateNetwork?: boolean;
  cache?: boolean;
  debug?: boolean;
}

export interface Settings {
  dataDir: string;
  storePath: string;
  allowPrivateNetwork: boolean;
  useCache: boolean;
  debug: boolean;
}

export function resolveSettings(flags: CommonFlags, env: NodeJS.ProcessEnv = process.env): Settings {
  const dataDir = flags.dataDir ?? env.SHIRABE_DATA_DIR ?? defaultDataDir(env, homedir());
  return {
    dataDir,
    storePath: join(dataDir, "shirabe.sqlite"),
    allowPrivateNetwork: flags.allowPrivateNetwork === true,
    useCache: flags.cache !== false,
    debug: flags.debug === true || env.SHIRABE_DEBUG === "1",
  };
}
