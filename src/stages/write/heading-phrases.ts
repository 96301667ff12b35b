// Nouns and names that could title a section of the extractive report, in Japanese and English.
import { isEnglishStopword } from "../../text/terms.js";

const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;

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
      isEnglishStopword(lower) ||
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
