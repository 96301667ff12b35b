// The offline writing engine: a report built only from source sentences, copied verbatim, each
// citing the passage it was taken from. Same input, same report.
import { ShirabeError } from "../../errors.js";
import { assertSupportedLang, type ReportLabels, reportLabels } from "../../text/labels.js";
import {
  cosine,
  factTerms,
  firstDate,
  opensWithReference,
  sentenceLang,
  similarityTerms,
  speaksAsAuthor,
  termCounts,
} from "../../text/terms.js";
import type { Claim, Draft, Paragraph, Passage, Section, Source } from "../../types.js";
import {
  boundedCandidates,
  type Candidate,
  candidateSentences,
  claimOf,
  compareReading,
} from "./candidates.js";
import { headingKeys, type PhraseIndex, phraseIndex } from "./headings.js";
import {
  blendSimilarity,
  factSimilarity,
  selectMmr,
  similarityMatrix,
  textRank,
  tfidfVectors,
} from "./rank.js";
import { clusterBySimilarity, splitInTwo } from "./themes.js";

export { assertSupportedLang, reportLabels };

export interface ExtractiveInput {
  sources: Source[];
  passages: Passage[];
  /** Report language, BCP 47 ("ja" when omitted). */
  lang?: string;
  /** Sentences in the whole report (default 18). */
  maxSentences?: number;
}

const DEFAULT_MAX_SENTENCES = 18;
const CLAIMS_PER_PARAGRAPH = 4;
/** Score factor for sentences in the report's language and register over foreign quotations. */
const OWN_VOICE_BOOST = 2.5;
/** Score factor for sentences in the report's language quoted for their register (だ/である news style). */
const SAME_LANGUAGE_BOOST = 1.6;
/** Score factor for a sentence that opens by pointing back ("This", 「その」). */
const REFERENCE_PENALTY = 0.3;
/** Score factor for a sentence in its author's voice ("we", 「私たちのチーム」): a report does not say "we". */
const PERSONAL_PENALTY = 0.3;
/** Added to the similarity of two sentences from the same source when forming themes. */
const SAME_SOURCE_AFFINITY = 0.1;
/** Similarity above which a sentence repeats one already chosen. */
const MAX_REDUNDANCY = 0.5;
/** How much a cross-language match of numbers and names counts as similarity. */
const FACT_WEIGHT = 0.8;

