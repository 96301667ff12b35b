// Script-aware text features shared by the writer, the citation check and the format checker.
// Similarity uses word tokens for Latin-script text and character bigrams for CJK runs, so a
// Japanese and an English sentence about "DeepSeek" or "2025" still share terms.

const CJK = "\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}ー々〆";
const RUNS = new RegExp(`[${CJK}]+|[^${CJK}\\s\\p{P}\\p{S}]+`, "gu");
const CJK_RUN = new RegExp(`^[${CJK}]`, "u");
const HIRAGANA_ONLY = /^[\p{Script=Hiragana}ー]+$/u;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const HANGUL = /\p{Script=Hangul}/u;
const HAN = /\p{Script=Han}/u;
const LATIN = /\p{Script=Latin}/u;

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
 * The language a sentence is written in, judged by its script; `declared` (the source's language)
 * decides between languages that share a script, e.g. a kanji-only line in a Japanese article.
 */
export function sentenceLang(text: string, declared: string | null): string {
  const primary = declared ? (declared.split("-")[0] as string).toLowerCase() : null;
  const cjk = primary === "ja" || primary === "zh" || primary === "ko";
  if (KANA.test(text)) return "ja";
  if (HANGUL.test(text)) return "ko";
  if (HAN.test(text)) return primary === "ja" || primary === "zh" ? primary : "zh";
  if (LATIN.test(text)) return primary && !cjk ? primary : "en";
  return primary ?? "und";
}

const SCALE: Record<string, number> = {
  千: 1e3,
  万: 1e4,
  億: 1e8,
  兆: 1e12,
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
};

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

/** Names a supporting passage must contain: capitalized or mixed-case Latin words and katakana words. */
export function namesIn(text: string): string[] {
  const normalized = text.normalize("NFKC");
  const names = new Set<string>();
  for (const [word] of normalized.matchAll(/\b\p{Lu}[\p{L}\d-]*\p{L}/gu)) {
    if (!STOPWORDS.has(word.toLowerCase())) names.add(word);
  }
  for (const [word] of normalized.matchAll(/[\p{Script=Katakana}ー]{3,}/gu)) names.add(word);
  return [...names];
}

/** Japanese sentence ending in the plain copula (だ/である) instead of the です/ます register. */
export function endsInPlainCopula(sentence: string): boolean {
  return /(?:だ|である|であった|だった|ではない)[。！!]?[」』）)]*$/u.test(sentence.trim());
}

/** Japanese sentence ending in the polite です/ます forms a Japanese report is written in. */
export function endsInPoliteForm(sentence: string): boolean {
  return /(?:です|ます|ました|でした|ません|ませんでした|でしょう|ましょう|ください)か?[。！？!?]*[」』）)]*$/u.test(
    sentence.trim(),
  );
}

/** Japanese sentence using ASCII "," or "." where Japanese text takes 、 and 。. */
export function usesAsciiPunctuation(sentence: string): boolean {
  const text = sentence.trim();
  return /[,.]$/.test(text) || /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}][,.](?!\d)/u.test(text);
}

// Openings that lean on an earlier sentence: pronouns, connectives, "The company" and bare topics like
// 「メンバーは」. Out of context such a sentence reads as a fragment, so the writer avoids leading with it.
const ENGLISH_REFERENCE =
  /^(?:this|that|these|those|it|its|they|their|them|he|she|his|her|but|however|and|or|so|yet|still|also|instead|meanwhile|moreover|furthermore|thus|therefore|hence|such|both|another|then|even|first|second|third|finally|on that view|at the same time|in that|by then|the (?:company|lab|firm|start-?up|figure|number|report|move|update|plan|app|team|city|drop|group|deal|rules|controls|result|same))\b/i;
const JAPANESE_REFERENCE =
  /^(?!これまで)(?:その|この|これ|それ|あの|あれ|こう|そう|こちら|ここ|そこ|また|さらに|しかし|ただし|一方|なお|そして|つまり|では|まず|次に|同社|同氏|同計画|同年|両社|両者|前者|後者|彼|彼女|[一二三四五]つ目|第[一二三四五]|最後に|(?:メンバー|計画|会社|企業|チーム|政府|結果|理由|目的|背景|狙い|特徴|課題|ベース)(?:は|も|の|に))/u;

