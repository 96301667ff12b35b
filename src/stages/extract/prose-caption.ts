// A "caption" that is really prose: photo posts and some blogs put the story itself in the caption box
// (one picture, then paragraphs under it, all inside `wp-caption-text`). Short captions — a line and a
// photo credit — stay boilerplate; a caption box this long is read as text.
import { attr, collapse, type Element, textOf } from "./dom.js";
import { spacelessChars } from "./spaceless-text.js";

/** Letter-equivalents (a Han or kana character counts as two letters) a caption needs to count as text. */
const MIN_PROSE_CAPTION = 1000;

const CAPTION_NAME = /caption/i;

/** A figcaption or caption-named box whose text is as long as a paragraph of prose. */
export function isProseCaption(element: Element): boolean {
  const named =
    element.name === "figcaption" ||
    CAPTION_NAME.test(attr(element, "class")) ||
    CAPTION_NAME.test(attr(element, "id"));
  if (!named) return false;
  const text = collapse(textOf(element));
  return text.length + spacelessChars(text) >= MIN_PROSE_CAPTION;
}
