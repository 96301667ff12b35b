// Scoring for the extractive writer: how central, relevant and usable in the report's own voice each
// candidate sentence is, and which sentences state the same thing (in any language).
import { sentenceLang } from "../../text/language.js";
import { cosine, similarityTerms, type TermVector, termCounts } from "../../text/terms.js";
import { type Candidate, claimOf } from "./candidates.js";
import {
  blendSimilarity,
  factSimilarity,
  similarityMatrix,
  textRank,
  tfidfVectors,
} from "./rank-sentences.js";
import { factTerms } from "./sentence-facts.js";
import { opensWithReference, speaksAsAuthor } from "./sentence-voice.js";

/** Score factor for sentences in the report's language and register over foreign quotations. */
const OWN_VOICE_BOOST = 2.5;
/** Score factor for sentences in the report's language quoted for their register (だ/である news style). */
const SAME_LANGUAGE_BOOST = 1.6;
/** Score factor for a sentence that opens by pointing back ("This", 「その」). */
const REFERENCE_PENALTY = 0.3;
/** Score factor for a sentence in its author's voice ("we", 「私たちのチーム」): a report does not say "we". */
const PERSONAL_PENALTY = 0.3;
/** How much a cross-language match of numbers and names counts as similarity. */
const FACT_WEIGHT = 0.8;

export interface SentenceScores {
  texts: string[];
  vectors: TermVector[];
  /** Word similarity: what makes a second sentence a repetition. */
  textSimilarity: number[][];
  /** Word or fact similarity, whichever is higher: sentences about the same thing in any language. */
  similarity: number[][];
  /** Language of each sentence. */
  languages: string[];
  /** Voice factor: higher for sentences the report can say in its own voice, then in its language. */
  voice: number[];
  /** Sentences that do not lean on the one before them. */
  standalone: boolean[];
  /** Sentences the writer may pick (stand-alone single sentences when there are plenty), if restricted. */
  eligible: boolean[] | undefined;
  scores: number[];
}

/** Scores the candidates of a report in `lang` whose article is `subjectId`, for picking `maxSentences`. */
export function scoreSentences(
  candidates: Candidate[],
  subjectId: string,
  lang: string,
  maxSentences: number,
): SentenceScores {
  const texts = candidates.map((c) => c.passage.text);
  const vectors = tfidfVectors(texts.map(similarityTerms));
  const facts = factSimilarity(texts.map(factTerms));
  const textSimilarity = similarityMatrix(vectors);
  const similarity = blendSimilarity(textSimilarity, facts, FACT_WEIGHT);
  const isSubject = candidates.map((c) => c.passage.sourceId === subjectId);
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
  return {
    texts,
    vectors,
    textSimilarity,
    similarity,
    languages,
    voice,
    standalone,
    eligible: plenty ? fit : single.some(Boolean) ? single : undefined,
    scores,
  };
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

/** Fact similarity from which two sentences in different languages or registers state the same thing. */
const SAME_FACT = 0.5;
/** Score factor for a quotation whose fact a sentence nearer the report's voice states. */
const TWIN_DEMOTION = 0.3;
/** A twin this much weaker than the quotation is too weak a sentence to stand for it. */
const MIN_TWIN_SHARE = 0.25;

/**
 * Target language first: when two sentences state the same fact (the same numbers and names), the one
 * nearer the report's voice — its own voice, then its language in another register, then another
 * language — is scored at least as high as the other, and with plenty to choose from the other drops far
 * below. A Japanese reader gets 「NVIDIAの株価は一日で17%下がりました」, not the English; an English
 * reader gets the English source's sentence, not the Japanese one.
 */
function preferOwnVoice(scores: number[], facts: number[][], voice: number[], demote: boolean): void {
  const original = [...scores];
  for (const [i, row] of facts.entries()) {
    for (const [j, value] of row.entries()) {
      if (value < SAME_FACT || (voice[j] as number) <= (voice[i] as number)) continue;
      const twin = original[j] as number;
      const quote = original[i] as number;
      if (twin < MIN_TWIN_SHARE * quote) continue;
      if (twin < quote) scores[j] = Math.max(scores[j] as number, quote * 1.01);
      if (demote) scores[i] = Math.min(scores[i] as number, Math.min(twin, quote) * TWIN_DEMOTION);
    }
  }
}
