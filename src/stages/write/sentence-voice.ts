// Sentences that cannot stand alone in a report: those pointing back at an earlier sentence, and those
// speaking as their author to their readers.

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
