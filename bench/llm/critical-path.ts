// The critical path of the LLM writer's calls: the longest chain of calls that had to wait for each other.
// The writer's dependency graph is fixed: outline → each section → its verification → framing → the
// introduction's and conclusion's verifications (in parallel).
import type { LlmCallRecord } from "../../src/ports/llm.js";

const duration = (call: LlmCallRecord) => call.finishedAt - call.startedAt;

export function criticalPathMs(calls: LlmCallRecord[]): number {
  const sum = (prefix: string) =>
    calls.filter((c) => c.purpose === prefix || c.purpose.startsWith(`${prefix}:`)).map(duration);
  const longest = (values: number[]) => Math.max(0, ...values);
  const outline = longest(sum("outline"));
  const sections = calls.filter((c) => /^section:\d+$/.test(c.purpose));
  // A section's verification batches run in parallel after it; the chain is section + slowest batch.
  const chains = sections.map((section) => {
    const n = section.purpose.split(":")[1];
    return duration(section) + longest(sum(`verify:section:${n}`));
  });
  const framing = longest(sum("framing"));
  const closing = Math.max(longest(sum("verify:introduction")), longest(sum("verify:conclusion")));
  return outline + longest(chains) + framing + closing;
}
