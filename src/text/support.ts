// Does a passage say what a claim says? The one definition of "supported", shared by the verifier, the
// final citation gate and the format checker: the fast check (verbatim, or the same numbers, names,
// polarity and most terms), and the check of the evidence span an entailment answer quotes.
import type { Claim, ConfirmationMethod, Passage } from "../types.js";
import { type Glossary, memoByText, NO_GLOSSARY, namesOf, numbersOf } from "./claim-anchors.js";
import { sentenceLang } from "./language.js";
import { inGlossary, nameFoundIn } from "./name-spellings.js";
import { polarityAgrees, withoutCues } from "./polarity.js";
import { foldText, similarityTerms } from "./terms.js";

export type { Glossary } from "./claim-anchors.js";
export { parseGlossary } from "./claim-anchors.js";

export type SupportVerdict = "supported" | "unsupported" | "undecided";

/** Why a claim is not confirmed: what a reader (or a test) can check in the texts. */
export type SupportReason = "empty" | "numbers" | "names" | "language" | "polarity" | "terms";

export interface SupportJudgement {
  verdict: SupportVerdict;
  /** How a supported claim was confirmed. */
  method?: Exclude<ConfirmationMethod, "entailment">;
  reason?: SupportReason;
}

/** Share of a claim's terms that a same-language paraphrase must reuse from its passage. */
const MIN_TERM_OVERLAP = 0.6;
/** Share of a same-language claim's terms its evidence span must contain: a span is about the claim. */
const MIN_SPAN_OVERLAP = 0.4;

/** Openings that add no content: "Reportedly, <the passage's sentence>" is still that sentence. */
const FRAMING_OPENING =
  /^(?:reportedly|overall|however|meanwhile|moreover|furthermore|additionally|separately|notably|indeed|similarly|likewise|in (?:short|sum|addition|particular|contrast)|by contrast|as a result|at the same time|according to [^,]{1,60})\s*,\s*|^(?:報道によると|報道によれば|一方|また|さらに|なお|ただし|全体として|総じて|据报道|此外|另外|同时)[、，,]\s*/iu;

/** Whitespace-collapsed, folded text without citation marks, quotation marks or final punctuation. */
const comparable = memoByText(readComparable);

