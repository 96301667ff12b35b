// The only place that reads the environment: turns flags and environment variables into settings.
import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { isAbsolute, join } from "node:path";
import { z } from "zod";
import type { BudgetLimits } from "../adapters/llm/budget.js";
import {
  type LlmFileConfig,
  type ModelConfig,
  type ProviderConfig,
  resolveModel,
  resolveProviders,
} from "../adapters/llm/models.js";
import { defaultDataDir } from "../adapters/store/sqlite.js";
import { ShirabeError } from "../errors.js";
import { FLAG_RANGES, parseNumberFlag } from "./number-flags.js";

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
  // The home of the environment given (a test's, a service's), not necessarily this process's.
  const home = env.HOME && isAbsolute(env.HOME) ? env.HOME : homedir();
  const dataDir = flags.dataDir ?? env.SHIRABE_DATA_DIR ?? defaultDataDir(env, home);
  return {
    dataDir,
    storePath: join(dataDir, "shirabe.sqlite"),
    allowPrivateNetwork: flags.allowPrivateNetwork === true,
    useCache: flags.cache !== false,
    debug: flags.debug === true || env.SHIRABE_DEBUG === "1",
    timeoutMs:
      flags.timeout === undefined
        ? undefined
        : Math.round(parseNumberFlag("--timeout", flags.timeout, FLAG_RANGES.timeout) * 1000),
  };
}

/** Flags of the LLM engine (report) and of `shirabe models`. */
export interface LlmFlags {
  model?: string;
  /** provider:model of an embedding model for ranking passages. */
  embedModel?: string;
  config?: string;
  maxCost?: string;
  maxTokens?: string;
}

export interface LlmSettings {
  /** Null when no model is configured: the extractive engine writes the report. */
  model: ModelConfig | null;
  /** Embedding model for ranking passages; null ranks by BM25 alone. */
  embedModel: ModelConfig | null;
  providers: ProviderConfig[];
  /** The config file read, if any. */
  configPath: string | null;
  budget: BudgetLimits;
}

const structuredOutput = z.enum(["json-schema", "json-mode", "prompted"]);
const configFileSchema = z
  .object({
    model: z.string().optional(),
    embedModel: z.string().optional(),
    providers: z
      .record(
        z.string(),
        z
          .object({
            kind: z.enum(["openai-compatible", "anthropic", "google"]).optional(),
            baseURL: z.string().url().optional(),
            keyEnv: z.string().nullable().optional(),
            structuredOutput: structuredOutput.optional(),
            concurrency: z.number().int().min(1).optional(),
          })
          .strict(),
      )
      .optional(),
    models: z
      .record(z.string(), z.object({ structuredOutput: structuredOutput.optional() }).strict())
      .optional(),
    prices: z
      .record(z.string(), z.object({ input: z.number().min(0), output: z.number().min(0) }))
      .optional(),
    maxCost: z.number().positive().optional(),
    maxTokens: z.number().int().positive().optional(),
    search: z
      .object({ provider: z.string(), url: z.string().url().optional(), keyEnv: z.string().optional() })
      .strict()
      .optional(),
  })
  .strict();

/**
 * The model from --model, else SHIRABE_MODEL, else the config file (--config, SHIRABE_CONFIG, or
 * $XDG_CONFIG_HOME/shirabe/config.json when it exists). Keys come only from the environment variables
 * the providers name; they are passed to the adapters and never printed or stored.
 */
export function resolveLlmSettings(flags: LlmFlags, env: NodeJS.ProcessEnv = process.env): LlmSettings {
  const configPath = configFilePath(flags, env);
  const file = configPath ? readConfigFile(configPath) : {};
  const spec = flags.model ?? env.SHIRABE_MODEL ?? file.model;
  const embedSpec = flags.embedModel ?? env.SHIRABE_EMBED_MODEL ?? file.embedModel;
  const maxCost =
    flags.maxCost === undefined
      ? file.maxCost
      : parseNumberFlag("--max-cost", flags.maxCost, FLAG_RANGES.maxCost);
  const maxTokens =
    flags.maxTokens === undefined
      ? file.maxTokens
      : parseNumberFlag("--max-tokens", flags.maxTokens, FLAG_RANGES.maxTokens);
  return {
    model: spec ? resolveModel(spec, file, env) : null,
    embedModel: embedSpec ? resolveEmbedModel(embedSpec, file, env) : null,
    providers: resolveProviders(file, env),
    configPath,
    budget: {
      ...(maxCost !== undefined ? { maxCostUsd: maxCost } : {}),
      ...(maxTokens !== undefined ? { maxTokens: Math.floor(maxTokens) } : {}),
    },
  };
}