export function writeExtractive(input: ExtractiveInput): Draft {
  const lang = assertSupportedLang(input.lang ?? "ja");
  const labels = reportLabels(lang);
  const subject = input.sources.find((s) => s.role === "article") ?? input.sources[0];
  if (!subject) {
    throw new ShirabeError("no sources given to the writer; pass at least the original article", {
      code: "no-sources",
      kind: "usage",
    });
  }
  const maxSentences = input.maxSentences ?? DEFAULT_MAX_SENTENCES;
  const candidates = boundedCandidates(candidateSentences(input.sources, input.passages), subject.id);
  if (candidates.length === 0) {
    throw new ShirabeError(`${subject.input}: no complete sentences to build a report from`, {
      code: "no-sentences",
      kind: "input",
      input: subject.input,
    });
  }
  const texts = candidates.map((c) => c.passage.text);
  const vectors = tfidfVectors(texts.map(similarityTerms));
  const facts = factSimilarity(texts.map(factTerms));
  const textSimilarity = similarityMatrix(vectors);
  const similarity = blendSimilarity(textSimilarity, facts, FACT_WEIGHT);
  const isSubject = candidates.map((c) => c.passage.sourceId === subject.id);
  const languages = candidates.map((c) => sentenceLang(c.passage.text, c.passage.lang));
  // Sentences link mostly to sentences of their own language, so centrality and relevance are only
  // comparable within a language: each is scaled to its language's best before languages compete.
  const centrality = perLanguageShare(textRank(similarity, isSubject), languages);
  // Relevance to the article keeps a cited page's unrelated sentences (sidebars, boilerplate) out.
  const subjectCentroid = termCounts(
    candidates.flatMap((c, i) => (isSubject[i] ? similarityTerms(c.passage.text) : [])),
  );
  const relevance = perLanguageShare(
    vectors.map((v) => cosine(v, subjectCentroid)),
    languages,
  );
  // A report reads best in its own language: sentences it can use in its own voice rank higher, then
  // sentences in its language quoted for their register, then foreign ones.
  const voice = candidates.map((c, i) =>
    !claimOf(c.passage, lang).quotation ? OWN_VOICE_BOOST : languages[i] === lang ? SAME_LANGUAGE_BOOST : 1,
  );
  const standalone = texts.map((text) => !opensWithReference(text));
  const impersonal = texts.map((text) => !speaksAsAuthor(text));
  const scores = centrality.map(
    (rank, i) =>
      rank *
      (0.5 + (relevance[i] as number)) *
      (voice[i] as number) *
      (standalone[i] ? 1 : REFERENCE_PENALTY) *
      (impersonal[i] ? 1 : PERSONAL_PENALTY),
  );
  // "This figure…" or 「また、…」 needs the sentence before it; with enough others it is left out.
  // A passage of two Japanese sentences would need two citations; it is left out too.
  const single = texts.map((text) => !/[。！？][^」』）)]/u.test(text.trim()));
  const fit = standalone.map((ok, i) => ok && (single[i] as boolean));
  const plenty = fit.filter(Boolean).length >= 2 * maxSentences;
  // With few sentences to choose from, a quotation that adds detail to its translation beats leaving a
  // section short; with many, it gives way.
  preferOwnVoice(scores, facts, voice, plenty);
  const chosen = selectMmr(scores, similarity, maxSentences, {
    ...(plenty ? { eligible: fit } : single.some(Boolean) ? { eligible: single } : {}),
    // Stricter than the default: a report states each fact once, even when two sources word it apart.
    // A second wording in another language (shared facts, few shared words) is only a penalty.
    maxRedundancy: MAX_REDUNDANCY,
    blocking: textSimilarity,
  });

  const introCount = chosen.length >= 8 ? 3 : chosen.length >= 3 ? 2 : 1;
  const conclusionCount = chosen.length >= 8 ? 2 : 1;
  const introduction = chosen.slice(0, introCount);
  const rest = chosen.slice(introCount);
  // The conclusion sums up: the remaining sentences closest to everything the report says.
  const overall = termCounts(chosen.flatMap((i) => similarityTerms(candidates[i]?.passage.text ?? "")));
  const conclusion = [...rest]
    .sort(
      (a, b) =>
        cosine(vectors[b] as Map<string, number>, overall) -
          cosine(vectors[a] as Map<string, number>, overall) || rest.indexOf(a) - rest.indexOf(b),
    )
    .slice(0, conclusionCount);
  // With a single sentence it must both open and close the report: both sections are required.
  if (chosen.length === 1) for (const index of introduction) conclusion.push(index);
  const body = rest.filter((i) => !conclusion.includes(i));

  const toClaim = (i: number): Claim => claimOf((candidates[i] as Candidate).passage, lang);
  // Source by source in text order reads as a paragraph; when the sentences tell of dated events they
  // follow the calendar instead; a sentence that points back never opens it.
  const dates = texts.map(firstDate);
  const standaloneFirst = (ordered: number[]) => {
    const opener = ordered.findIndex((i) => standalone[i]);
    return opener > 0 ? [ordered[opener] as number, ...ordered.filter((_, k) => k !== opener)] : ordered;
  };
  const inReadingOrder = (indices: number[]) =>
    standaloneFirst(
      chronological(
        [...indices].sort((a, b) => compareReading(candidates[a] as Candidate, candidates[b] as Candidate)),
        (i) => dates[i] ?? null,
        (i) => (candidates[i] as Candidate).passage.sourceId,
      ),
    );
  const articleTitle = subject.article.title.replace(/\s+/g, " ").trim() || subject.article.url;
  // Sentences of one source tend to share a topic and read well together, so they group a little
  // more readily than their words alone would say.
  const sources = candidates.map((c) => c.passage.sourceId);
  const grouping = similarity.map((row, i) =>
    row.map((value, j) => (i !== j && sources[i] === sources[j] ? value + SAME_SOURCE_AFFINITY : value)),
  );
  // Titles of the cited sources help name themes; the article's own title names the whole report.
  const titled = input.sources.filter((s) => s.id !== subject.id);
  const plans = themeSections(body, {
    similarity,
    grouping,
    phrases: phraseIndex(
      texts,
      titled.map((s) => s.article.title),
    ),
    titleOf: new Map(titled.map((s, i) => [s.id, i])),
    sources,
    languages,
    labels,
    rankOrder: chosen,
  });
  return {
    title: labels.title(articleTitle, sentenceLang(articleTitle, subject.article.lang) === lang),
    // The report opens in its own voice: its own sentences first, then quotations in its language,
    // then foreign ones.
    introduction: paragraphs(
      standaloneFirst(
        inReadingOrder(introduction).sort((a, b) => (voice[b] as number) - (voice[a] as number)),
      ).map(toClaim),
    ),
    sections: plans.map(
      (plan): Section => ({
        heading: plan.heading,
        paragraphs: plan.paragraphs.flatMap((group) => paragraphs(inReadingOrder(group).map(toClaim))),
        subsections: plan.subsections.map((sub) => ({
          heading: sub.heading,
          paragraphs: paragraphs(inReadingOrder(sub.members).map(toClaim)),
        })),
      }),
    ),
    conclusion: paragraphs(inReadingOrder(conclusion).map(toClaim)),
  };
}

