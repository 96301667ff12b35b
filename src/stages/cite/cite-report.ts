// Draft → Report: the final gate. Checks every claim against the passages it cites with the same rules
// the verifier used (text/support.ts: fast check, or the evidence span an entailment answer quoted),
// re-cites or drops what they do not support, records how each sentence was confirmed, and numbers the
// sources by first appearance.
import { citedAddress } from "../../text/canonical.js";
import { assertSupportedLang, reportLabels } from "../../text/labels.js";
import {
  type Confirmation,
  checkClaimSupport,
  confirmClaim,
  type Glossary,
  judgeClaimSupport,
  parseGlossary,
  type SupportVerdict,
} from "../../text/support.js";
import type {
  Claim,
  ConfirmationMethod,
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

  const glossary = parseGlossary(input.draft.glossary);
  const confirmedBy: Record<ConfirmationMethod, number> = { verbatim: 0, "fast-check": 0, entailment: 0 };

  const verifyClaim = (claim: Claim): Claim | null => {
    grounding.claims++;
    const cited = claim.passageIds.flatMap((id) => byId.get(id) ?? []);
    // The verifier decided with the same rules, so a claim it confirmed (with a valid span) stays.
    const confirmed =
      confirmClaim(claim, cited, glossary) ??
      findSupport(claim, cited, input.passages, sourceOrder, glossary);
    if (!confirmed) {
      grounding.dropped++;
      return null;
    }
    const same =
      confirmed.passageIds.length === claim.passageIds.length &&
      claim.passageIds.every((id) => confirmed.passageIds.includes(id));
    if (same) grounding.supported++;
    else grounding.repaired++;
    confirmedBy[confirmed.method]++;
    const { spans, confirmedBy: _previous, ...rest } = claim;
    const kept = spans?.filter((s) => confirmed.passageIds.includes(s.passageId));
    return {
      ...rest,
      passageIds: confirmed.passageIds,
      confirmedBy: confirmed.method,
      ...(kept && kept.length > 0 ? { spans: kept } : {}),
    };
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
    grounding: { ...grounding, confirmedBy },
    failures: input.failures,
    ...(input.draft.glossary && input.draft.glossary.length > 0 ? { glossary: input.draft.glossary } : {}),
  };
}

/**
 * A passage the fast check finds supporting the claim when its citation does not: first in the sources
 * the claim cited, then the original article, then the other sources in order.
 */
function findSupport(
  claim: Claim,
  cited: Passage[],
  passages: Passage[],
  sourceOrder: Map<string, number>,
  glossary: Glossary,
): Confirmation | null {
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
  for (const passage of ordered) {
    const judged = judgeClaimSupport(claim.text, passage, glossary);
    if (judged.verdict === "supported")
      return { passageIds: [passage.id], method: judged.method ?? "fast-check" };
  }
  return null;
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