function readComparable(text: string): string {
  return foldText(text)
    .replace(/\[\d+\]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^[「『“"'‘]+|[」』”"'’]+$/g, "")
    .replace(/[。．.！!？?]+$/u, "")
    .replace(/[「『“"'‘]+$|^[」』”"'’]+/g, "")
    .trim();
}

/** Similarity terms without cue words and numbers: what a clause is about. */
const contentWords = memoByText((text) =>
  similarityTerms(withoutCues(text)).filter((term) => !/^[\d.]+$/.test(term)),
);

/**
 * Anchors two clauses share: numbers, names found either way in any script, and the words they share
 * besides their cues ("fell" must not tie a reversed claim to the clause it reverses).
 */
function anchorOverlap(glossary: Glossary) {
  return (claimClause: string, passageClause: string): number => {
    const numbers = new Set(numbersOf(passageClause, true));
    let shared = numbersOf(claimClause).filter((n) => numbers.has(n)).length;
    // A name counts once, whichever side spells it in a script the other can be searched for.
    shared += Math.max(
      namesOf(claimClause).filter((name) => nameFoundIn(name, passageClause, glossary)).length,
      namesOf(passageClause).filter((name) => nameFoundIn(name, claimClause, glossary)).length,
    );
    const terms = new Set(contentWords(passageClause));
    shared += contentWords(claimClause).filter((term) => terms.has(term)).length;
    return shared;
  };
}

/**
 * The sentences of the evidence a claim is about, judged without numbers (names and words only), so a
 * changed number cannot borrow a number from another sentence of the same passage.
 */
function aboutSentences(claim: string, evidence: string, glossary: Glossary): string[] {
  const sentences = evidence.split(/(?<=[.!?])\s+|(?<=[。！？])\s*/u).filter((s) => s.trim().length > 0);
  if (sentences.length < 2) return [evidence];
  const scores = sentences.map(
    (sentence) =>
      namesOf(claim).filter((name) => nameFoundIn(name, sentence, glossary)).length +
      termOverlap(contentWords(claim), contentWords(sentence)),
  );
  const best = Math.max(...scores);
  return best > 0 ? sentences.filter((_, i) => (scores[i] ?? 0) >= best / 2) : sentences;
}

/** The first rule (numbers, names, polarity) by which `evidence` does not support `claim`, or null. */
function anchorsMissing(claim: string, evidence: string, glossary: Glossary): SupportReason | null {
  // Counted, not just looked up: "3 plants … in March" needs two 3s.
  const claimNumbers = numbersOf(claim);
  const available = new Map<string, number>();
  if (claimNumbers.length > 0)
    for (const n of numbersOf(aboutSentences(claim, evidence, glossary).join(" "), true))
      available.set(n, (available.get(n) ?? 0) + 1);
  for (const n of claimNumbers) {
    const left = available.get(n) ?? 0;
    if (left === 0) return "numbers";
    available.set(n, left - 1);
  }
  // Only an English-like claim has capitalised plain words; in Japanese any Latin word is a name.
  const crossScript = sentenceScript(claim) === "latin" && sentenceScript(evidence) !== "latin";
  const missing = namesOf(claim).some((name) => {
    // A capitalised opening word in a translation may be a plain noun ("Exports rose …"): a name only if
    // the glossary lists it.
    if (name.initialWord && crossScript && !inGlossary(name.text, glossary)) return false;
    return !nameFoundIn(name, evidence, glossary);
  });
  if (missing) return "names";
  if (!polarityAgrees(claim, evidence, anchorOverlap(glossary))) return "polarity";
  return null;
}

function sentenceScript(text: string): "kana" | "han" | "latin" {
  if (/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(text)) return "kana";
  return /\p{Script=Han}/u.test(text) ? "han" : "latin";
}

function termOverlap(claim: string | string[], evidence: string | string[]): number {
  const terms = new Set(typeof claim === "string" ? termsOf(claim) : claim);
  if (terms.size === 0) return 0;
  const evidenceTerms = new Set(typeof evidence === "string" ? termsOf(evidence) : evidence);
  let shared = 0;
  for (const term of terms) if (evidenceTerms.has(term)) shared++;
  return shared / terms.size;
}

const termsOf = memoByText(similarityTerms);

/**
 * The fast check. "supported" when the passage contains the claim (verbatim, or after an opening such
 * as "Reportedly,"), or the claim reuses the passage's numbers, names and most of its terms and points
 * the same way (negation, direction, time order, modality, quantifiers). "unsupported" when a number or
 * name is missing or a same-language claim shares too few terms. "undecided" — for the entailment
 * check to settle — when the claim is a translation or points another way than its passage.
 */
export function judgeClaimSupport(
  claim: string,
  passage: Passage,
  glossary: Glossary = NO_GLOSSARY,
): SupportJudgement {
  const claimText = comparable(claim);
  if (claimText.length === 0) return { verdict: "unsupported", reason: "empty" };
  const passageText = comparable(passage.text);
  const core = claimText.replace(FRAMING_OPENING, "");
  // Words taken out of a longer sentence ("Toyota raised prices" out of "It is not true that Toyota
  // raised prices") must still point the way their clause of the passage does.
  if (core.length > 0 && passageText.includes(core)) {
    return polarityAgrees(claim, passage.text, anchorOverlap(glossary))
      ? { verdict: "supported", method: "verbatim" }
      : { verdict: "undecided", reason: "polarity" };
  }
  const missing = anchorsMissing(claim, passage.text, glossary);
  if (missing === "numbers" || missing === "names") return { verdict: "unsupported", reason: missing };
  if (sentenceLang(claim, passage.lang) !== sentenceLang(passage.text, passage.lang))
    return { verdict: "undecided", reason: "language" };
  if (missing === "polarity") return { verdict: "undecided", reason: "polarity" };
  return termOverlap(claim, passage.text) >= MIN_TERM_OVERLAP
    ? { verdict: "supported", method: "fast-check" }
    : { verdict: "unsupported", reason: "terms" };
}

export function checkClaimSupport(
  claim: string,
  passage: Passage,
  glossary: Glossary = NO_GLOSSARY,
): SupportVerdict {
  return judgeClaimSupport(claim, passage, glossary).verdict;
}

const squeeze = (text: string) => text.normalize("NFKC").replace(/\s+/g, " ").trim();

/**
 * Whether the spans an entailment answer quoted support the claim: each must be words of its passage
 * (checked verbatim), and together they must hold the claim's numbers and names (in any script, through
 * the glossary), point the same way, and — in the claim's own language — share enough of its terms.
 */
export function checkEvidence(
  claim: string,
  evidence: ReadonlyArray<{ passage: Passage; span: string }>,
  glossary: Glossary = NO_GLOSSARY,
): { valid: boolean; reason?: SupportReason | "span" } {
  const spans = evidence.map(({ passage, span }) => ({ passage, span: squeeze(span) }));
  if (spans.length === 0 || spans.some(({ passage, span }) => !span || !squeeze(passage.text).includes(span)))
    return { valid: false, reason: "span" };
  const joined = spans.map((s) => s.span).join("\n");
  const missing = anchorsMissing(claim, joined, glossary);
  if (missing) return { valid: false, reason: missing };
  if (sentenceScript(claim) === sentenceScript(joined) && termOverlap(claim, joined) < MIN_SPAN_OVERLAP)
    return { valid: false, reason: "terms" };
  return { valid: true };
}

export interface Confirmation {
  passageIds: string[];
  method: ConfirmationMethod;
}

/**
 * The passages that confirm a claim, and how: those the fast check supports (verbatim before the fast
 * check), else those whose quoted spans the claim carries and `checkEvidence` accepts; null when none.
 * The verifier and the final gate both decide with this, so they cannot disagree.
 */
export function confirmClaim(
  claim: Claim,
  cited: Passage[],
  glossary: Glossary = NO_GLOSSARY,
): Confirmation | null {
  const judged = cited.map((passage) => ({ passage, ...judgeClaimSupport(claim.text, passage, glossary) }));
  const supported = judged.filter((j) => j.verdict === "supported");
  const fastIds = supported.map((j) => j.passage.id);
  const evidence = (claim.spans ?? []).flatMap((s) => {
    const passage = cited.find((p) => p.id === s.passageId);
    return passage && !fastIds.includes(passage.id) ? [{ passage, span: s.text }] : [];
  });
  const spanIds =
    evidence.length > 0 && checkEvidence(claim.text, evidence, glossary).valid
      ? [...new Set(evidence.map((e) => e.passage.id))]
      : [];
  if (fastIds.length === 0 && spanIds.length === 0) return null;
  const passageIds = cited.map((p) => p.id).filter((id) => fastIds.includes(id) || spanIds.includes(id));
  if (fastIds.length === 0) return { passageIds, method: "entailment" };
  const method = supported.some((j) => j.method === "verbatim") ? "verbatim" : "fast-check";
  return { passageIds, method };
}
