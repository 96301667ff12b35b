// Finds the article among the blocks: the element whose subtree holds the most prose and the least
// boilerplate, then keeps that subtree's blocks minus link lists and other non-prose leftovers.
import type { SourcedBlock } from "./blocks.js";
import type { Element } from "./dom.js";
import { isCreditLine, isEndMarker, isPortalFurniture, isSpacelessLine } from "./portal-furniture.js";
import { withRepeatedItems } from "./repeated-items.js";
import { spacelessChars } from "./spaceless-text.js";
import { isTeaserSummary } from "./teaser-cards.js";

/** How much one character of non-prose costs against one character of prose when choosing the container. */
const BOILERPLATE_COST = 1;
/** Above this share of link text a block reads as navigation, not prose. */
const MAX_LINK_DENSITY = 0.5;
const MIN_PROSE_CHARS = 25;
/** Prose may carry some links (citations, names); beyond this share it is a teaser or a link list. */
const MAX_PROSE_LINK_DENSITY = 0.35;
/** A wrapper scoring at least this share of the best element is taken instead of it. */
const NEAR_TIE = 0.95;
/** Sentence punctuation; a "." or ":" inside a number (2024.11.14, 15:40) is not. */
const SENTENCE = /[.!?。！？,，、;:](?!\d)/;

/** Labels that stand where an ad was: never part of the article. */
const AD_LABEL =
  /^(?:advert(?:isement|ising)?|ads?|sponsored(?: content)?|(?:story|article) continues below(?: advertisement)?|continue reading below|scroll to continue with content)$/i;

/** What datelines are made of: months, weekdays, times, zones, "updated/posted/by", numbers. */
const DATE_WORDS =
  /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:sday)?|wed(?:nesday)?|thu(?:rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|am|pm|a\.m\.|p\.m\.|[a-z]{1,2}[sd]t|gmt|utc|updated|posted|published|first|last|on|at|by|\d+(?:st|nd|rd|th)?)\b/gi;

const readingLengths = new WeakMap<SourcedBlock, number>();

/** The block's length in letter-equivalents, so that Chinese and Japanese prose meets the same thresholds. */
function readingLength(block: SourcedBlock): number {
  let length = readingLengths.get(block);
  if (length === undefined) {
    const text = "items" in block.block ? block.block.items.join(" ") : blockTextOf(block);
    length = block.chars + spacelessChars(text);
    readingLengths.set(block, length);
  }
  return length;
}

function linkDensity(block: SourcedBlock): number {
  return block.chars === 0 ? 1 : block.linkChars / block.chars;
}

/** Characters of non-link text per list item: link lists have next to none, listicles plenty. */
const MIN_ITEM_PROSE = 30;
/**
 * A list of sentences (a listicle, a roundup of notes) counts as prose at this weight: enough to carry a
 * post that is one short intro and a long list, not so much that a sidebar of teaser summaries wins.
 */
const PROSE_LIST_WEIGHT = 0.5;

function isProseList(block: SourcedBlock): boolean {
  if (block.block.type !== "list") return false;
  const proseShare = (block.chars - block.linkChars) / Math.max(1, block.chars);
  return (readingLength(block) * proseShare) / block.block.items.length >= MIN_ITEM_PROSE;
}

/**
 * Prose: a paragraph, quote or code block of real sentences that is not mostly links. With `lines`, a
 * Chinese or Japanese line without a full stop counts too (for choosing the container, not its edges).
 */
function isProse(block: SourcedBlock, lines = false): boolean {
  const type = block.block.type;
  if (type === "heading" || type === "table" || type === "list") return false;
  if (linkDensity(block) > MAX_PROSE_LINK_DENSITY || isTeaserSummary(block)) return false;
  const length = readingLength(block);
  const text = blockTextOf(block);
  return (
    length >= 80 || (length >= MIN_PROSE_CHARS && (SENTENCE.test(text) || (lines && isSpacelessLine(text))))
  );
}

function blockTextOf(block: SourcedBlock): string {
  return "text" in block.block ? block.block.text : "";
}

/** A Chinese/Japanese line without a full stop weighs this much of a sentence: likely writing, less sure. */
const UNSTOPPED_LINE_FACTOR = 0.5;

/** Each element's prose minus boilerplate characters, over its subtree. */
export interface ScoreOptions {
  /** Scales each prose block's weight (the draft discounts prose under boilerplate-named elements). */
  proseFactor?: (block: SourcedBlock) => number;
  /** Count listicles and tables as content too: for pages that hold no prose paragraphs at all. */
  countStructure?: boolean;
}

/**
 * Each element's score over its subtree (`total`), and the part of it that lists of sentences gave
 * (`fromLists`): a wrapper must tie the best element on its other blocks too, or a list inside the article
 * would make any wrapper around the article, sidebar and all, look like a tie.
 */
