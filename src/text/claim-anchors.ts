// The numbers and names a sentence stands on: digits or kanji numerals with their scales, month names as
// numbers; Latin and katakana names, without the function words that open a sentence. Whether a passage
// names them in another script is name-spellings.ts's job.

/**
 * `fn` remembering its answers for the last texts it saw (the check runs per claim × passage, and the
 * same passages come back for every claim of a section). Bounded: the memory is dropped when full.
 */
export function memoByText<T>(fn: (text: string) => T, limit = 20_000): (text: string) => T {
  const seen = new Map<string, T>();
  return (text) => {
    const known = seen.get(text);
    if (known !== undefined || seen.has(text)) return known as T;
    if (seen.size >= limit) seen.clear();
    const value = fn(text);
    seen.set(text, value);
    return value;
  };
}

/** Spellings of one name each, e.g. ["DeepSeek", "ディープシーク", "深度求索"]. */
export type Glossary = readonly (readonly string[])[];

/** The glossary of a check without one (shared, so what is remembered per glossary is kept). */
export const NO_GLOSSARY: Glossary = [];

/** Glossary entries as the outline gives them: "DeepSeek / ディープシーク / 深度求索". */
export function parseGlossary(entries: readonly string[] | undefined): Glossary {
  return (entries ?? [])
    .map((entry) =>
      entry
        .split(/\s*(?:\/|／|=|＝|;|；|\||｜)\s*|\s*[(（]\s*|\s*[)）]\s*/u)
        .map((spelling) => spelling.trim())
        .filter((spelling) => spelling.length > 0),
    )
    .filter((spellings) => spellings.length > 0);
}

/** What a scale word multiplies by, in Japanese/Chinese and English ("560万" = 5.6 million). */
export const SCALE: Record<string, number> = {
  十: 10,
  百: 100,
  百万: 1e6,
  千万: 1e7,
  千億: 1e11,
  千: 1e3,
  万: 1e4,
  億: 1e8,
  兆: 1e12,
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
};
const KANJI_DIGIT: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const MONTHS = "january february march april may june july august september october november december".split(
  " ",
);
const NUMBER_WORDS = "two three four five six seven eight nine ten eleven twelve".split(" ");
// A single kanji numeral is a number only before a counter or scale (三社, 五億): 一部, 一方 and 三菱 are
// words, and a lone 一 is "a" as often as "one" (一日で: "in a single day").
const KANJI_NUMERAL =
  /(?<![\d.])(?:[〇零一二三四五六七八九十百千]{2,}|[二三四五六七八九十百千]|一(?=[万億兆]))(?=[万億兆]|[%％倍割円人社件台個年月日機基枚隻株回位]|カ国|か国|ヶ国|パーセント|ドル|ユーロ)|(?<![\d.])[〇零一二三四五六七八九十百千]{2,}/gu;

/** A kanji numeral in digits, keeping 万/億/兆 for the scale pass: 三千 → 3000, 二〇二五 → 2025. */
function kanjiToDigits(run: string): string {
  if (!/[十百千]/u.test(run)) return [...run].map((c) => KANJI_DIGIT[c] ?? "").join("");
  let total = 0;
  let digit = 0;
  for (const char of run) {
    const value = KANJI_DIGIT[char];
    if (value !== undefined) digit = value;
    else {
      total += (digit || 1) * (SCALE[char] ?? 1);
      digit = 0;
    }
  }
  return String(total + digit);
}

const SCALED = /(\d+(?:\.\d+)?)\s*(兆|千億|億|千万|百万|万|千|thousand\b|million\b|billion\b|trillion\b)?/giu;

/**
 * The numbers of a text as plain values: "560万", "5.6 million" and "五百六十万" are all 5600000,
 * "5億6000万" is 560000000, "January" is 1. `lenient` adds what only counts in a passage's favour:
 * English number words ("three" for 3), so a claim in digits is not rejected for them.
 */
export function numbersOf(text: string, lenient = false): string[] {
  return lenient ? lenientNumbers(text) : strictNumbers(text);
}
const strictNumbers = memoByText((text) => readNumbers(text, false));
const lenientNumbers = memoByText((text) => readNumbers(text, true));

