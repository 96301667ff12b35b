// Chinese and Japanese are written without spaces, and one of their characters carries about what two
// letters do: lengths measured in "letter-equivalents" add each such character once more, so the same
// thresholds hold for every script.

const SPACELESS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;

/** How many Han and kana characters `text` holds (the extra half of its letter-equivalent length). */
export function spacelessChars(text: string): number {
  return text.match(SPACELESS)?.length ?? 0;
}