export interface ElementScores {
  total: Map<Element, number>;
  fromLists: Map<Element, number>;
  /** Weight of the prose blocks alone, and how many there are: tells a lone paragraph from an article. */
  prose: Map<Element, number>;
  proseBlocks: Map<Element, number>;
}

export function scoreElements(blocks: SourcedBlock[], options: ScoreOptions = {}): ElementScores {
  const total = new Map<Element, number>();
  const fromLists = new Map<Element, number>();
  const prose = new Map<Element, number>();
  const proseBlocks = new Map<Element, number>();
  const countStructure = options.countStructure ?? false;
  for (const block of blocks) {
    const isProseBlock = isProse(block, true) && !isPortalFurniture(block.block);
    const proseList = !isProseBlock && isProseList(block);
    const factor = isProseBlock || proseList ? (options.proseFactor?.(block) ?? 1) : 1;
    const lineFactor = isProseBlock && !isProse(block) ? UNSTOPPED_LINE_FACTOR : 1;
    const weight =
      (isProseBlock ? block.chars * (1 - linkDensity(block)) * lineFactor : weightOf(block, countStructure)) *
      factor;
    if (weight === 0) continue;
    for (let element: Element | null = block.owner; element; element = element.parent as Element | null) {
      if (element.type !== "tag") break;
      total.set(element, (total.get(element) ?? 0) + weight);
      if (proseList && !countStructure) fromLists.set(element, (fromLists.get(element) ?? 0) + weight);
      if (isProseBlock) {
        prose.set(element, (prose.get(element) ?? 0) + weight);
        proseBlocks.set(element, (proseBlocks.get(element) ?? 0) + 1);
      }
    }
  }
  return { total, fromLists, prose, proseBlocks };
}

/**
 * Non-prose blocks: section headings and tables are neutral (they belong to articles but also to sidebars,
 * so they should not pull the choice either way), lists of sentences count at a discount; everything
 * else — link lists, teaser titles, labels — costs its length.
 */
function weightOf(block: SourcedBlock, countStructure: boolean): number {
  const type = block.block.type;
  if (type === "heading" && !isTeaserTitle(block)) return 0;
  if (isProseList(block)) return (block.chars - block.linkChars) * (countStructure ? 1 : PROSE_LIST_WEIGHT);
  if (type === "table") return countStructure ? block.chars - block.linkChars : 0;
  return -BOILERPLATE_COST * block.chars;
}

/** The element whose subtree maximises prose minus boilerplate, optionally only among `within`'s subtree. */
export function chooseContainer(scores: ElementScores, within?: Element): Element | null {
  const score = scores.total;
  let best: Element | null = null;
  let bestScore = 0;
  for (const [element, value] of score) {
    if (value > bestScore && (!within || inside(element, within))) {
      best = element;
      bestScore = value;
    }
  }
  // Prefer a wrapper that scores nearly as well: the article minus one noisy paragraph is not the article.
  let chosen = best;
  const withoutLists = (element: Element) => (score.get(element) ?? 0) - (scores.fromLists.get(element) ?? 0);
  const bestWithoutLists = best ? withoutLists(best) : 0;
  for (
    let node = best?.parent as Element | null;
    node && node.type === "tag";
    node = node.parent as Element | null
  ) {
    if (within && !inside(node, within)) break;
    const tie =
      (score.get(node) ?? 0) >= bestScore * NEAR_TIE && withoutLists(node) >= bestWithoutLists * NEAR_TIE;
    if (tie) chosen = node;
  }
  if (!chosen) return null;
  const allowed = (element: Element) => !within || inside(element, within);
  return withRepeatedItems(scores.prose, withProseSiblings(scores, chosen, within), allowed);
}

/** A lone paragraph's sibling paragraphs must hold this share of its prose to join it. */
const SIBLING_PROSE = 0.35;

/**
 * A single paragraph is rarely the article: when sibling paragraphs stand beside it (the story's other
 * paragraphs, outweighed by a link list between them), the article is the element holding them all.
 */
function withProseSiblings(scores: ElementScores, chosen: Element, within?: Element): Element {
  const parent = chosen.parent as Element | null;
  // A <p> is one paragraph even when blank lines (<br><br>) split it into several blocks.
  const single = (element: Element) =>
    scores.proseBlocks.get(element) === 1 || (element.name === "p" && scores.prose.has(element));
  if (parent?.type !== "tag" || !single(chosen)) return chosen;
  if (within && !inside(parent, within)) return chosen;
  let siblings = 0;
  for (const child of parent.children) {
    const element = child as Element;
    if (element !== chosen && single(element)) siblings += scores.prose.get(element) ?? 0;
  }
  return siblings >= (scores.prose.get(chosen) ?? 0) * SIBLING_PROSE ? parent : chosen;
}

