// Lines of page furniture that survive extraction but are never a claim: see-also and "Read more" lines,
// bylines, photo captions and credits. They stay in the article's text (offsets must not move) but never
// become passages, so no writer can quote them as report sentences.

/** Opening labels of see-also lines, in the languages Shirabe reads most. */
const SEE_ALSO =
  /^[\s\p{P}\p{S}]{0,3}(?:see also|read more|also read|read also|further reading|related(?: articles?| stories| coverage)?\s*[:：]|more on this(?: story)?\s*[:：]|関連記事|関連リンク|関連ニュース|あわせて読みたい|合わせて読みたい|関連\s*[:：]|相关阅读|相关报道|相关新闻|相关链接|延伸阅读|推荐阅读|另见|参见)/iu;
/** A capitalised name word, as bylines spell authors. */
const NAME = "\\p{Lu}[\\p{L}.'-]*";
const NAMES = `${NAME}(?:\\s+${NAME}){0,3}`;
/** "By Jane Doe", "By Jane Doe and John Roe, Reuters": the whole line is names (not "By Monday, …"). */
const BYLINE = new RegExp(
  `^[\\s\\p{P}]{0,2}(?:By|by|BY)\\s+${NAMES}(?:\\s*(?:,|and|&)\\s*${NAMES}){0,3}\\s*$`,
  "u",
);
/** Credits and CJK bylines: "Photo: Reuters", "文：山田太郎", "作者：张三", "图片来源：新华社". */
const CREDIT =
  /^[\s\p{P}]{0,2}(?:(?:文|写真|撮影|記者|作者|记者|编辑|责任编辑|摄影|图|图片来源)\s*[:：/／]|(?:photo|image|picture|illustration|photograph)(?:\s+credit)?\s*[:：])/iu;

/** True when `line` is a see-also line, a byline or a caption credit, not something a source says. */
export function isBoilerplateLine(line: string): boolean {
  return SEE_ALSO.test(line) || (line.length <= 120 && BYLINE.test(line)) || CREDIT.test(line);
}