/** First person and asides to the audience: a report speaks for its sources, not as a blog or a video. */
const PERSONAL_VOICE =
  /(?:私たち|私は|当研究室|このブログ|このページ|本稿|みなさん|ご視聴|チャンネル登録|次回は|こんにちは|(?:議論|紹介|解説)しました|まとめておきます)|\b(?:we|our|us|I|my)\b/u;

/** True when a sentence speaks as its author to its readers (「私たちのチームでも」, "we think"). */
export function speaksAsAuthor(sentence: string): boolean {
  return PERSONAL_VOICE.test(sentence);
}

/** True when a sentence opens with a word that points back to an earlier sentence ("This", 「その」). */
export function opensWithReference(sentence: string): boolean {
  const text = sentence
    .normalize("NFKC")
    .trim()
    .replace(/^[「『“"'‘(（]+/u, "");
  return ENGLISH_REFERENCE.test(text) || JAPANESE_REFERENCE.test(text);
}

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
    const capitalized = /^\p{Lu}\p{Ll}{2,}$/u.test(word) && !STOPWORDS.has(word.toLowerCase());
    if (!mixed && !capitalized) continue;
    terms.push(word.toLowerCase());
    // "DeepSeek-R1" is often just "R1": a model-number part counts on its own too.
    for (const part of word.split("-").slice(1)) {
      if (/\p{L}/u.test(part) && /\d/.test(part)) terms.push(part.toLowerCase());
    }
  }
  return terms;
}

/** A noun or name that could title a section, as written (`text`) and folded for counting (`key`). */
export interface HeadingPhrase {
  text: string;
  key: string;
  /** Written in Japanese script (kanji/katakana, maybe with Latin names): usable in a Japanese heading. */
  cjk: boolean;
  /** Only proper names (capitalised inside a sentence, mixed case or with digits: DeepSeek-V3, Zhipu AI). */
  name: boolean;
  /** Words (Latin) or a の-phrase (Japanese): longer phrases say more than a single common word. */
  words: number;
}

// Japanese compounds: kanji/katakana runs with embedded Latin names; hiragana ends them because in
// Japanese it spells grammar (particles, okurigana), which is what keeps verbs out of headings.
const JA_COMPOUND =
  /[\p{Script=Han}\p{Script=Katakana}A-Za-z][\p{Script=Han}\p{Script=Katakana}ー々A-Za-z0-9]*(?:[-・][\p{Script=Han}\p{Script=Katakana}A-Za-z0-9]+)*/gu;
/** Words that name no topic of their own in a heading. */
const JA_GENERIC = new Set(
  (
    "一方 今後 翌日 一日 同社 同氏 以上 以下 場合 可能 必要 今回 発表 説明 指摘 関係 問題 時間 現在 影響 結果 方法 多く " +
    "自身 全体 内容 状況 大手 種類 理由 目的 注目 話題 世界 国内 海外 一部 多数 最初 最後 最大 最多 前年 今日 当時 近年 " +
    "意味 仕組 姿勢 要素 共通点 存在 事例 違い 関心 議論 結論 予定 記事 動画 内部 検証 成果 成功 ポイント 能力 分野 " +
    "自分 手法 方針 水準 規模 段階 目標 理論 意見 ブログ 同時 当研究室 出身 一つ"
  ).split(" "),
);
/** After a kanji word these make it a verb (公開した), an adjective (高性能な) or an adverb (早くから). */
const JA_PREDICATE_AFTER = /^(?:し|さ|す|せ|な|く|的|化し|化さ)/u;

