// What every renderer needs to know about a claim: its citation numbers and its display text.
import { reportLabels } from "../../text/labels.js";
import type { Claim, Paragraph, Report } from "../../types.js";

/** Maps each cited passage to the number of its source in the reference list. */
export function citationNumbers(report: Report): (claim: Claim) => number[] {
  const numberOfSource = new Map(report.references.map((r) => [r.sourceId, r.n]));
  const sourceOfPassage = new Map(report.passages.map((p) => [p.id, p.sourceId]));
  return (claim) => {
    const numbers = new Set<number>();
    for (const id of claim.passageIds) {
      const n = numberOfSource.get(sourceOfPassage.get(id) ?? "");
      if (n !== undefined) numbers.add(n);
    }
    return [...numbers].sort((a, b) => a - b);
  };
}

/** The claim as one line of text, wrapped in the report language's quotation marks when quoted. */
export function claimText(claim: Claim, lang: string): string {
  const text = claim.text.replace(/\s+/g, " ").trim();
  if (!claim.quotation) return text;
  const labels = reportLabels(lang);
  return `${labels.quoteOpen}${text}${labels.quoteClose}`;
}

/** Every paragraph of the body in reading order: introduction, sections, conclusion. */
export function allParagraphs(report: Report): Paragraph[] {
  return [
    ...report.introduction,
    ...report.sections.flatMap((s) => [...s.paragraphs, ...s.subsections.flatMap((sub) => sub.paragraphs)]),
    ...report.conclusion,
  ];
}

/** A URL made safe inside Markdown link parentheses. */
export function linkUrl(url: string): string {
  return url.replace(/ /g, "%20").replace(/\(/g, "%28").replace(/\)/g, "%29");
}
