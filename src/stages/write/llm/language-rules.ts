// The writing conventions each report language asks for, told to the model and then enforced where a
// rule is mechanical (Japanese punctuation).

export function languageRules(lang: string): string {
  const primary = lang.split("-")[0]?.toLowerCase();
  if (primary === "ja") {
    return [
      "Write in Japanese. End every sentence in the polite です/ます style.",
      "Use full-width Japanese punctuation: 、。「」（）. Never use ASCII commas or periods in Japanese text.",
      "Keep proper nouns in their usual Japanese or Latin form (DeepSeek, OpenAI, 梁文鋒) and spell each one the same way every time, as the glossary gives it.",
    ].join("\n");
  }
  if (primary === "en") {
    return "Write in English, in a neutral analytical register. Spell each name the same way every time, as the glossary gives it.";
  }
  return `Write in the language with BCP 47 tag "${lang}", with its own punctuation and the register of analytical journalism. Spell each name the same way every time, as the glossary gives it.`;
}

const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/u;

/** Full-width punctuation in Japanese sentences: ASCII comma, period and parentheses next to Japanese text. */
export function normalizeSentence(text: string, lang: string): string {
  const trimmed = text.replace(/\s+/g, " ").trim();
  if (lang.split("-")[0]?.toLowerCase() !== "ja" || !JAPANESE.test(trimmed)) return trimmed;
  return trimmed
    .replace(/([\u3040-\u30ff\u3400-\u9fff])\s*,\s*/gu, "$1、")
    .replace(/([\u3040-\u30ff\u3400-\u9fff])\s*\.(\s|$)/gu, "$1。$2")
    .replace(/\(([^()]*[\u3040-\u30ff\u3400-\u9fff][^()]*)\)/gu, "（$1）")
    .replace(/([\u3040-\u30ff\u3400-\u9fff])\s+(?=[\u3040-\u30ff\u3400-\u9fff])/gu, "$1")
    .trim();
}