function readNumbers(text: string, lenient: boolean): string[] {
  let folded = text.normalize("NFKC").replace(/(\d),(?=\d{3}\b)/g, "$1");
  folded = folded.replace(KANJI_NUMERAL, (run) => kanjiToDigits(run));
  const values: number[] = [];
  let pending: { value: number; scale: number; end: number } | null = null;
  for (const match of folded.matchAll(SCALED)) {
    const scale = match[2] ? (SCALE[match[2].toLowerCase()] ?? 1) : 1;
    const value = Number(match[1]) * scale;
    // 5億6000万: a smaller scale right after a larger one adds to it.
    if (
      pending &&
      match.index === pending.end &&
      scale < pending.scale &&
      /[兆億万千]/u.test(match[2] ?? "")
    ) {
      pending = { value: pending.value + value, scale, end: match.index + match[0].length };
      values[values.length - 1] = pending.value;
      continue;
    }
    values.push(value);
    pending = { value, scale, end: match.index + match[0].length };
  }
  const lower = folded.toLowerCase();
  for (const [word] of lower.matchAll(/\b[a-z]+\b/g)) {
    const month = MONTHS.indexOf(word);
    // "may" is a month only with a capital or next to a number.
    if (month >= 0 && (word !== "may" || /\bMay\b/.test(folded))) values.push(month + 1);
    const spelled = NUMBER_WORDS.indexOf(word);
    if (lenient && spelled >= 0) values.push(spelled + 2);
    if (lenient && word === "one") values.push(1);
  }
  return values.map((value) => String(Math.round(value * 1000) / 1000));
}

/** Words that start a sentence without naming anything ("Reportedly, …", "Overall, …", "The …"). */
const FUNCTION_WORDS = new Set(
  (
    "a an the this that these those it its their there here in on at as for by with after before from to of " +
    "and but or so yet still also however overall meanwhile moreover furthermore instead thus therefore hence " +
    "indeed meanwhile separately similarly likewise besides nevertheless nonetheless then now today yesterday " +
    "earlier later last next first second third finally both some all many most several each every such while " +
    "when where if although though since because according analysts experts officials critics he she they we " +
    "i you one no not its his her our what which who how why only just even about around over under among " +
    "between during despite unlike like per via into onto than whether"
  ).split(" "),
);
const CALENDAR = new Set([
  ...MONTHS,
  ..."monday tuesday wednesday thursday friday saturday sunday".split(" "),
]);
/** Katakana words that are units and currencies, not names. */
const KATAKANA_UNITS = new Set(
  "ドル ユーロ ポンド ウォン パーセント セント トン メートル ナノメートル キロ キログラム ギガ テラ ワット".split(
    " ",
  ),
);

export interface Name {
  text: string;
  /** Latin, or katakana. */
  script: "latin" | "katakana";
  /** A capitalised common noun opening the sentence ("Revenue at …"): a name only if the glossary knows it. */
  initialWord: boolean;
}

/** Latin names (mixed case, capitals, letters with digits, capitalised words) and katakana words. */
export const namesOf = memoByText(readNames);

function readNames(text: string): Name[] {
  const normalized = text.normalize("NFKC");
  const names: Name[] = [];
  const seen = new Set<string>();
  const add = (name: Name) => {
    if (seen.has(name.text)) return;
    seen.add(name.text);
    names.push(name);
  };
  const opening = /^[\s"“‘'「『(（]*/u.exec(normalized)?.[0].length ?? 0;
  for (const match of normalized.matchAll(
    /\p{Script=Latin}[\p{Script=Latin}\d]*(?:[-.'’][\p{Script=Latin}\d]+)*/gu,
  )) {
    const word = match[0].replace(/['’]s$/u, "");
    const lower = word.toLowerCase();
    const marked = /\p{Lu}/u.test(word.slice(1)) || /\d/.test(word);
    if (!marked && (!/^\p{Lu}/u.test(word) || FUNCTION_WORDS.has(lower) || CALENDAR.has(lower))) continue;
    const initial = match.index === opening;
    const next = normalized.slice(match.index + match[0].length);
    // "Reportedly, …", "Overall, …": an opening adverb or a word set off by a comma names nothing.
    if (initial && !marked && (/ly$/.test(lower) || next.startsWith(","))) continue;
    // "Revenue at Toyota …", "Production of …": a common noun before a preposition, or with a noun's
    // ending, is only a name if the glossary says so; "Quorvane plans …" must be found.
    const plainNoun =
      initial &&
      !marked &&
      (/^\s+(?:of|at|in|for|from|on|to|by|with|across|among)\b/.test(next) ||
        /(?:tion|sion|ment|ness|ity|ance|ence|ing|ure|nue|ings|ers)$/.test(lower));
    add({ text: word, script: "latin", initialWord: plainNoun });
  }
  for (const [word] of normalized.matchAll(/[\p{Script=Katakana}ー]{3,}/gu)) {
    if (!KATAKANA_UNITS.has(word) && /[^ー]/u.test(word))
      add({ text: word, script: "katakana", initialWord: false });
  }
  return names;
}
