// A corpus query as the user types it, turned into what the store matches: quoted phrases (required),
// and terms (optional; more of them rank higher). Text is folded the way passages are stored; English
// words are cut to a stem so "investment" finds "invest" and "centres" finds "centre"; Japanese and
// Chinese are split where kana and particles end words, and long runs into overlapping trigrams, the
// unit the full-text index stores.
import { isEnglishStopword } from "../../text/terms.js";

/** The trigram tokenizer indexes runs of 3 characters; shorter strings cannot use the index. */
export const TRIGRAM = 3;
/** More terms than this add time, not precision: a pasted paragraph is cut here. */
const MAX_TERMS = 32;

export interface QueryTerm {
  /** As the user wrote it (folded), for showing why a passage matched. */
  text: string;
  /** What a passage's folded text must contain. */
  match: string;
  /** Latin-script term: a match is shown as the whole word it is part of. */
  word: boolean;
}

export interface CorpusQuery {
  /** Quoted phrases: each must occur in a passage, as written. */
  phrases: QueryTerm[];
  /** Words and CJK pieces: a passage with more of them, more often, ranks higher. */
  terms: QueryTerm[];
}

/** The form both passages and queries are matched in: full-width ASCII to half-width, lower case. */
export function foldForSearch(text: string): string {
  return text.normalize("NFKC").toLowerCase();
}

const CJK_RUN = /[\p{Script=Han}\p{Script=Katakana}ー々〆\p{Script=Hangul}]+/gu;
/** Chinese characters that are grammar, not topic, between words of a natural query. */
const CHINESE_PARTICLES = /[的了吗呢吧是在和与及把被对从向]/gu;

export function parseCorpusQuery(query: string): CorpusQuery {
  const folded = foldForSearch(query);
  const phrases: QueryTerm[] = [];
  const rest = folded.replace(/"([^"]*)"|“([^”]*)”|「([^」]*)」/gu, (_, a, b, c) => {
    const phrase = String(a ?? b ?? c ?? "")
      .replace(/\s+/g, " ")
      .trim();
    if (phrase) phrases.push({ text: phrase, match: phrase, word: false });
    return " ";
  });
  const terms: QueryTerm[] = [];
  for (const [run] of rest.matchAll(/[\p{L}\p{N}][\p{L}\p{N}\p{M}'’.-]*/gu)) {
    if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(run)) {
      for (const term of cjkTerms(run)) terms.push(term);
    } else {
      const word = run.replace(/['’.-]+$/u, "");
      if (!word || isEnglishStopword(word)) continue;
      terms.push({ text: word, match: stem(word), word: true });
    }
  }
  const unique = new Map<string, QueryTerm>();
  for (const term of terms) if (!unique.has(term.match)) unique.set(term.match, term);
  return { phrases, terms: [...unique.values()].slice(0, MAX_TERMS) };
}

/** Kanji, katakana and Hangul runs between kana and particles; runs past a trigram become trigrams. */
function cjkTerms(run: string): QueryTerm[] {
  const terms: QueryTerm[] = [];
  for (const [piece] of run.replace(CHINESE_PARTICLES, " ").matchAll(CJK_RUN)) {
    const chars = [...piece];
    if (chars.length <= TRIGRAM) {
      terms.push({ text: piece, match: piece, word: false });
      continue;
    }
    // 「人工智能芯片」: each trigram is a term (the index finds them), so a passage with part of the run
    // still matches a little and one with all of it matches most; each bigram too, since Chinese words
    // are mostly two characters and a question puts them in another order than the passage.
    for (const size of [TRIGRAM, 2]) {
      for (let i = 0; i + size <= chars.length; i++) {
        terms.push({ text: piece, match: chars.slice(i, i + size).join(""), word: false });
      }
    }
  }
  // Latin letters inside the run ("GPU不足") are words of their own.
  for (const [latin] of run.matchAll(/[\p{Script=Latin}\p{N}]{2,}/gu)) {
    terms.push({ text: latin, match: stem(latin), word: true });
  }
  return terms;
}

/**
 * A light English stemmer of our own: it cuts inflection and a few derivational endings to a prefix
 * that every form shares, since matching is by substring ("invest" is in "investment", "investing").
 */
export function stem(word: string): string {
  for (const [pattern, shortest] of STEM_RULES) {
    if (!pattern.test(word)) continue;
    const cut = word.replace(pattern, "");
    if ([...cut].length >= shortest) return cut;
  }
  return word;
}

/** Endings cut by `stem`, first match wins, each with the shortest stem it may leave. */
const STEM_RULES: Array<[RegExp, number]> = [
  [/(?:ments?|ings?|ions?|ness|edly|ly)$/u, 4],
  [/ies$/u, 3],
  [/(?<=(?:s|x|z|ch|sh))es$/u, 3],
  [/ed$/u, 4],
  [/(?<![sui])s$/u, 3],
];
