// The report command's research flags (web search, the local corpus, languages, source limits and
// politeness) turned into the pipeline's ResearchOptions.
import { createSearchProvider } from "../adapters/search/index.js";
import { type Corpus, openCorpus } from "../adapters/store/corpus-store.js";
import { ShirabeError } from "../errors.js";
import type { ResearchOptions } from "../index.js";
import { resolveSearchSettings, type SearchFlags, type Settings } from "./config.js";

export interface ResearchFlags extends SearchFlags {
  corpus?: boolean;
  sourceLangs?: string;
  maxSources?: string;
  since?: string;
  ignoreRobots?: boolean;
}

/** The research options for one run, and a close() for the corpus it opened. */
export function openResearch(
  flags: ResearchFlags,
  settings: Settings,
  env: NodeJS.ProcessEnv,
): { research: ResearchOptions; close(): void } {
  const search = resolveSearchSettings(flags, env);
  const since = flags.since === undefined ? undefined : parseDate(flags.since);
  const maxSources = flags.maxSources === undefined ? undefined : parseCount(flags.maxSources);
  const sourceLangs = flags.sourceLangs
    ?.split(",")
    .map((tag) => tag.trim().toLowerCase())
    .filter(Boolean);
  const corpus: Corpus | null = flags.corpus ? openCorpus({ path: settings.storePath }) : null;
  return {
    research: {
      robots: flags.ignoreRobots !== true,
      ...(search ? { search: createSearchProvider(search) } : {}),
      ...(corpus ? { corpus } : {}),
      ...(sourceLangs && sourceLangs.length > 0 ? { sourceLangs } : {}),
      ...(maxSources !== undefined ? { maxSources } : {}),
      ...(since ? { since } : {}),
    },
    close: () => corpus?.close(),
  };
}

function parseDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new ShirabeError(`--since ${value}: expected a date like 2025-01-31`, {
      code: "bad-option",
      kind: "usage",
      input: value,
    });
  }
  return value;
}

function parseCount(value: string): number {
  const count = Number(value);
  if (!Number.isInteger(count) || count < 0) {
    throw new ShirabeError(`--max-sources ${value}: expected a whole number ≥ 0`, {
      code: "bad-option",
      kind: "usage",
      input: value,
    });
  }
  return count;
}
