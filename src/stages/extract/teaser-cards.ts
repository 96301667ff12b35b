// Teaser cards: "headline link, then a one-paragraph summary", repeated. Related-story boxes and
// headline rolls beside an article are made of them; their summaries read like prose, so without this
// a column of five summaries outweighs its own link headlines and joins the article's container.
import type { SourcedBlock } from "./blocks.js";

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

/**
 * Marks the summaries of runs of at least MIN_CARDS consecutive cards (headline link, summary) whose
 * summaries share one parent element, as a box of cards does. Blocks are in document order.
 */
export function markTeaserCards(blocks: SourcedBlock[]): void {
  const found: SourcedBlock[] = [];
  let run: SourcedBlock[] = [];
  const close = () => {
    if (run.length >= MIN_CARDS) found.push(...run);
    run = [];
  };
  for (let index = 1; index < blocks.length; index++) {
    const summary = blocks[index] as SourcedBlock;
    const headline = blocks[index - 1] as SourcedBlock;
    if (!isSummary(summary) || !isHeadlineLink(headline)) {
      if (!isHeadlineLink(summary)) close();
      continue;
    }
    const last = run[run.length - 1];
    if (last && last.owner.parent !== summary.owner.parent) close();
    run.push(summary);
  }
  close();
  for (const summary of found) teasers.add(summary);
}
