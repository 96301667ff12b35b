// The one language detector: which language a page or a sentence is written in.

const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const HANGUL = /\p{Script=Hangul}/u;
const HAN = /\p{Script=Han}/u;
const LATIN = /\p{Script=Latin}/u;

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

/**
 * Guesses a language from the script of the text: kana means Japanese (Japanese text mixes kana with
 * Han), Hangul Korean, Han alone Chinese, Latin letters English. Returns null when nothing is letters.
 */
export function detectLang(text: string): string | null {
  const sample = text.slice(0, 5000);
  const count = (pattern: RegExp) => sample.match(pattern)?.length ?? 0;
  const kana = count(/[\u3040-\u30ff]/g);
  const hangul = count(/[\uac00-\ud7af\u1100-\u11ff]/g);
  const han = count(/\p{Script=Han}/gu);
  const latin = count(/\p{Script=Latin}/gu);
  const cyrillic = count(/\p{Script=Cyrillic}/gu);
  const cjk = kana + hangul + han;
  if (cjk > 0 && cjk * 2 >= latin) {
    if (kana > 0 && kana * 20 >= cjk) return "ja";
    if (hangul >= han) return "ko";
    return "zh";
  }
  if (cyrillic > latin) return "ru";
  return latin > 0 ? "en" : null;
}