function paragraphs(claims: Claim[]): Paragraph[] {
  const result: Paragraph[] = [];
  for (let i = 0; i < claims.length; i += CLAIMS_PER_PARAGRAPH) {
    result.push({ claims: claims.slice(i, i + CLAIMS_PER_PARAGRAPH) });
  }
  return result;
}

interface ThemePlan {
  heading: string;
  paragraphs: number[][];
  subsections: Array<{ heading: string; members: number[] }>;
}

interface ThemeContext {
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
function themeSections(body: number[], context: ThemeContext): ThemePlan[] {
  if (body.length === 0) return [];
  const { grouping, labels, rankOrder } = context;
  const k = body.length >= 12 ? 4 : body.length >= 8 ? 3 : body.length >= 4 ? 2 : 1;
  const rankOf = (i: number) => rankOrder.indexOf(i);
  const bestRank = (group: number[]) => group.reduce((best, i) => Math.min(best, rankOf(i)), Infinity);
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
    const weight = members.reduce((best, m) => Math.max(best, row[m] ?? 0), Number.NEGATIVE_INFINITY);
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

/** Each value as a share of the largest value among sentences of the same language. */
function perLanguageShare(values: number[], languages: string[]): number[] {
  const best = new Map<string, number>();
  for (const [i, value] of values.entries()) {
    const lang = languages[i] as string;
    best.set(lang, Math.max(best.get(lang) ?? 0, value));
  }
  return values.map((value, i) => {
    const top = best.get(languages[i] as string) ?? 0;
    return top > 0 ? value / top : 0;
  });
}

/** Width in full-width characters: a Latin letter or digit takes half the room of a kanji. */
function displayWidth(text: string): number {
  return [...text].reduce((width, char) => width + (/[\x20-\x7e]/.test(char) ? 0.5 : 1), 0);
}

/**
 * Reorders sentences (given in reading order) by the date they name when at least two name one. An
 * undated sentence keeps the date of the sentence before it from the same source, so it stays with
 * the event it explains; undated sentences before any date come first, as background.
 */
function chronological(
  ordered: number[],
  dateOf: (i: number) => number | null,
  sourceOf: (i: number) => string,
): number[] {
  if (ordered.filter((i) => dateOf(i) !== null).length < 2) return ordered;
  const effective = new Map<number, number>();
  const lastBySource = new Map<string, number>();
  for (const i of ordered) {
    const date = dateOf(i) ?? lastBySource.get(sourceOf(i)) ?? Number.NEGATIVE_INFINITY;
    effective.set(i, date);
    if (Number.isFinite(date)) lastBySource.set(sourceOf(i), date);
  }
  return ordered
    .map((i, position) => ({ i, position }))
    .sort(
      (a, b) => (effective.get(a.i) as number) - (effective.get(b.i) as number) || a.position - b.position,
    )
    .map(({ i }) => i);
}

/** Fact similarity from which two sentences in different languages state the same thing. */
const SAME_FACT = 0.5;
/** Score factor for a quotation whose fact a sentence in the report's own voice states. */
const TWIN_DEMOTION = 0.3;
/** An own-voice twin this much weaker than the quotation is too weak a sentence to stand for it. */
const MIN_TWIN_SHARE = 0.25;

/**
 * When a quotation and a sentence in the report's own voice state the same fact (the same numbers and
 * names), the own-voice sentence is scored at least as high as the quotation and the quotation drops
 * far below: a Japanese reader gets 「NVIDIAの株価は一日で17%下がりました」, not the English.
 */
function preferOwnVoice(scores: number[], facts: number[][], voice: number[], demote: boolean): void {
  const original = [...scores];
  for (const [i, row] of facts.entries()) {
    if (voice[i] === OWN_VOICE_BOOST) continue;
    for (const [j, value] of row.entries()) {
      if (value < SAME_FACT || voice[j] !== OWN_VOICE_BOOST) continue;
      const twin = original[j] as number;
      const quote = original[i] as number;
      if (twin < MIN_TWIN_SHARE * quote) continue;
      if (twin < quote) scores[j] = Math.max(scores[j] as number, quote * 1.01);
      if (demote) scores[i] = Math.min(scores[i] as number, Math.min(twin, quote) * TWIN_DEMOTION);
    }
  }
}
