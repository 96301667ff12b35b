// Draft → Report: checks every claim against the passages it cites, re-cites or drops what they do
// not support, and numbers the sources by first appearance.
import { citedAddress } from "../../text/canonical.js";
import { assertSupportedLang, reportLabels } from "../../text/labels.js";
import { checkClaimSupport, type SupportVerdict } from "../../text/support.js";
import type {
  Claim,
  Draft,
  GroundingSummary,
  Paragraph,
  Passage,
  Reference,
  Report,
  Section,
  Source,
  SourceFailure,
} from "../../types.js";

export { assertSupportedLang, checkClaimSupport, reportLabels, type SupportVerdict };

export interface CiteInput {
  draft: Draft;
  sources: Source[];
  passages: Passage[];
  lang: string;
  engine: string;
  id: string;
  createdAt: string;
  failures: SourceFailure[];
}

export function citeReport(input: CiteInput): Report {
  assertSupportedLang(input.lang);
  const byId = new Map(input.passages.map((p) => [p.id, p]));
  const sourceOrder = new Map(input.sources.map((s, i) => [s.id, i]));
  const grounding: GroundingSummary = { claims: 0, supported: 0, repaired: 0, dropped: 0 };

  const verifyClaim = (claim: Claim): Claim | null => {
    grounding.claims++;
    const cited = claim.passageIds.flatMap((id) => byId.get(id) ?? []);
    const verdicts = cited.map((p) => checkClaimSupport(claim.text, p));
    // An "undecided" passage (a translation cannot be checked word for word) is kept when no cited
    // passage is known to support the claim but none contradicts its numbers and names either.
    const keep = verdicts.includes("supported")
      ? cited.filter((_, i) => verdicts[i] === "supported")
      : cited.filter((_, i) => verdicts[i] === "undecided");
    if (keep.length > 0) {
      if (keep.length === claim.passageIds.length) grounding.supported++;
      else grounding.repaired++;
      return { ...claim, passageIds: keep.map((p) => p.id) };
    }
    const replacement = findSupport(claim, cited, input.passages, sourceOrder);
    if (replacement) {
      grounding.repaired++;
      return { ...claim, passageIds: [replacement.id] };
    }
    grounding.dropped++;
    return null;
  };

  const verifyParagraphs = (paragraphs: Paragraph[]): Paragraph[] =>
    paragraphs
      .map((p) => ({ claims: p.claims.flatMap((c) => verifyClaim(c) ?? []) }))
      .filter((p) => p.claims.length > 0);

  const introduction = verifyParagraphs(input.draft.introduction);
  const sections: Section[] = input.draft.sections
    .map((section) => ({
      heading: section.heading,
      paragraphs: verifyParagraphs(section.paragraphs),
      subsections: section.subsections
        .map((sub) => ({ heading: sub.heading, paragraphs: verifyParagraphs(sub.paragraphs) }))
        .filter((sub) => sub.paragraphs.length > 0),
    }))
    .filter((section) => section.paragraphs.length > 0 || section.subsections.length > 0);
  const conclusion = verifyParagraphs(input.draft.conclusion);

  const claimsInOrder = [
    ...introduction,
    ...sections.flatMap((s) => [...s.paragraphs, ...s.subsections.flatMap((sub) => sub.paragraphs)]),
    ...conclusion,
  ].flatMap((p) => p.claims);
  const citedPassages: Passage[] = [];
  const seenPassages = new Set<string>();
  const references: Reference[] = [];
  for (const claim of claimsInOrder) {
    for (const id of claim.passageIds) {
      const passage = byId.get(id) as Passage;
      if (!seenPassages.has(id)) {
        seenPassages.add(id);
        citedPassages.push(passage);
      }
      if (references.some((r) => r.sourceId === passage.sourceId)) continue;
      const source = input.sources.find((s) => s.id === passage.sourceId);
      if (!source) continue;
      references.push({
        n: references.length + 1,
        sourceId: source.id,
        url: sourceUrl(source),
        title: cleanTitle(source),
      });
    }
  }
  const subject = input.sources.find((s) => s.role === "article") ?? input.sources[0];
  return {
    id: input.id,
    lang: input.lang,
    engine: input.engine,
    createdAt: input.createdAt,
    title: input.draft.title.replace(/\s+/g, " ").trim(),
    introduction,
    sections,
    conclusion,
    references,
    original: subject ? { title: cleanTitle(subject), url: sourceUrl(subject) } : { title: "", url: "" },
    sources: input.sources,
    passages: citedPassages,
    grounding,
    failures: input.failures,
  };
}

/**
 * A passage that supports the claim when its citation does not: first in the sources the claim
 * cited, then the original article, then the other sources in order.
 */
function findSupport(
  claim: Claim,
  cited: Passage[],
  passages: Passage[],
  sourceOrder: Map<string, number>,
): Passage | null {
  const citedSources = new Set(cited.map((p) => p.sourceId));
  const priority = (p: Passage) =>
    citedSources.has(p.sourceId) ? -1 : (sourceOrder.get(p.sourceId) ?? Infinity);
  const ordered = passages
    .filter((p) => sourceOrder.has(p.sourceId))
    .sort(
      (a, b) =>
        priority(a) - priority(b) ||
        (sourceOrder.get(a.sourceId) ?? 0) - (sourceOrder.get(b.sourceId) ?? 0) ||
        a.start - b.start,
    );
  return ordered.find((p) => checkClaimSupport(claim.text, p) === "supported") ?? null;
}

export function sourceUrl(source: Source): string {
  return citedAddress(source.article);
}

/** The title with collapsed whitespace and without a trailing " | Site" / " - Site" naming the site. */
export function cleanTitle(source: Source): string {
  let title = source.article.title.replace(/\s+/g, " ").trim();
  const site = source.article.siteName?.trim();
  if (site) {
    for (const separator of [" | ", " - ", " – ", " — ", " ｜ "]) {
      const suffix = `${separator}${site}`;
      if (title.endsWith(suffix) && title.length > suffix.length)
        title = title.slice(0, -suffix.length).trim();
    }
  }
  if (title.length > 0) return title;
  return sourceUrl(source);
}
