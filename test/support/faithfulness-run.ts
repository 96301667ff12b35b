// Runs the LLM writer and the final gate over generated worlds against the adversarial model (over
// real HTTP, through the real client), and counts what a skeptical reader would: which planted faults
// reached the final report, which faithful sentences were thrown away, and how many final sentences
// truly say what their citations say. Shared by bench/faithfulness and its end-to-end test.
import { createLlmClient, resolveModel } from "../../src/adapters/llm/index.js";
import { createLlmWriter } from "../../src/llm-writer.js";
import { citeReport } from "../../src/stages/cite/index.js";
import type { ConfirmationMethod, Report } from "../../src/types.js";
import { createAdversary, type Label, type VerifierMode } from "./adversarial-model.js";
import { FAULTS, type Fault, type Lang, type Phrasing } from "./faithfulness-material.js";
import { makeWorld } from "./faithfulness-world.js";
import { startFakeLlmServer } from "./fake-llm-server.js";
import { seededRandom as seeded } from "./seeded-random.js";

export interface FaithfulnessTotals {
  verifier: VerifierMode;
  reports: number;
  planted: Record<Fault, number>;
  survived: Record<Fault, number>;
  faithfulWritten: Partial<Record<Phrasing, number>>;
  faithfulDropped: Partial<Record<Phrasing, number>>;
  finalSentences: number;
  finalFaithful: number;
  confirmedBy: Record<ConfirmationMethod, number>;
  llmCalls: number;
}

const SOURCE_LANGS: Lang[][] = [
  ["en", "en", "ja", "ja"],
  ["ja", "en", "ja", "en"],
  ["en", "ja", "en", "en"],
  ["ja", "ja", "en", "ja"],
];

const zero = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

export async function runFaithfulness(options: {
  verifier: VerifierMode;
  reports: number;
  seed: number;
  faultRate: number;
}): Promise<FaithfulnessTotals> {
  const totals: FaithfulnessTotals = {
    verifier: options.verifier,
    reports: options.reports,
    planted: zero(FAULTS),
    survived: zero(FAULTS),
    faithfulWritten: {},
    faithfulDropped: {},
    finalSentences: 0,
    finalFaithful: 0,
    confirmedBy: { verbatim: 0, "fast-check": 0, entailment: 0 },
    llmCalls: 0,
  };
  const server = await startFakeLlmServer();
  try {
    const config = resolveModel(
      "fake:adversary",
      { providers: { fake: { baseURL: server.baseURL, structuredOutput: "json-schema", concurrency: 16 } } },
      {},
    );
    const llm = createLlmClient({ config, retryBaseMs: 1 });
    for (let r = 0; r < options.reports; r++) {
      const reportLang: Lang = r % 2 === 0 ? "ja" : "en";
      const world = makeWorld(
        seeded(options.seed + r * 7919),
        SOURCE_LANGS[r % SOURCE_LANGS.length] as Lang[],
      );
      const adversary = createAdversary({
        passages: world.byId,
        reportLang,
        verifier: options.verifier,
        random: seeded(options.seed * 31 + r),
        faultRate: options.faultRate,
      });
      server.setResponder((request) => adversary.respond(request));
      const writer = createLlmWriter({ llm, outlinePassages: 40, sectionPassages: 2 });
      const draft = await writer.write({
        sources: world.sources,
        passages: world.passages,
        lang: reportLang,
      });
      const report = citeReport({
        draft,
        sources: world.sources,
        passages: world.passages,
        lang: reportLang,
        engine: writer.name,
        id: `r${r}`,
        createdAt: "2026-01-01T00:00:00.000Z",
        failures: [],
      });
      count(
        totals,
        report,
        adversary.labels,
        adversary.written,
        (id) => world.byId.get(id)?.facts.map((f) => f.id) ?? [],
      );
    }
    totals.llmCalls = server.requests.length;
  } finally {
    await server.close();
  }
  return totals;
}

function count(
  totals: FaithfulnessTotals,
  report: Report,
  labels: Map<string, Label>,
  written: Array<{ text: string; label: Label }>,
  factsOf: (passageId: string) => string[],
): void {
  const truthful = (text: string, passageIds: string[]) => {
    const label = labels.get(text);
    if (!label || (label.fault !== null && label.fault !== "wrong-citation")) return false;
    return passageIds.every((id) => factsOf(id).includes(label.factId));
  };
  const body = report.sections.flatMap((s) =>
    s.subsections.flatMap((sub) => sub.paragraphs.flatMap((p) => p.claims)),
  );
  const all = [
    ...report.introduction.flatMap((p) => p.claims),
    ...body,
    ...report.conclusion.flatMap((p) => p.claims),
  ];
  for (const claim of all) {
    totals.finalSentences++;
    if (truthful(claim.text, claim.passageIds)) totals.finalFaithful++;
    if (claim.confirmedBy) totals.confirmedBy[claim.confirmedBy]++;
  }
  // Section sentences as written against those in the final body, matched by text.
  const remaining = new Map<string, number>();
  for (const claim of body) remaining.set(claim.text, (remaining.get(claim.text) ?? 0) + 1);
  const survivors = new Map<string, string[][]>();
  for (const claim of body)
    survivors.set(claim.text, [...(survivors.get(claim.text) ?? []), claim.passageIds]);
  for (const { text, label } of written) {
    const left = remaining.get(text) ?? 0;
    if (left > 0) remaining.set(text, left - 1);
    if (label.fault) {
      totals.planted[label.fault]++;
      const kept = left > 0 ? survivors.get(text)?.[0] : undefined;
      if (kept && !truthful(text, kept)) totals.survived[label.fault]++;
      continue;
    }
    const phrasing = label.phrasing as Phrasing;
    totals.faithfulWritten[phrasing] = (totals.faithfulWritten[phrasing] ?? 0) + 1;
    if (left === 0) totals.faithfulDropped[phrasing] = (totals.faithfulDropped[phrasing] ?? 0) + 1;
  }
}