/** Resolved like --model; its errors name --embed-model. */
function resolveEmbedModel(spec: string, file: LlmFileConfig, env: NodeJS.ProcessEnv): ModelConfig {
  try {
    return resolveModel(spec, file, env);
  } catch (error) {
    if (!(error instanceof ShirabeError)) throw error;
    throw new ShirabeError(error.message.replace(/^--model /, "--embed-model "), {
      code: error.code,
      kind: error.kind,
      input: spec,
      cause: error,
    });
  }
}

/** --config, else SHIRABE_CONFIG, else $XDG_CONFIG_HOME/shirabe/config.json when it exists. */
function configFilePath(flags: { config?: string }, env: NodeJS.ProcessEnv): string | null {
  const configHome =
    env.XDG_CONFIG_HOME && isAbsolute(env.XDG_CONFIG_HOME)
      ? env.XDG_CONFIG_HOME
      : join(env.HOME ?? homedir(), ".config");
  const implicit = join(configHome, "shirabe", "config.json");
  return flags.config ?? env.SHIRABE_CONFIG ?? (existsSync(implicit) ? implicit : null);
}

export interface SearchFlags {
  search?: string;
  searchUrl?: string;
  config?: string;
}

/** Which web search provider to use; null when none is configured (search is off by default). */
export interface SearchSettings {
  provider: string;
  url?: string;
  apiKey?: string;
}

/** Each provider's usual key variable; SHIRABE_SEARCH_KEY or the config file's keyEnv take precedence. */
const SEARCH_KEY_ENV: Record<string, string> = { tavily: "TAVILY_API_KEY", brave: "BRAVE_API_KEY" };

/**
 * The provider from --search, else SHIRABE_SEARCH, else the config file's "search" section; its URL from
 * --search-url, SHIRABE_SEARCH_URL or the file. Keys come only from the environment.
 */
export function resolveSearchSettings(
  flags: SearchFlags,
  env: NodeJS.ProcessEnv = process.env,
): SearchSettings | null {
  const configPath = configFilePath(flags, env);
  const file = configPath ? readConfigFile(configPath).search : undefined;
  const provider = flags.search ?? env.SHIRABE_SEARCH ?? file?.provider;
  if (!provider) return null;
  const url = flags.searchUrl ?? env.SHIRABE_SEARCH_URL ?? file?.url;
  const keyEnv = file?.keyEnv ?? SEARCH_KEY_ENV[provider];
  const apiKey = env.SHIRABE_SEARCH_KEY ?? (keyEnv ? env[keyEnv] : undefined);
  return { provider, ...(url ? { url } : {}), ...(apiKey ? { apiKey } : {}) };
}

function readConfigFile(path: string): LlmFileConfig & {
  embedModel?: string;
  maxCost?: number;
  maxTokens?: number;
  search?: { provider: string; url?: string; keyEnv?: string };
} {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new ShirabeError(`${path}: cannot read the config file; check --config or SHIRABE_CONFIG`, {
      code: "bad-config",
      kind: "usage",
      input: path,
      cause: error,
    });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ShirabeError(`${path}: the config file is not valid JSON (${(error as Error).message})`, {
      code: "bad-config",
      kind: "usage",
      input: path,
      cause: error,
    });
  }
  const result = configFileSchema.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ShirabeError(
      `${path}: ${issue?.path.join(".") || "config"}: ${issue?.message ?? "invalid"}; see docs/llm.md for the format`,
      { code: "bad-config", kind: "usage", input: path },
    );
  }
  return result.data as LlmFileConfig & {
    embedModel?: string;
    maxCost?: number;
    maxTokens?: number;
    search?: { provider: string; url?: string; keyEnv?: string };
  };
}
