// The one language detector: which language a page or a sentence is written in. Scripts decide first
// (kana is Japanese, Hangul Korean); Han-only text is told apart by the character forms only Japanese or
// only Chinese use; Latin-script text goes to tinyld. Chosen by measurement on short passages
// (bench/langid, bench/README.md): tinyld alone calls kana-free Japanese Chinese.
import { createRequire } from "node:module";

const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const KANA_ALL = /[\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const HANGUL_ALL = /\p{Script=Hangul}/gu;
const HAN_ALL = /\p{Script=Han}/gu;
const LATIN_ALL = /\p{Script=Latin}/gu;
const CYRILLIC_ALL = /\p{Script=Cyrillic}/gu;

/**
 * Han characters in forms Japanese uses and Chinese does not (shinjitai and kokuji): not the simplified
 * forms, which mainland Chinese shares with Japanese more often than one expects (医, 区, 号, 芸), nor
 * the traditional ones Taiwan and Hong Kong share with it (題, 語, 電).
 */
const JAPANESE_FORMS = new Set(
  "々〆円県駅済広気発対関経総検図労働転歳変応様戦鉄団営売読覚実権観価沢払徴脳拠弁従単処児収粛圧毎満黙薬揺謡竜両猟緑塁涙隷霊齢暦歴亜悪囲壱隠栄塩穏仮絵拡殻勧巻陥顔帰戯犠挙暁駆勲恵掲渓継軽鶏撃倹剣険圏顕験厳効鉱黒砕斎剤雑桟賛残糸歯釈渋獣縦奨焼証乗剰壌嬢浄畳譲醸嘱寝粋酔髄瀬摂専銭繊曽荘捜挿巣騒増臓蔵続帯滝択嘆遅鋳聴懲勅鎮逓伝闘徳縄弐悩覇廃拝髪抜仏併塀辺舗歩豊頼覧稲畑込峠枠栃匂",
);
/**
 * Han characters only Chinese uses: frequent simplified forms, and traditional forms Japanese replaced
 * with its own (這, 們, 說, 國, 會, 學).
 */
const CHINESE_FORMS = new Set(
  "这们说时为对发经关银记见总个实现进动东车长门问间开员业务书买卖论认让议设调质华贸资产无过还选运农军钱铁题风飞马鸟龙吗呢没该从样头种气电话语给级场网络专统计领导谁认识觉听讲请够钟难厂广应变观权价团战营读图转岁检济县环汇热币吨储亿盘涨仅则虽赛队获胜纪录疗药兴须传边规组织阶础备乐际這們說對發經關總實讓國會學來產賣裡麼點麵錢鐵嗎沒從樣氣專聽覺廠廣應變觀權價團戰營讀圖轉歲檢濟縣匯據錄醫藥傳邊獨與樂噸漲雖盡劃夠",
);

/**
 * Latin-script languages tinyld chooses among: the ones reports are written from most, and their
 * neighbours, so a Polish or Swedish page is not forced into the nearest of them.
 */
const LATIN_LANGS = "en de fr es pt it nl id vi pl cs sk sv da no fi hu ro tr ca la et lt lv".split(" ");

const require = createRequire(import.meta.url);
interface Tinyld {
  detect(text: string, options?: { only?: string[] }): string;
}
let tinyld: Tinyld | undefined;
/** tinyld's model takes about half a second to load, so it is loaded when Latin text first needs it. */
function latinDetector(): Tinyld {
  tinyld ??= require("tinyld") as Tinyld;
  return tinyld;
}

/** Only this much of a page is read to tell its language. */
const SAMPLE_CHARS = 5000;

/**
 * The language of a page's text, or null when it has no letters. Used when the page does not declare
 * one (plain text, Markdown without front matter, HTML without a lang attribute).
 */
export function detectLang(text: string): string | null {
  const sample = text.slice(0, SAMPLE_CHARS);
  const count = (pattern: RegExp) => sample.match(pattern)?.length ?? 0;
  const kana = count(KANA_ALL);
  const hangul = count(HANGUL_ALL);
  const han = count(HAN_ALL);
  const latin = count(LATIN_ALL);
  const cyrillic = count(CYRILLIC_ALL);
  const cjk = kana + hangul + han;
  if (cjk > 0 && cjk * 2 >= latin) {
    if (kana > 0 && kana * 20 >= cjk) return "ja";
    if (hangul >= han) return "ko";
    return hanLang(sample) ?? "zh";
  }
  if (cyrillic > latin) return "ru";
  return latin > 0 ? latinLang(sample) : null;
}

/**
 * The language a sentence is written in. `declared` (the page's language) decides where the sentence
 * alone cannot: a kanji-only line in a Japanese article, a Latin-script sentence on a German page (short
 * sentences are where detectors err). A Latin-script sentence on a page declared Japanese, Chinese or
 * Korean, or with no declared language, is detected from its words.
 */
export function sentenceLang(text: string, declared: string | null): string {
  const primary = declared ? (declared.split("-")[0] as string).toLowerCase() : null;
  const cjk = primary === "ja" || primary === "zh" || primary === "ko";
  if (KANA.test(text)) return "ja";
  if (/\p{Script=Hangul}/u.test(text)) return "ko";
  if (/\p{Script=Han}/u.test(text)) {
    if (primary === "ja" || primary === "zh") return primary;
    return hanLang(text) ?? "zh";
  }
  if (/\p{Script=Latin}/u.test(text)) return primary && !cjk ? primary : latinLang(text);
  return primary ?? "und";
}

/** "ja" or "zh" from character forms only one of them uses; null when the text has none of them. */
function hanLang(text: string): "ja" | "zh" | null {
  let japanese = 0;
  let chinese = 0;
  for (const char of text) {
    if (JAPANESE_FORMS.has(char)) japanese++;
    else if (CHINESE_FORMS.has(char)) chinese++;
  }
  return japanese > chinese ? "ja" : chinese > japanese ? "zh" : null;
}

/** The language of Latin-script text, by tinyld (measured best on short passages); "en" when unsure. */
function latinLang(text: string): string {
  return latinDetector().detect(text.slice(0, SAMPLE_CHARS), { only: LATIN_LANGS }) || "en";
}
