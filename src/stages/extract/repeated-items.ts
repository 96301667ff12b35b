// A page of like items (an episode list, a directory, a photo post whose text sits under each photo)
// gives each item its own small container: the best-scoring one is a single item, and the page's text
// is all of them. When the chosen element is one of several siblings of the same shape that together
// hold more prose than it does, the article is their parent.
import { type Element, shapeOf } from "./dom.js";

/** How far above the chosen element its item may start (description → info → item). */
const MAX_ITEM_DEPTH = 6;
/** The item must hold nearly no prose beyond the chosen element's: it is a wrapper, not a section. */
const ITEM_PROSE_SLACK = 1.2;
/** Other items of the same shape with prose, beside the chosen one. */
const MIN_OTHER_ITEMS = 1;
/** Together the other items must hold at least this multiple of the chosen element's prose. */
const OTHER_ITEMS_PROSE = 1;

/**
 * The parent of the like items around `chosen`, or `chosen` itself. `prose` is each element's prose
 * weight over its subtree; `allowed` says whether an element may be chosen at all.
 */
export function withRepeatedItems(
  prose: Map<Element, number>,
  chosen: Element,
  allowed: (element: Element) => boolean,
): Element {
  const own = prose.get(chosen) ?? 0;
  if (own === 0) return chosen;
  let item = chosen;
  for (let depth = 0; depth < MAX_ITEM_DEPTH; depth++) {
    const parent = item.parent as Element | null;
    if (parent?.type !== "tag" || !allowed(parent)) return chosen;
    if ((prose.get(item) ?? 0) > own * ITEM_PROSE_SLACK) return chosen;
    const shape = shapeOf(item);
    let others = 0;
    let othersProse = 0;
    for (const child of parent.children) {
      if (child === item || child.type !== "tag") continue;
      const sibling = child as Element;
      const value = prose.get(sibling) ?? 0;
      if (value > 0 && shapeOf(sibling) === shape) {
        others++;
        othersProse += value;
      }
    }
    if (others >= MIN_OTHER_ITEMS && othersProse >= own * OTHER_ITEMS_PROSE) return parent;
    item = parent;
  }
  return chosen;
}
