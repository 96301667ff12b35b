// Citation verification and repair for LLM-written claims: the fast lexical/numeric check first, then the
// LLM entailment check in batches for whatever the fast check cannot confirm. Unsupported citations are
// re-cited, the claim rewritten, or dropped.
import type { LlmClient } from "../../ports/llm.js";
import { checkClaimSupport } from "../../text/support.js";
import { cosine, similarityTerms, termCounts } from "../../text/terms.js";
import type { Claim, GroundingSummary, Passage } from "../../types.js";
import { checkEntailment, type EntailmentItem } from "./check-entailment.js";

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
  /** Claims per entailment call. Default 8. */
  batchSize?: number;
  signal?: AbortSignal;
}

const URL_LIKE = /\b(?:https?:\/\/|www\.)\S+/i;
const MAX_ALTERNATIVES = 8;

export async function verifyClaims(input: VerifyInput): Promise<VerifiedClaim[]> {
  const results: VerifiedClaim[] = new Array(input.claims.length);
  const pending: Array<{ index: number; item: EntailmentItem }> = [];
  input.claims.forEach((claim, index) => {
    const cited = claim.passageIds.flatMap((id) => input.passages.get(id) ?? []);
    const verdicts = cited.map((p) => checkClaimSupport(claim.text, p));
    if (cited.length > 0 && verdicts.every((v) => v === "supported")) {
      results[index] = { claim: { ...claim, passageIds: cited.map((p) => p.id) }, outcome: "supported" };
      return;
    }
    const citedIds = new Set(cited.map((p) => p.id));
    const alternatives = closest(
      claim.text,
      input.candidates.filter((p) => !citedIds.has(p.id)),
    );
    pending.push({ index, item: { text: claim.text, cited, alternatives } });
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
      batch.forEach(({ index, item }, i) => {
        const claim = input.claims[index] as Claim;
        const verdict = verdicts[i];
        const citedIds = item.cited.map((p) => p.id);
        if (verdict && verdict.supportedBy.length > 0) {
          const same =
            verdict.supportedBy.length === citedIds.length &&
            citedIds.every((id) => verdict.supportedBy.includes(id));
          results[index] = {
            claim: { ...claim, passageIds: verdict.supportedBy },
            outcome: same ? "supported" : "repaired",
          };
        } else if (verdict?.rewrite && !URL_LIKE.test(verdict.rewrite.text)) {
          results[index] = {
            claim: { ...claim, text: verdict.rewrite.text, passageIds: verdict.rewrite.passageIds },
            outcome: "repaired",
          };
        } else {
          results[index] = { claim: null, outcome: "dropped" };
        }
      });
    }),
  );
  return results;
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
  return { claims: writer.claims, supported: writer.claims - dropped - repaired, repaired, dropped };
}