function japanesePhrases(text: string): HeadingPhrase[] {
  const found: Array<{ text: string; start: number; end: number }> = [];
  for (const match of text.matchAll(JA_COMPOUND)) {
    const start = match.index;
    const end = start + match[0].length;
    // A unit after a number (年, 億, 種類) is a quantity, not a topic.
    if (start > 0 && /[\d０-９.]/u.test(text[start - 1] as string)) continue;
    const word = match[0].replace(/氏$/u, "");
    const length = [...word].length;
    // "AI" or "US" alone is in every sentence of this kind of report and names no theme.
    if (length < 2 || length > 12 || /^[A-Za-z]{1,2}$/.test(word)) continue;
    if (JA_PREDICATE_AFTER.test(text.slice(end)) || /的$/u.test(word)) continue;
    if (JA_GENERIC.has(word)) continue;
    found.push({ text: word, start, end: start + word.length });
  }
  const phrases = found.map((f) => japanesePhrase(f.text, 1));
  // 「米国の輸出規制」: two nouns joined by の form a noun phrase, which titles a section better than either.
  for (let i = 0; i + 1 < found.length; i++) {
    const a = found[i] as (typeof found)[number];
    const b = found[i + 1] as (typeof found)[number];
    const joined = `${a.text}の${b.text}`;
    if (text.slice(a.end, b.start) === "の" && [...joined].length <= 12)
      phrases.push(japanesePhrase(joined, 2));
  }
  return phrases;
}

function japanesePhrase(text: string, words: number): HeadingPhrase {
  return { text, key: text.normalize("NFKC").toLowerCase(), cjk: true, name: /[A-Za-z]/.test(text), words };
}

const wordSet = (words: string) => new Set(words.trim().split(/\s+/));
/** Words that end an English noun phrase: function words, quantities, time words. */
const EN_FUNCTION = wordSet(`
  including according via per among within without across toward towards around since until because although
  though whether even just already far well how rather instead later soon again roughly nearly almost every
  another several three four five six seven eight nine ten hundreds thousands millions billions million billion
  trillion percent something anything nothing everything someone anyone yes no not never always often sometimes
  still yet however once out off down back away like unlike upon onto despite behind beyond near next lot lots
  part way ways kind sort thing things time times day days week weeks month months ago today tomorrow yesterday
  whose whom where january february march april june july august september october november december monday
  tuesday wednesday thursday friday saturday sunday late early mid end point points case cases fact below above
  far near beside besides against amid along strongest largest biggest latest highest lowest fastest cheapest
  smallest greatest newest widest
`);
/** Common English verbs (news register): a heading names a topic, never an action. */
const EN_VERBS = wordSet(`
  is are was were be been being has have had do does did done said say says told tell tells released release
  releases combines combine shows show showed shown made make makes built build builds trained trains cut cuts
  priced reported reports matched matches drew draw draws fell fall falls rose rise rises added add adds used uses
  became become becomes served serve serves runs ran led lead leads sets took take takes taken gave give gives
  given called calls mean means meant need needs needed want wants found find finds got get gets went go goes
  came come comes kept keep keeps let lets began begin begins seem seems appear appears help helps offer offers
  allow allows reward rewards slowed slow slows pushed push pushes argue argues agree agrees work works read reads
  knock turned turn turns left leave leaves bought buy buys stay stays launched launch operates operate develops
  develop publish publishes announced announce announces remains remain include includes cover covers compete
  competes outperforms performs perform inherits splits keeps stores sends compresses overlaps excludes measures
  wiped erasing pointed noted noting invoked asked asking assume assumed rivals rival obscured raised lowered
  squeezed depended benefits benefit shaping shapes shaped follow follows decide evaluate ignore ignored known
  reads matters matter mattered say claim claims think thinks believe believes expects expect close closes
  closed respond responds designing face faces faced
`);
/** Adjectives: fine before a noun, never a heading's last word. */
const EN_ADJECTIVES = wordSet(`
  chinese american japanese western global domestic foreign new large small strong open high low major main own
  best better good first second third last single several many few other same such most more less largest biggest
  top free final full cheap cheaper expensive available advanced comparable similar different recent whole entire
  total public private local national international latest leading huge real narrow wide wider broad broader long
  short key political technical possible likely clear able powerful efficient previous current certain specific
  popular underrated aggressive permissive sharp simple explicit official detailed
`);
const EN_NOT_ADVERBS = wordSet("family supply assembly monopoly anomaly italy");
/** -ing words that name a thing or a field and so may start a noun phrase. */
const ING_NOUNS = wordSet(`
  training reasoning computing learning pricing funding spending manufacturing engineering marketing licensing
  banking building programming processing trading planning shipping mining modeling modelling scaling testing
  hosting streaming gaming
`);

