// The offline writing engine: a report built only from source sentences, copied verbatim, each
// citing the passage it was taken from. Same input, same report.
import { ShirabeError } from "../../errors.js";
import { assertSupportedLang, type ReportLabels, reportLabels } from "../../text/labels.js";
import { cosine, sentenceLang, similarityTerms, termCounts } from "../../text/terms.js";
import type { Claim, Draft, Paragraph, Passage, Section, Source } from "../../types.js";
import {
  boundedCandidates,
  type Candidate,
  candidateSentences,
  claimOf,
  compareReading,
} from "./candidates.js";
import { selectMmr, similarityMatrix, textRank, tfidfVectors } from "./rank.js";
import { clusterBySimilarity, headingTerms, splitInTwo, type TermStats, termStats } from "./themes.js";

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
/** Score factor for sentences in the report's language and register over quoted ones. */
const OWN_VOICE_BOOST = 2;

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
  const candidates = boundedCandidates(candidateSentences(input.sources, input.passages), subject.id);
  if (candidates.length === 0) {
    throw new ShirabeError(`${subject.input}: no complete sentences to build a report from`, {
      code: "no-sentences",
      kind: "input",
      input: subject.input,
    });
  }
  const vectors = tfidfVectors(candidates.map((c) => similarityTerms(c.passage.text)));
  const similarity = similarityMatrix(vectors);
  const isSubject = candidates.map((c) => c.passage.sourceId === subject.id);
  const centrality = textRank(similarity, isSubject);
  // Relevance to the article keeps a cited page's unrelated sentences (sidebars, boilerplate) out.
  const subjectCentroid = termCounts(
    candidates.flatMap((c, i) => (isSubject[i] ? similarityTerms(c.passage.text) : [])),
  );
  // A report reads best in its own language: sentences it can use in its own voice rank higher.
  const ownVoice = candidates.map((c) => !claimOf(c.passage, lang).quotation);
  const scores = centrality.map(
    (rank, i) =>
      rank *
      (0.5 + cosine(vectors[i] as Map<string, number>, subjectCentroid)) *
      (ownVoice[i] ? OWN_VOICE_BOOST : 1),
  );
  const chosen = selectMmr(scores, similarity, input.maxSentences ?? DEFAULT_MAX_SENTENCES);

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
  if (chosen.length === 1) conclusion.push(...introduction);
  const body = rest.filter((i) => !conclusion.includes(i));

  const toClaim = (i: number): Claim => claimOf((candidates[i] as Candidate).passage, lang);
  const inReadingOrder = (indices: number[]) =>
    [...indices].sort((a, b) => compareReading(candidates[a] as Candidate, candidates[b] as Candidate));
  const stats = termStats(candidates.map((c) => c.passage.text));
  const articleTitle = subject.article.title.replace(/\s+/g, " ").trim() || subject.article.url;
  return {
    title: labels.title(articleTitle, sentenceLang(articleTitle, subject.article.lang) === lang),
    introduction: paragraphs(inReadingOrder(introduction).map(toClaim)),
    sections: themeSections(body, similarity, candidates, stats, labels, lang, chosen).map(
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

/** 2–4 themes (fewer for few sentences), most central theme first; large themes get two sub-themes. */
function themeSections(
  body: number[],
  similarity: number[][],
  candidates: Candidate[],
  stats: TermStats,
  labels: ReportLabels,
  lang: string,
  rankOrder: number[],
): ThemePlan[] {
  if (body.length === 0) return [];
  const k = body.length >= 12 ? 4 : body.length >= 8 ? 3 : body.length >= 4 ? 2 : 1;
  const rankOf = (i: number) => rankOrder.indexOf(i);
  const bestRank = (group: number[]) => Math.min(...group.map(rankOf));
  const groups = clusterBySimilarity(
    [...body].sort((a, b) => a - b),
    similarity,
    k,
  ).sort((a, b) => bestRank(a) - bestRank(b));
  // Japanese and Chinese reports name themes with kanji/katakana terms when the sentences have them.
  const cjk = lang === "ja" || lang === "zh";
  const used = new Set<string>();
  const textsOf = (group: number[]) => group.map((i) => (candidates[i] as Candidate).passage.text);
  return groups.map((group, index) => {
    const terms = headingTerms(textsOf(group), stats, { cjk, used, count: 2 });
    const heading = terms.length > 0 ? joinTerms(terms, labels) : labels.theme(index + 1);
    const halves = group.length >= 4 ? splitInTwo(group, similarity) : [group];
    if (halves.length < 2) return { heading, paragraphs: [group], subsections: [] };
    const subsections = halves
      .sort((a, b) => bestRank(a) - bestRank(b))
      .map((members, subIndex) => {
        const subTerms = headingTerms(textsOf(members), stats, { cjk, used, count: 1 });
        return {
          heading: subTerms.length > 0 ? joinTerms(subTerms, labels) : `${heading} ${subIndex + 1}`,
          members,
        };
      });
    return { heading, paragraphs: [], subsections };
  });
}

function joinTerms(terms: string[], labels: ReportLabels): string {
  const shown = labels.lang === "ja" ? terms : terms.map((t) => t.charAt(0).toUpperCase() + t.slice(1));
  return shown.join(labels.termJoiner);
}
