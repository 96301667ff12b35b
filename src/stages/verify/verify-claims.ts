// Citation verification and repair for LLM-written claims: the fast check first (numbers, names, polarity,
// terms), then the LLM entailment check in batches for whatever it cannot confirm. The model must quote
// the span of each passage that supports a claim; code checks the span (text/support.ts). Unsupported
// citations are re-cited, the claim rewritten, or dropped.
import type { LlmClient } from "../../ports/llm.js";
import { type Confirmation, confirmClaim, type Glossary, parseGlossary } from "../../text/support.js";
import { cosine, similarityTerms, termCounts } from "../../text/terms.js";
import type { Claim, EvidenceSpan, GroundingSummary, Passage } from "../../types.js";
import { checkEntailment, type EntailmentItem, type EntailmentVerdict } from "./check-entailment.js";

export type ClaimOutcome = "supported" | "repaired" | "dropped";

export interface VerifiedClaim {
  claim: Claim | null;
  outcome: ClaimOutcome;
}

export interface VerifyInput {
  llm: LlmClient;
  claims: Claim[];
  /** Every passage of the run, to look cited ids up. */
  passages: ReadonlyMap<string, Passage>;
  /** Passages a claim may be re-cited to (its sub-theme's, for a section). */
  candidates: Passage[];
  /** Label of the LLM calls, e.g. "verify:section:2". */
  purpose: string;
  lang: string;
  /** The outline's spellings of each name ("DeepSeek / ディープシーク"), to match names across scripts. */
  glossary?: string[];
  /** Claims per entailment call. Default 8. */
  batchSize?: number;
  signal?: AbortSignal;
}

const URL_LIKE = /\b(?:https?:\/\/|www\.)\S+/i;
const MAX_ALTERNATIVES = 8;

export async function verifyClaims(input: VerifyInput): Promise<VerifiedClaim[]> {
  const glossary = parseGlossary(input.glossary);
  const results: VerifiedClaim[] = new Array(input.claims.length);
  const pending: Array<{ index: number; item: EntailmentItem; fast: Confirmation | null }> = [];
  input.claims.forEach((claim, index) => {
    const cited = claim.passageIds.flatMap((id) => input.passages.get(id) ?? []);
    const bare: Claim = { text: claim.text, passageIds: claim.passageIds, ...quotationOf(claim) };
    const fast = confirmClaim(bare, cited, glossary);
    if (fast && fast.passageIds.length === cited.length && cited.length === claim.passageIds.length) {
      results[index] = { claim: { ...bare, confirmedBy: fast.method }, outcome: "supported" };
      return;
    }
    const citedIds = new Set(cited.map((p) => p.id));
    const alternatives = closest(
      claim.text,
      input.candidates.filter((p) => !citedIds.has(p.id)),
    );
    pending.push({ index, item: { text: claim.text, cited, alternatives }, fast });
  });
  const size = input.batchSize ?? 8;
  const batches = Array.from({ length: Math.ceil(pending.length / size) }, (_, i) =>
    pending.slice(i * size, (i + 1) * size),
  );
  await Promise.all(
    batches.map(async (batch, batchIndex) => {
      const verdicts = await checkEntailment(
        input.llm,
        batch.map((b) => b.item),
        {
          purpose: batches.length > 1 ? `${input.purpose}:${batchIndex + 1}` : input.purpose,
          lang: input.lang,
          ...(input.signal ? { signal: input.signal } : {}),
        },
      );
      batch.forEach(({ index, item, fast }, i) => {
        const claim = input.claims[index] as Claim;
        const offered = [...item.cited, ...item.alternatives];
        results[index] = settle(claim, item.cited, offered, verdicts[i], fast, glossary);
      });
    }),
  );
  return results;
}

const quotationOf = (claim: Claim) => (claim.quotation ? { quotation: true } : {});

/**
 * What the entailment answer establishes, judged by code: the passages whose quoted spans pass
 * `confirmClaim` (a model's "supported" without a valid span counts for nothing), else a rewrite that
 * passes it, else what the fast check alone confirmed, else nothing.
 */
function settle(
  claim: Claim,
  cited: Passage[],
  offered: Passage[],
  verdict: EntailmentVerdict | undefined,
  fast: Confirmation | null,
  glossary: Glossary,
): VerifiedClaim {
  const citedIds = cited.map((p) => p.id);
  const attempt = (text: string, spans: EvidenceSpan[]): Claim | null => {
    const withSpans: Claim = {
      text,
      passageIds: spans.map((s) => s.passageId),
      spans,
      ...quotationOf(claim),
    };
    const passages = offered.filter((p) => withSpans.passageIds.includes(p.id));
    const confirmed = confirmClaim(withSpans, passages, glossary);
    if (!confirmed) return null;
    const kept = spans.filter((s) => confirmed.passageIds.includes(s.passageId));
    return {
      text,
      passageIds: confirmed.passageIds,
      confirmedBy: confirmed.method,
      ...(kept.length > 0 ? { spans: kept } : {}),
      ...quotationOf(claim),
    };
  };
  const supported = verdict && verdict.support.length > 0 ? attempt(claim.text, verdict.support) : null;
  if (supported) {
    const same =
      supported.passageIds.length === citedIds.length &&
      citedIds.every((id) => supported.passageIds.includes(id));
    return { claim: supported, outcome: same ? "supported" : "repaired" };
  }
  if (verdict?.rewrite && !URL_LIKE.test(verdict.rewrite.text)) {
    const rewritten = attempt(verdict.rewrite.text, verdict.rewrite.support);
    if (rewritten) return { claim: rewritten, outcome: "repaired" };
  }
  if (fast) {
    return {
      claim: {
        text: claim.text,
        passageIds: fast.passageIds,
        confirmedBy: fast.method,
        ...quotationOf(claim),
      },
      outcome: "repaired",
    };
  }
  return { claim: null, outcome: "dropped" };
}

/** The candidates that share the most terms with the claim: where a re-citation is likeliest to be found. */
function closest(text: string, candidates: Passage[]): Passage[] {
  if (candidates.length <= MAX_ALTERNATIVES) return candidates;
  const terms = termCounts(similarityTerms(text));
  return candidates
    .map((passage, index) => ({
      passage,
      index,
      score: cosine(terms, termCounts(similarityTerms(passage.text))),
    }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, MAX_ALTERNATIVES)
    .map((entry) => entry.passage);
}

export function summarize(outcomes: ClaimOutcome[]): GroundingSummary {
  return {
    claims: outcomes.length,
    supported: outcomes.filter((o) => o === "supported").length,
    repaired: outcomes.filter((o) => o === "repaired").length,
    dropped: outcomes.filter((o) => o === "dropped").length,
  };
}

/**
 * The grounding of a report whose writer verified its own claims (`writer`) before citeReport's fast gate
 * (`gate`, counted over the claims the writer kept): a claim is dropped if either step dropped it and
 * repaired if either repaired it.
 */
export function mergeGrounding(writer: GroundingSummary, gate: GroundingSummary): GroundingSummary {
  const dropped = writer.dropped + gate.dropped;
  const repaired = Math.min(writer.repaired + gate.repaired, writer.claims - dropped);
  const merged = { claims: writer.claims, supported: writer.claims - dropped - repaired, repaired, dropped };
  // How the report's sentences were confirmed is the gate's to say: it saw the final sentences.
  return gate.confirmedBy ? { ...merged, confirmedBy: gate.confirmedBy } : merged;
}
