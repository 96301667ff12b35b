// Japanese register: the です/ます forms a Japanese report is written in, the plain だ/である of news
// style, and ASCII punctuation where Japanese takes 、 and 。. The writer and the format checker share them.

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