interface Token {
  word: string;
  lower: string;
  name: boolean;
}

/** Sentence-initial capitals say nothing about names; inner ones do (Moonshot AI, Hangzhou). */
function englishPhrases(text: string): HeadingPhrase[] {
  const normalized = text.normalize("NFKC");
  const runs: Token[][] = [];
  let run: Token[] = [];
  let previousEnd = -1;
  for (const match of normalized.matchAll(/[\p{L}\d$][\p{L}\d'’.-]*[\p{L}\d]|[\p{L}\d]/gu)) {
    const start = match.index;
    const possessive = /['’]s$/u.test(match[0]);
    const word = match[0].replace(/['’]s?$/u, "").replace(/\.$/, "");
    if (previousEnd >= 0 && normalized.slice(previousEnd, start) !== " ") {
      runs.push(run);
      run = [];
    }
    previousEnd = start + match[0].length;
    const lower = word.toLowerCase();
    const initial = start === 0 || /^[\s"“‘(]*$/u.test(normalized.slice(0, start));
    const mixed = /\p{Lu}/u.test(word.slice(1)) || (/\d/.test(word) && /\p{L}/u.test(word));
    const breaks =
      STOPWORDS.has(lower) ||
      EN_FUNCTION.has(lower) ||
      EN_VERBS.has(lower) ||
      /^[$\d][\d.,]*$/u.test(word) ||
      (!mixed && /ly$/.test(lower) && !EN_NOT_ADVERBS.has(lower)) ||
      (!/^\p{Lu}/u.test(word) && lower.length > 4 && /(?:[^e]ed|ied)$/.test(lower)) ||
      // "competing", "growing" are verbs; "training run", "reasoning model" use -ing nouns.
      (!/^\p{Lu}/u.test(word) && /ing$/.test(lower) && lower.length > 5 && !ING_NOUNS.has(lower));
    if (breaks) {
      runs.push(run);
      run = [];
      continue;
    }
    run.push({ word, lower, name: mixed || (/^\p{Lu}/u.test(word) && !initial) });
    // "Nvidia's A100": the possessor ends its own phrase.
    if (possessive) {
      runs.push(run);
      run = [];
    }
  }
  runs.push(run);
  const phrases: HeadingPhrase[] = [];
  for (const tokens of runs) {
    for (let from = 0; from < tokens.length; from++) {
      for (let to = from + 1; to <= Math.min(tokens.length, from + 3); to++) {
        const span = tokens.slice(from, to);
        const head = span.at(-1) as Token;
        if (EN_ADJECTIVES.has(head.lower) || (!head.name && head.lower.endsWith("ing"))) continue;
        // "one-day", "China-specific", "open-weight" describe a noun that is missing.
        if (
          /-(?:day|year|week|time|term|based|like|level|scale|wide|specific|only|weight|class|grade)$/.test(
            head.lower,
          )
        )
          continue;
        if (span.length === 1 && (head.lower.length < 3 || (!head.name && head.lower.length < 4))) continue;
        const shown = span.map((t) => (t.name ? t.word : t.lower)).join(" ");
        phrases.push({
          text: shown,
          key: span.map((t) => foldPlural(t.word)).join(" "),
          cjk: false,
          name: span.every((t) => t.name),
          words: span.length,
        });
      }
    }
  }
  return phrases;
}

/** Lower-cased singular: "controls" is "control", "GPUs" is "gpu"; "status" and "bus" stay. */
function foldPlural(word: string): string {
  const lower = word.toLowerCase();
  if (/^\p{Lu}{2,}s$/u.test(word)) return lower.slice(0, -1);
  return /^[a-z-]{3,}s$/.test(lower) && !/(?:ss|us|is)$/.test(lower) ? lower.slice(0, -1) : lower;
}

/**
 * Nouns and names in a sentence that could title a section: kanji/katakana compounds and の-phrases of
 * Japanese sentences, noun phrases and names of other sentences. Verbs, adjectives and function words
 * are left out, so a heading built from these reads as a topic.
 */
export function headingPhrases(text: string): HeadingPhrase[] {
  return KANA.test(text) ? japanesePhrases(text) : englishPhrases(text);
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
