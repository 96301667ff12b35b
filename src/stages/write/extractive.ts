// The offline writing engine: a report built only from source sentences, copied verbatim, each
// citing the passage it was taken from. Same input, same report. Candidates are scored
// (score-sentences.ts), picked (MMR), allotted to the introduction, themes and conclusion here, put in
// reading order (order-sentences.ts) and grouped under named themes (theme-sections.ts).
import { ShirabeError } from "../../errors.js";
import { assertSupportedLang, reportLabels } from "../../text/labels.js";
import { sentenceLang } from "../../text/language.js";
import { cosine, similarityTerms, termCounts } from "../../text/terms.js";
import type { Claim, Draft, Passage, Section, Source } from "../../types.js";
import {
  boundedCandidates,
  type Candidate,
  candidateSentences,
  claimOf,
  compareReading,
} from "./candidates.js";
import { phraseIndex } from "./headings.js";
import { chronological, paragraphs } from "./order-sentences.js";
import { selectMmr } from "./rank-sentences.js";
import { scoreSentences } from "./score-sentences.js";
import { firstDate } from "./sentence-facts.js";
import { themeSections } from "./theme-sections.js";

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
/** Added to the similarity of two sentences from the same source when forming themes. */
const SAME_SOURCE_AFFINITY = 0.1;
/** Similarity above which a sentence repeats one already chosen. */
const MAX_REDUNDANCY = 0.5;

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
  const { texts, vectors, textSimilarity, similarity, languages, voice, standalone, eligible, scores } =
    scoreSentences(candidates, subject.id, lang, maxSentences);
  const chosen = selectMmr(scores, similarity, maxSentences, {
    ...(eligible ? { eligible } : {}),
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
  if (chosen.length === 1) conclusion.push(introduction[0] as number);
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