function inside(element: Element, container: Element): boolean {
  for (let node: Element | null = element; node; node = node.parent as Element | null) {
    if (node === container) return true;
    if (node.type !== "tag") return false;
  }
  return false;
}

/** The container's blocks without link lists, datelines and ad labels, trimmed of non-prose edges. */
export function selectBlocks(blocks: SourcedBlock[], container: Element): SourcedBlock[] {
  const kept = blocks.filter((block) => {
    if (!inside(block.owner, container)) return false;
    if (block.block.type === "heading") return true;
    if (isPortalFurniture(block.block)) return false;
    if (block.block.type === "list" && block.block.items.every(isDateline)) return false;
    if (isProseList(block)) return true;
    if (
      block.block.type === "paragraph" &&
      (isDateline(block.block.text) || AD_LABEL.test(block.block.text))
    ) {
      return false;
    }
    return linkDensity(block) <= MAX_LINK_DENSITY || isLinkedSentence(block);
  });
  return trimEdges(cutAtEndMarker(kept));
}

/** Letters outside links that make a link-dense paragraph a sentence about its links, not a menu. */
const MIN_LINKED_SENTENCE_LETTERS = 60;
/** Beyond this share of link text even a long line is a run of links (a menu between separators). */
const MAX_LINKED_SENTENCE_DENSITY = 0.75;
const MAX_LINKED_SENTENCE_LINKS = 50;

/**
 * "Left to right: a tee ($26), a coat ($109)…": a paragraph naming what it links, with enough words of
 * its own between the links to read as a sentence. Menus and teaser lines have next to none.
 */
function isLinkedSentence(block: SourcedBlock): boolean {
  // A sentence names a few links; hundreds are a link farm (and would make the loop below quadratic).
  if (block.links.length > MAX_LINKED_SENTENCE_LINKS) return false;
  if (block.block.type !== "paragraph" || linkDensity(block) > MAX_LINKED_SENTENCE_DENSITY) return false;
  let rest = block.block.text;
  for (const link of block.links) rest = rest.replace(link.text, " ");
  return (rest.match(/\p{L}/gu)?.length ?? 0) >= MIN_LINKED_SENTENCE_LETTERS && SENTENCE.test(rest);
}

/** The blocks before the first end-of-article label that follows some prose. */
function cutAtEndMarker(blocks: SourcedBlock[]): SourcedBlock[] {
  let seenProse = false;
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index] as SourcedBlock;
    if (seenProse && isEndMarker(block.block)) return blocks.slice(0, index);
    if (isProse(block)) seenProse = true;
  }
  return blocks;
}

/** "Updated 5:27 am CST, Wednesday, November 20, 2019": a line that is a date and little else. */
function isDateline(text: string): boolean {
  if (text.length > 100 || !/\d/.test(text)) return false;
  const rest = text
    .replace(DATE_WORDS, " ")
    .replace(/[^\p{L}]+/gu, " ")
    .trim();
  // Scripts written without spaces have a word per character or two, not one per line.
  const cjk =
    rest.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu)?.length ?? 0;
  return rest.split(" ").filter(Boolean).length + cjk <= 2;
}

/** A heading that is one link is the title of a teaser card ("Most popular", "Related"), not a section. */
function isTeaserTitle(block: SourcedBlock): boolean {
  return block.block.type === "heading" && linkDensity(block) > 0.9;
}

/** A block that can stand at the article's edge: prose, or structure (lists, tables, code, quotes). */
function isBody(block: SourcedBlock): boolean {
  const type = block.block.type;
  if (type === "paragraph") return isProse(block);
  if (type === "heading") return isLedeHeading(block);
  if (type === "list") return isProseList(block) || linkDensity(block) < 0.2;
  return true;
}

/** A whole sentence set in a heading tag: the story's opening paragraph styled large, not a label. */
const MIN_LEDE_CHARS = 100;

function isLedeHeading(block: SourcedBlock): boolean {
  const text = blockTextOf(block);
  return (
    readingLength(block) >= MIN_LEDE_CHARS && linkDensity(block) < 0.2 && /[.!?。！？]["”’]?$/.test(text)
  );
}

/** Drops bylines, datelines, "Related" headings and other short non-prose at the start and the end. */
function trimEdges(blocks: SourcedBlock[]): SourcedBlock[] {
  let start = 0;
  let end = blocks.length;
  while (start < end && !isBody(blocks[start] as SourcedBlock)) start++;
  while (end > start && !isBody(blocks[end - 1] as SourcedBlock)) end--;
  // A credit line right after the last prose block closes the story (most truths keep it).
  if (end < blocks.length && end > start && isCreditLine((blocks[end] as SourcedBlock).block)) end++;
  return blocks.slice(start, end);
}
