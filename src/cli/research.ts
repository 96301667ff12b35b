// The report command's research flags (web search, the local corpus, languages, source limits and
// politeness) turned into the pipeline's ResearchOptions.
import { createSearchProvider } from "../adapters/search/index.js";
import { type Corpus, openCorpus } from "../adapters/store/corpus.js";
import { ShirabeError } from "../errors.js";
import type { Politeness, ResearchOptions } from "../index.js";
import { resolveSearchSettings, type SearchFlags, type Settings } from "./config.js";
import { FLAG_RANGES, parseNumberFlag } from "./number-flags.js";

export interface ResearchFlags extends SearchFlags {
  corpus?: boolean;
  sourceLangs?: string;
  maxSources?: string;
  since?: string;
  ignoreRobots?: boolean;
}

/** The research options for one run, how its sources are fetched, and a close() for the corpus it opened. */
export function openResearch(
  flags: ResearchFlags,
  settings: Settings,
  env: NodeJS.ProcessEnv,
): { research: ResearchOptions; politeness: Politeness; close(): void } {
  const search = resolveSearchSettings(flags, env);
  const since = flags.since === undefined ? undefined : parseDate(flags.since);
  const maxSources =
    flags.maxSources === undefined
      ? undefined
      : parseNumberFlag("--max-sources", flags.maxSources, FLAG_RANGES.maxSources);
  const sourceLangs = flags.sourceLangs
    ?.split(",")
    .map((tag) => tag.trim().toLowerCase())
    .filter(Boolean);
  const corpus: Corpus | null = flags.corpus ? openCorpus({ path: settings.storePath }) : null;
  return {
    politeness: { robots: flags.ignoreRobots !== true },
    research: {
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
