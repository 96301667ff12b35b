// Script-aware terms shared by the writer, the ranking, the verifier and claim support. Similarity uses
// word tokens for Latin-script text and character bigrams for CJK runs, so a Japanese and an English
// sentence about "DeepSeek" or "2025" still share terms; numbers and names are compared by value.

import { SCALE } from "./claim-anchors.js";

const CJK = "\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}ー々〆";
const RUNS = new RegExp(`[${CJK}]+|[^${CJK}\\s\\p{P}\\p{S}]+`, "gu");
const CJK_RUN = new RegExp(`^[${CJK}]`, "u");
const HIRAGANA_ONLY = /^[\p{Script=Hiragana}ー]+$/u;

/** Frequent English words that carry no topic. */
const STOPWORDS = new Set(
  (
    "a an and are as at be been but by can could did do does for from had has have he her his how i if in into is " +
    "it its itself may might more most not of on or our over said says she should so some such than that the their " +
    "them then there these they this those through to too under up us was we were what when where which while who " +
    "whom why will with would you your also about after against all any before between both each few further " +
    "here just now only other own same very one two new according year years fewer less many much first last"
  ).split(" "),
);

/** True for a frequent English word that carries no topic ("the", "said", "year"); `word` lower-cased. */
export function isEnglishStopword(word: string): boolean {
  return STOPWORDS.has(word);
}

/** Unicode-normalized, lower-cased text: full-width digits and letters become ASCII. */
export function foldText(text: string): string {
  return text.normalize("NFKC").toLowerCase();
}

/** Terms for similarity: content words of Latin-script runs, character bigrams of CJK runs. */
export function similarityTerms(text: string): string[] {
  const terms: string[] = [];
  for (const [run] of foldText(text).matchAll(RUNS)) {
    if (CJK_RUN.test(run)) {
      const chars = [...run];
      if (chars.length === 1 && !HIRAGANA_ONLY.test(run)) terms.push(run);
      for (let i = 0; i + 1 < chars.length; i++) {
        const bigram = `${chars[i]}${chars[i + 1]}`;
        if (!HIRAGANA_ONLY.test(bigram)) terms.push(bigram);
      }
    } else if ((run.length > 1 || /\d/.test(run)) && !STOPWORDS.has(run)) {
      terms.push(run.length > 3 && run.endsWith("s") && !run.endsWith("ss") ? run.slice(0, -1) : run);
    }
  }
  return terms;
}

export type TermVector = Map<string, number>;

export function termCounts(terms: string[]): TermVector {
  const counts: TermVector = new Map();
  for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}

export function cosine(a: TermVector, b: TermVector): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (const [term, weight] of a) {
    normA += weight * weight;
    const other = b.get(term);
    if (other !== undefined) dot += weight * other;
  }
  for (const weight of b.values()) normB += weight * weight;
  return normA === 0 || normB === 0 ? 0 : dot / Math.sqrt(normA * normB);
}

/**
 * The numbers of a text as plain values, so that a translation can be compared with its source:
 * full-width digits folded, thousands separators removed, and a following scale word applied
 * ("560万" and "5.6 million" are both 5600000).
 */
export function numbersIn(text: string): string[] {
  const folded = text.normalize("NFKC").replace(/(\d),(?=\d{3}\b)/g, "$1");
  return [
    ...folded.matchAll(/(\d+(?:\.\d+)?)\s*(千|万|億|兆|thousand\b|million\b|billion\b|trillion\b)?/gi),
  ].map(([, digits, scale]) => {
    const factor = scale ? SCALE[scale.toLowerCase()] : undefined;
    return factor ? String(Math.round(Number(digits) * factor)) : (digits as string);
  });
}
