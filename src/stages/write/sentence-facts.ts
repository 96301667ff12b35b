// The facts a sentence states, comparable across languages: numbers by value, Latin names and dates.
import { isEnglishStopword, numbersIn } from "../../text/terms.js";

const MONTHS = "january february march april may june july august september october november december".split(
  " ",
);

/**
 * Terms that identify a fact in any language: numbers by value and Latin names (DeepSeek, R1, H800).
 * A Japanese and an English sentence that share several of them usually state the same fact.
 */
export function factTerms(text: string): string[] {
  const terms = numbersIn(text).map((n) => `#${n}`);
  for (const [word] of text
    .normalize("NFKC")
    .matchAll(/[\p{Script=Latin}\d]+(?:[-.][\p{Script=Latin}\d]+)*/gu)) {
    // "January" is 1月 in Japanese: a month counts as its number so dates match across languages.
    const month = MONTHS.indexOf(word.toLowerCase());
    if (month >= 0) {
      terms.push(`#${month + 1}`);
      continue;
    }
    const mixed = /\p{Lu}/u.test(word.slice(1)) || (/\p{L}/u.test(word) && /\d/.test(word));
    const capitalized = /^\p{Lu}\p{Ll}{2,}$/u.test(word) && !isEnglishStopword(word.toLowerCase());
    if (!mixed && !capitalized) continue;
    terms.push(word.toLowerCase());
    // "DeepSeek-R1" is often just "R1": a model-number part counts on its own too.
    for (const part of word.split("-").slice(1)) {
      if (/\p{L}/u.test(part) && /\d/.test(part)) terms.push(part.toLowerCase());
    }
  }
  return terms;
}

const MONTH_NAMES = "(january|february|march|april|may|june|july|august|september|october|november|december)";
const ENGLISH_DATE = new RegExp(`\\b${MONTH_NAMES}(?:\\s+(\\d{1,2}))?,?\\s+(\\d{4})\\b`, "i");
const JAPANESE_DATE = /(\d{4})年(?:(\d{1,2})月(?:(\d{1,2})日)?)?/u;

/**
 * The first date a sentence names, as a sortable number (20250120; 20241200 for "December 2024"),
 * or null: "On January 27, 2025, …" and 「2025年1月20日、…」 then order by when things happened.
 */
export function firstDate(sentence: string): number | null {
  const text = sentence.normalize("NFKC");
  const english = ENGLISH_DATE.exec(text);
  const japanese = JAPANESE_DATE.exec(text);
  const fromEnglish = english
    ? Number(english[3]) * 10000 +
      (MONTHS.indexOf((english[1] as string).toLowerCase()) + 1) * 100 +
      Number(english[2] ?? 0)
    : null;
  const fromJapanese = japanese
    ? Number(japanese[1]) * 10000 + Number(japanese[2] ?? 0) * 100 + Number(japanese[3] ?? 0)
    : null;
  if (english && japanese) return english.index < japanese.index ? fromEnglish : fromJapanese;
  return fromEnglish ?? fromJapanese;
}
