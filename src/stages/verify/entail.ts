// The LLM entailment check: for a batch of claims, which of the offered passages say what each claim says,
// and, when none does, the claim rewritten to what its cited passages do say.
import { z } from "zod";
import type { LlmClient } from "../../ports/llm.js";
import { DATA_RULES, passageElement } from "../../text/prompt-data.js";
import type { Passage } from "../../types.js";

export interface EntailmentItem {
  text: string;
  cited: Passage[];
  /** Passages the claim may be re-cited to, besides those it cites. */
  alternatives: Passage[];
}

export interface EntailmentVerdict {
  supportedBy: string[];
  rewrite: { text: string; passageIds: string[] } | null;
}

function verdictSchema(count: number) {
  return z
    .object({
      results: z.array(
        z.object({
          claim: z.number().int().describe("the claim's n"),
          supportedBy: z
            .array(z.string())
            .describe("ids of the offered passages that state everything the claim states; empty if none"),
          rewrite: z
            .object({ text: z.string().min(1), passageIds: z.array(z.string()).min(1) })
            .nullable()
            .describe(
              "only when supportedBy is empty: the claim corrected to what its cited passages say, or null",
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
    "For each claim, list the offered passages that support it. If none does, give the claim rewritten so it says only",
    `what its cited passages say (in the report language, ${options.lang}) with their ids, or null if they say nothing related.`,
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
    const supportedBy = (result?.supportedBy ?? []).filter((id) => allowed.has(id));
    const rewriteIds = (result?.rewrite?.passageIds ?? []).filter((id) => allowed.has(id));
    const rewrite =
      result?.rewrite && rewriteIds.length > 0
        ? { text: result.rewrite.text.trim(), passageIds: rewriteIds }
        : null;
    return { supportedBy: [...new Set(supportedBy)], rewrite };
  });
}
