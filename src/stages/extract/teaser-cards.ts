// Teaser cards: "headline link, then a one-paragraph summary", repeated. Related-story boxes and
// headline rolls beside an article are made of them; their summaries read like prose, so without this
// a column of five summaries outweighs its own link headlines and joins the article's container.
import type { SourcedBlock } from "./blocks.js";
import { type Element, shapeOf } from "./dom.js";

/** A headline link is nearly all link text and short; a summary is a short paragraph with few links. */
const HEADLINE_LINK_SHARE = 0.9;
const MAX_HEADLINE_CHARS = 200;
const MAX_SUMMARY_CHARS = 400;
const MAX_SUMMARY_LINK_SHARE = 0.2;
/** One headline and summary can be the article's own link; a run of them is a box of other stories. */
const MIN_CARDS = 3;

const teasers = new WeakSet<SourcedBlock>();

/** Whether the block is the summary of a teaser card (see markTeaserCards). */
export function isTeaserSummary(block: SourcedBlock): boolean {
  return teasers.has(block);
}

function isHeadlineLink(block: SourcedBlock): boolean {
  const type = block.block.type;
  return (
    (type === "paragraph" || type === "heading") &&
    block.chars > 0 &&
    block.chars <= MAX_HEADLINE_CHARS &&
    block.linkChars / block.chars >= HEADLINE_LINK_SHARE
  );
}

function isSummary(block: SourcedBlock): boolean {
  return (
    block.block.type === "paragraph" &&
    block.chars <= MAX_SUMMARY_CHARS &&
    block.linkChars / Math.max(1, block.chars) <= MAX_SUMMARY_LINK_SHARE
  );
}

/** A short line without sentence punctuation between cards: a category tag or a date on each card. */
const MAX_LABEL_CHARS = 40;

function isLabel(block: SourcedBlock): boolean {
  const type = block.block.type;
  return (
    (type === "heading" || type === "paragraph") &&
    block.chars <= MAX_LABEL_CHARS &&
    !/[.!?。！？]/.test("text" in block.block ? block.block.text : "")
  );
}

/** The shapes of the summary's element and its two ancestors: one card template, one shape. */
function cardShapeOf(block: SourcedBlock): string {
  let shape = "";
  let node: Element | null = block.owner;
  for (let depth = 0; depth < 3 && node && node.type === "tag"; depth++) {
    shape += `${shapeOf(node)}<`;
    node = node.parent as Element | null;
  }
  return shape;
}

/**
 * Marks the summaries of runs of at least MIN_CARDS consecutive cards (headline link, summary; category
 * labels may stand between them) whose summaries have one shape, as a box of cards does. Blocks are in
 * document order. A box whose summaries hold more text than the rest of the page's prose is the page's
 * content (a front page, a list of posts), not a box beside it.
 */
export function markTeaserCards(blocks: SourcedBlock[]): void {
  const boxes: SourcedBlock[][] = [];
  let run: SourcedBlock[] = [];
  // Cards whose headlines are all questions are an FAQ (its toggles are often links): answers, not teasers.
  let allQuestions = true;
  const close = () => {
    if (run.length >= MIN_CARDS && !allQuestions) boxes.push(run);
    run = [];
    allQuestions = true;
  };
  for (let index = 1; index < blocks.length; index++) {
    const summary = blocks[index] as SourcedBlock;
    const headline = blocks[index - 1] as SourcedBlock;
    if (!isSummary(summary) || !isHeadlineLink(headline)) {
      if (!isHeadlineLink(summary) && !isLabel(summary)) close();
      continue;
    }
    const last = run[run.length - 1];
    if (last && cardShapeOf(last) !== cardShapeOf(summary)) close();
    run.push(summary);
    allQuestions &&= /[?？]\s*$/.test("text" in headline.block ? headline.block.text : "");
  }
  close();
  if (boxes.length === 0) return;
  let prose = 0;
  for (const block of blocks) if (block.block.type === "paragraph") prose += block.chars - block.linkChars;
  for (const box of boxes) {
    const chars = box.reduce((sum, block) => sum + block.chars, 0);
    if (chars * 2 <= prose) for (const summary of box) teasers.add(summary);
  }
}
