// The LLM entailment check: for a batch of claims, which of the offered passages say what each claim says,
// each with the span of its words that says it (quoted verbatim, so code can check it), and, when none
// does, the claim rewritten to what its cited passages do say, with its spans too.
import { z } from "zod";
import type { LlmClient } from "../../ports/llm.js";
import { DATA_RULES, passageElement } from "../../text/prompt-data.js";
import type { EvidenceSpan, Passage } from "../../types.js";

export interface EntailmentItem {
  text: string;
  cited: Passage[];
  /** Passages the claim may be re-cited to, besides those it cites. */
  alternatives: Passage[];
}

export interface EntailmentVerdict {
  /** The offered passages the model says support the claim, with the span it quoted from each. */
  support: EvidenceSpan[];
  rewrite: { text: string; support: EvidenceSpan[] } | null;
}

const supportSchema = z
  .array(
    z.object({
      passage: z.string().describe("the id of an offered passage"),
      span: z
        .string()
        .describe("the words of that passage that state it, copied exactly, character for character"),
    }),
  )
  .describe("the offered passages that state everything the claim states, each with its span; empty if none");

function verdictSchema(count: number) {
  return z
    .object({
      results: z.array(
        z.object({
          claim: z.number().int().describe("the claim's n"),
          support: supportSchema,
          rewrite: z
            .object({ text: z.string().min(1), support: supportSchema.min(1) })
            .nullable()
            .describe(
              "only when support is empty: the claim corrected to what its cited passages say, or null",
            ),
        }),
      ),
    })
    .refine(
      (value) =>
        Array.from({ length: count }, (_, i) => i + 1).every((n) => value.results.some((r) => r.claim === n)),
      { message: `give one result for every claim n from 1 to ${count}` },
    );
}

export async function checkEntailment(
  llm: LlmClient,
  items: EntailmentItem[],
  options: { purpose: string; lang: string; signal?: AbortSignal },
): Promise<EntailmentVerdict[]> {
  const offered = new Map<string, Passage>();
  for (const item of items) for (const p of [...item.cited, ...item.alternatives]) offered.set(p.id, p);
  const system = [
    "You check the citations of a research report. A claim is supported by a passage only if the passage states",
    "everything the claim states: the same numbers, names, dates and relations. A translation counts; a guess does not.",
    "Negation, direction (more/less, rise/fall, before/after), certainty (may/will) and quantity (all/some) must match too.",
    "For each claim, list the offered passages that support it, each with its span: the shortest words of that passage",
    "(at most two sentences) that state what the claim states, copied exactly as they appear in the passage.",
    "If none does, give the claim rewritten so it says only what its cited passages say",
    `(in the report language, ${options.lang}) with their spans, or null if they say nothing related.`,
    DATA_RULES,
  ].join("\n");
  const claimLines = items.map((item, index) => {
    const ids = [...item.cited, ...item.alternatives].map((p) => p.id).join(" ");
    const text = item.text.replace(/<(\/?)(claims?|passages?)\b/gi, "‹$1$2");
    return `<claim n="${index + 1}" cites="${item.cited.map((p) => p.id).join(" ")}" offered="${ids}">${text}</claim>`;
  });
  const prompt = [
    "<claims>",
    ...claimLines,
    "</claims>",
    "<passages>",
    ...[...offered.values()].map(passageElement),
    "</passages>",
  ].join("\n");
  const { value } = await llm.generate({
    purpose: options.purpose,
    system,
    prompt,
    schema: verdictSchema(items.length),
    schemaName: "verdicts",
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return items.map((item, index) => {
    const result = value.results.find((r) => r.claim === index + 1);
    const allowed = new Set([...item.cited, ...item.alternatives].map((p) => p.id));
    // Ids not offered are dropped here; whether each span is really the passage's is checked by the caller.
    const spans = (list: Array<{ passage: string; span: string }>): EvidenceSpan[] => {
      const seen = new Set<string>();
      return list.flatMap(({ passage, span }) => {
        if (!allowed.has(passage) || seen.has(passage)) return [];
        seen.add(passage);
        return [{ passageId: passage, text: span.trim() }];
      });
    };
    const rewriteSpans = spans(result?.rewrite?.support ?? []);
    const rewrite =
      result?.rewrite && rewriteSpans.length > 0
        ? { text: result.rewrite.text.trim(), support: rewriteSpans }
        : null;
    return { support: spans(result?.support ?? []), rewrite };
  });
}
