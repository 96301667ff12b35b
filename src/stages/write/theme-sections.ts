// Theme sections of the extractive report: the body's sentences grouped by similarity into 2–4 themes
// (large ones split in two), each named by a phrase its sentences share and its siblings do not.

import type { ReportLabels } from "../../text/labels.js";
import { largest } from "../../text/numbers.js";
import { headingKeys, type PhraseIndex } from "./headings.js";
import { clusterBySimilarity, splitInTwo } from "./themes.js";

export interface ThemePlan {
  heading: string;
  paragraphs: number[][];
  subsections: Array<{ heading: string; members: number[] }>;
}

export interface ThemeContext {
  /** Source id of each candidate sentence. */
  sources: string[];
  /** Index of a cited source's title in the phrase index. */
  titleOf: Map<string, number>;
  similarity: number[][];
  /** Similarity for forming themes. */
  grouping: number[][];
  phrases: PhraseIndex;
  /** Language of each candidate sentence. */
  languages: string[];
  labels: ReportLabels;
  /** Chosen sentences, best first. */
  rankOrder: number[];
}

/** Neighbouring sentences in the report's language weaker than this say something else. */
const MIN_NEIGHBOUR_SIMILARITY = 0.25;
const MAX_NEIGHBOURS = 6;
/** Characters of a Japanese or Chinese heading built from two phrases. */
const MAX_CJK_HEADING = 16;

/** 2–4 themes (fewer for few sentences), most central theme first; large themes get two sub-themes. */
export function themeSections(body: number[], context: ThemeContext): ThemePlan[] {
  if (body.length === 0) return [];
  const { grouping, labels, rankOrder } = context;
  const k = body.length >= 12 ? 4 : body.length >= 8 ? 3 : body.length >= 4 ? 2 : 1;
  const rankOf = (i: number) => rankOrder.indexOf(i);
  const bestRank = (group: number[]) =>
    group.reduce((best, i) => Math.min(best, rankOf(i)), Number.POSITIVE_INFINITY);
  const groups = clusterBySimilarity(
    [...body].sort((a, b) => a - b),
    grouping,
    k,
  ).sort((a, b) => bestRank(a) - bestRank(b));
  const used = new Set<string>();
  const headings = new Set<string>();
  const cjk = labels.lang === "ja" || labels.lang === "zh";
  const name = (members: number[], others: number[], parent: string[], fallback: string) => {
    const request = {
      members,
      others,
      neighbours: neighbours(members, context),
      titles: titles(members, context),
      cjk,
      used,
      parent,
      maxTerms: 2,
    };
    let keys = headingKeys(context.phrases, request);
    // A sub-theme whose every phrase is in its theme's heading is named by one of those phrases alone.
    if (keys.length === 0 && parent.length > 0) {
      const free = new Set([...used].filter((key) => !parent.includes(key)));
      keys = headingKeys(context.phrases, { ...request, used: free, parent: [], maxTerms: 1 });
    }
    const heading =
      keys.length > 0
        ? joinTerms(
            keys.map(
              (key) =>
                (cjk ? context.phrases.japaneseDisplay.get(key) : undefined) ??
                context.phrases.display.get(key) ??
                key,
            ),
            labels,
          )
        : fallback;
    for (const key of keys) used.add(key);
    // Two sections under one title would read as a mistake; the numbered fallback is always unique.
    const unique = headings.has(heading) ? fallback : heading;
    headings.add(unique);
    return { heading: unique, keys };
  };
  return groups.map((group, index) => {
    const others = body.filter((i) => !group.includes(i));
    const theme = name(group, others, [], labels.theme(index + 1));
    const halves = group.length >= 4 ? splitInTwo(group, grouping) : [group];
    if (halves.length < 2) return { heading: theme.heading, paragraphs: [group], subsections: [] };
    const subsections = halves
      .sort((a, b) => bestRank(a) - bestRank(b))
      .map((members, subIndex) => {
        // A sub-theme is told apart from its sibling first of all (its sentences count twice in the
        // contrast), and never repeats its theme's terms.
        const sibling = group.filter((i) => !members.includes(i));
        const sub = name(
          members,
          [...sibling, ...sibling, ...others],
          theme.keys,
          `${theme.heading} ${subIndex + 1}`,
        );
        return { heading: sub.heading, members };
      });
    return { heading: theme.heading, paragraphs: [], subsections };
  });
}

/**
 * Sentences of the report's language, outside the group, that state its facts: an English group in a
 * Japanese report can then be titled with the Japanese sources' words for the same things.
 */
function neighbours(members: number[], context: ThemeContext): Array<{ index: number; weight: number }> {
  const lang = context.labels.lang;
  const found: Array<{ index: number; weight: number }> = [];
  for (const [index, row] of context.similarity.entries()) {
    if (members.includes(index) || context.languages[index] !== lang) continue;
    const weight = largest(members.map((m) => row[m] ?? 0));
    if (weight >= MIN_NEIGHBOUR_SIMILARITY) found.push({ index, weight });
  }
  return found.sort((a, b) => b.weight - a.weight || a.index - b.index).slice(0, MAX_NEIGHBOURS);
}

/** The titles of the sources a group's sentences come from, weighted by each source's share of them. */
function titles(members: number[], context: ThemeContext): Array<{ index: number; weight: number }> {
  const counts = new Map<number, number>();
  for (const member of members) {
    const title = context.titleOf.get(context.sources[member] as string);
    if (title !== undefined) counts.set(title, (counts.get(title) ?? 0) + 1);
  }
  return [...counts].map(([index, count]) => ({ index, weight: count / members.length }));
}

/** 「DeepSeek-R1と蒸留モデル」, "Export controls and H800": a short title from one or two phrases. */
function joinTerms(terms: string[], labels: ReportLabels): string {
  const [first = "", ...rest] = terms;
  if (labels.lang === "ja" || labels.lang === "zh") {
    const joined = [first, ...rest].join(labels.lang === "ja" ? "と" : "和");
    // A heading is read at a glance: past this width the first phrase alone says it better.
    return displayWidth(joined) <= MAX_CJK_HEADING ? joined : first;
  }
  const capitalized = first.charAt(0).toUpperCase() + first.slice(1);
  return [capitalized, ...rest].join(labels.termJoiner);
}

/** Width in full-width characters: a Latin letter or digit takes half the room of a kanji. */
function displayWidth(text: string): number {
  return [...text].reduce((width, char) => width + (/[\x20-\x7e]/.test(char) ? 0.5 : 1), 0);
}
