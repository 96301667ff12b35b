// Names a theme after what sets its sentences apart: the nouns and names they share that the rest of
// the report and the sources mention less (TF-IDF against the other groups), never a verb or a
// function word, in the report's script when the sources offer one.
import { type HeadingPhrase, headingPhrases } from "../../text/terms.js";

export interface PhraseIndex {
  /** Heading phrases of each candidate sentence, each key once. */
  perSentence: HeadingPhrase[][];
  /** Heading phrases of each source title given, each key once. */
  perTitle: HeadingPhrase[][];
  /** Candidate sentences each key occurs in. */
  documentFrequency: Map<string, number>;
  /** Keys written somewhere as a proper name (capitalised inside a sentence, mixed case, digits). */
  names: Set<string>;
  /** How a key is shown: its first form written as a name, else its first form. */
  display: Map<string, string>;
  /** How a key is written in Japanese sentences (GPU where English writes GPUs), when it is. */
  japaneseDisplay: Map<string, string>;
  total: number;
  /** Candidate sentences in Japanese: the only ones a kanji/katakana phrase can occur in. */
  japaneseTotal: number;
}

/** Phrases of candidate sentences (`texts`) and of source titles (`titles`, which are not counted). */
export function phraseIndex(texts: string[], titles: string[] = []): PhraseIndex {
  const documentFrequency = new Map<string, number>();
  const names = new Set<string>();
  const display = new Map<string, string>();
  const japaneseDisplay = new Map<string, string>();
  const phrasesOf = (text: string) => {
    const unique = new Map<string, HeadingPhrase>();
    for (const phrase of headingPhrases(text)) {
      if (phrase.name) names.add(phrase.key);
      const shown = display.get(phrase.key);
      if (shown === undefined || (phrase.name && !/\p{Lu}|\d/u.test(shown)))
        display.set(phrase.key, phrase.text);
      if (phrase.cjk && !japaneseDisplay.has(phrase.key)) japaneseDisplay.set(phrase.key, phrase.text);
      if (!unique.has(phrase.key)) unique.set(phrase.key, phrase);
    }
    return [...unique.values()];
  };
  const perSentence = texts.map((text) => {
    const phrases = phrasesOf(text);
    for (const { key } of phrases) documentFrequency.set(key, (documentFrequency.get(key) ?? 0) + 1);
    return phrases;
  });
  const perTitle = titles.map(phrasesOf);
  const japanese = texts
    .filter((text) => /[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(text))
    .map((text) => text.normalize("NFKC").toLowerCase());
  const japaneseTotal = japanese.length;
  // Japanese has no spaces: モデル is also in 推論モデル and 蒸留モデル, so a kanji/katakana phrase is
  // counted in every sentence that contains it, which is how common it really is.
  const keys = new Set([...documentFrequency.keys(), ...perTitle.flat().map((p) => p.key)]);
  for (const key of keys) {
    if (/[\p{Script=Han}\p{Script=Katakana}]/u.test(key)) {
      documentFrequency.set(key, Math.max(1, japanese.filter((text) => text.includes(key)).length));
    }
  }
  return {
    perSentence,
    perTitle,
    documentFrequency,
    names,
    display,
    japaneseDisplay,
    total: texts.length,
    japaneseTotal,
  };
}

export interface HeadingRequest {
  /** Candidate sentences of the group being named. */
  members: number[];
  /** Sentences of the groups it must be told apart from. */
  others: number[];
  /** Sentences outside the report that state the group's facts in the report's language, with weights. */
  neighbours: Array<{ index: number; weight: number }>;
  /** Titles (indices into `perTitle`) of the sources the group comes from, weighted by their share. */
  titles: Array<{ index: number; weight: number }>;
  /** A Japanese or Chinese report: kanji/katakana phrases first, then Latin names. */
  cjk: boolean;
  /** Keys already in a heading: never repeated. */
  used: Set<string>;
  /** Keys of the enclosing heading: a sub-theme heading shares no term with it. */
  parent: string[];
  maxTerms: number;
}

/** A second term joins the heading only when it is nearly as telling as the first. */
const SECOND_TERM_SHARE = 0.45;
/** Share of all candidate sentences above which a phrase is too common to set a theme apart. */
const MAX_COMMON_SHARE = 0.08;
/** In a handful of sentences, a phrase in two of them is not yet common. */
const MIN_COMMON = 2;
/** The report's own script wins unless foreign names score this many times higher. */
const NATIVE_SHARE = 0.5;
/** Weight of a source title's phrases against a member sentence's. */
const TITLE_WEIGHT = 1;
/** Weight of a neighbouring sentence's phrases against a member's. */
const NEIGHBOUR_WEIGHT = 0.5;

/** Keys of the 0–`maxTerms` most distinctive phrases of a group, best first. */
export function headingKeys(index: PhraseIndex, request: HeadingRequest): string[] {
  const frequency = new Map<string, number>();
  const phrases = new Map<string, HeadingPhrase>();
  const count = (sentence: number, weight: number, from = index.perSentence) => {
    for (const phrase of from[sentence] ?? []) {
      frequency.set(phrase.key, (frequency.get(phrase.key) ?? 0) + weight);
      if (!phrases.has(phrase.key)) phrases.set(phrase.key, phrase);
    }
  };
  for (const member of request.members) count(member, 1);
  for (const { index: sentence, weight } of request.neighbours) count(sentence, weight * NEIGHBOUR_WEIGHT);
  // A source's title is its author's own name for the topic: phrases in it count like a member's.
  for (const { index: title, weight } of request.titles) count(title, weight * TITLE_WEIGHT, index.perTitle);
  const elsewhere = new Map<string, number>();
  for (const other of request.others) {
    for (const phrase of index.perSentence[other] ?? []) {
      elsewhere.set(phrase.key, (elsewhere.get(phrase.key) ?? 0) + 1);
    }
  }
  // 「規制の効果と規制の行方」 says 規制 twice: phrases sharing a word (past two letters) overlap.
  const words = (key: string) =>
    key.split(/の| /u).filter((w) => [...w].length > 2 || /\p{Script=Han}{2}/u.test(w));
  const overlaps = (a: string, b: string) =>
    a.includes(b) || b.includes(a) || words(a).some((w) => words(b).includes(w));
  const scored = [...frequency]
    .filter(([key]) => !request.used.has(key) && !request.parent.some((p) => overlaps(p, key)))
    .map(([key, tf]) => {
      const phrase = phrases.get(key) as HeadingPhrase;
      const name = index.names.has(key);
      const idf = Math.log(1 + scopeOf(index, key) / (index.documentFrequency.get(key) ?? 1));
      const exclusive = tf / (tf + (elsewhere.get(key) ?? 0));
      // tf²: a phrase several sentences share names the group better than a rare one found once.
      return { key, tf, phrase, name, score: tf * tf * idf * exclusive * shapeWeight(phrase, name) };
    });
  // A word in a large share of the sentences it could occur in (中国 among Japanese sentences, DeepSeek
  // in a report on DeepSeek) is the report's subject, not what sets one theme apart.
  const specific = scored.filter(
    (s) =>
      (index.documentFrequency.get(s.key) ?? 0) <=
      Math.max(MIN_COMMON, MAX_COMMON_SHARE * scopeOf(index, s.key)),
  );
  // The best script tier wins; within it, specific phrases before common ones.
  const specificTiers = scriptTiers(specific, request.cjk);
  const allTiers = scriptTiers(scored, request.cjk);
  const pool =
    specificTiers.flatMap((tier, t) => [tier, allTiers[t] ?? []]).find((tier) => tier.length > 0) ?? [];
  pool.sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const picked: Array<{ key: string; score: number }> = [];
  for (const candidate of pool) {
    const first = picked[0];
    if (first && candidate.score < first.score * SECOND_TERM_SHARE) break;
    if (picked.some((p) => overlaps(p.key, candidate.key))) continue;
    // A lone common word after a telling first phrase ("…とモデル") only dilutes the heading.
    if (first && !telling(candidate.phrase, candidate.name)) continue;
    picked.push(candidate);
    if (picked.length === request.maxTerms) break;
  }
  return picked.map((p) => p.key);
}

/** Sentences a phrase could occur in: Japanese ones for a phrase with kanji or kana, else all. */
function scopeOf(index: PhraseIndex, key: string): number {
  return /[\p{Script=Han}\p{Script=Katakana}]/u.test(key) ? Math.max(1, index.japaneseTotal) : index.total;
}

function telling(phrase: HeadingPhrase, name: boolean): boolean {
  return name || phrase.words >= 2 || (phrase.cjk && [...phrase.text].length >= 4);
}

/**
 * Names and multi-word phrases ("export controls", 「米国の輸出規制」) title a section; a lone common
 * word ("model", 「企業」) hardly does.
 */
function shapeWeight(phrase: HeadingPhrase, name: boolean): number {
  let weight = name ? 1.5 : 1;
  if (phrase.words >= 2) weight *= 1.5;
  else if (phrase.cjk) weight *= [...phrase.text].length >= 4 ? 1.2 : 0.8;
  else if (!name) weight *= 0.4;
  return weight;
}

/**
 * Phrases by preference. A Japanese report: Japanese phrases when the group or its neighbours offer
 * telling ones, else the Latin names of its sentences (Nvidia, H800), never English common words.
 * Other reports: non-Japanese phrases, then Latin names found in Japanese sentences, then anything.
 */
function scriptTiers<T extends { phrase: HeadingPhrase; name: boolean; score: number }>(
  pool: T[],
  cjk: boolean,
): T[][] {
  const native = pool.filter((s) => s.phrase.cjk === cjk);
  if (!cjk) return [native, pool.filter((s) => /^[\x20-\x7e]+$/.test(s.phrase.text)), pool];
  const names = pool.filter((s) => s.name && !s.phrase.cjk);
  const best = (items: T[]) => items.reduce((top, s) => Math.max(top, s.score), 0);
  return native.length > 0 && best(native) >= NATIVE_SHARE * best(names) ? [native, names] : [names, native];
}
