// Faithfulness of the LLM engine against an adversarial model: generated English and Japanese sources,
// reports in both languages, a writer that plants each kind of fault at a known rate, and a verifier
// that is honest or rubber-stamps everything. Reports, for both verifier modes, the planted faults that
// reached the final report per kind, the faithful sentences dropped per phrasing, and the share of final
// sentences that truly say what their citations say. Writes bench/results/faithfulness.json.
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { FAULTS } from "../../test/support/faithfulness-material.js";
import { type FaithfulnessTotals, runFaithfulness } from "../../test/support/faithfulness-run.js";

const ROOT = resolve(import.meta.dirname, "../..");
const REPORTS = Number(process.env.FAITHFULNESS_REPORTS ?? 120);
const SEED = 20261130;
const FAULT_RATE = 0.4;
const TARGETS = { honestFaithful: 0.995, honestDropped: 0.02, rubberFaithful: 0.98 };

const share = (part: number, whole: number) => (whole === 0 ? 0 : Number((part / whole).toFixed(4)));

function summarize(totals: FaithfulnessTotals) {
  const planted = FAULTS.reduce((sum, f) => sum + totals.planted[f], 0);
  const survived = FAULTS.reduce((sum, f) => sum + totals.survived[f], 0);
  const written = Object.values(totals.faithfulWritten).reduce((sum, n) => sum + (n ?? 0), 0);
  const dropped = Object.values(totals.faithfulDropped).reduce((sum, n) => sum + (n ?? 0), 0);
  return {
    verifier: totals.verifier,
    reports: totals.reports,
    finalSentences: totals.finalSentences,
    faithfulShare: share(totals.finalFaithful, totals.finalSentences),
    faultsPlanted: planted,
    faultsSurviving: survived,
    survivingByKind: Object.fromEntries(
      FAULTS.map((f) => [f, { planted: totals.planted[f], surviving: totals.survived[f] }]),
    ),
    faithfulWritten: written,
    faithfulDroppedShare: share(dropped, written),
    droppedByPhrasing: Object.fromEntries(
      Object.entries(totals.faithfulWritten).map(([phrasing, n]) => [
        phrasing,
        { written: n, dropped: totals.faithfulDropped[phrasing as keyof typeof totals.faithfulDropped] ?? 0 },
      ]),
    ),
    confirmedBy: totals.confirmedBy,
    llmCalls: totals.llmCalls,
  };
}

const started = performance.now();
const honest = summarize(
  await runFaithfulness({ verifier: "honest", reports: REPORTS, seed: SEED, faultRate: FAULT_RATE }),
);
const rubber = summarize(
  await runFaithfulness({ verifier: "rubber-stamp", reports: REPORTS, seed: SEED, faultRate: FAULT_RATE }),
);
const results = {
  date: new Date().toISOString(),
  node: process.version,
  seed: SEED,
  faultRate: FAULT_RATE,
  targets: TARGETS,
  met: {
    honestFaithful: honest.faithfulShare >= TARGETS.honestFaithful,
    honestDropped: honest.faithfulDroppedShare <= TARGETS.honestDropped,
    rubberFaithful: rubber.faithfulShare >= TARGETS.rubberFaithful,
  },
  peers: {
    "DeepResearch Bench, best citation accuracy": 0.94,
    "generative search engines (citation precision, about)": 0.75,
  },
  modes: [honest, rubber],
  wallSeconds: Number(((performance.now() - started) / 1000).toFixed(1)),
};
writeFileSync(join(ROOT, "bench/results/faithfulness.json"), `${JSON.stringify(results, null, 2)}\n`);
for (const mode of results.modes) {
  console.log(
    `\n${mode.verifier}: ${(mode.faithfulShare * 100).toFixed(2)} % of ${mode.finalSentences} final sentences faithful; ` +
      `${mode.faultsSurviving}/${mode.faultsPlanted} planted faults survived; ` +
      `${(mode.faithfulDroppedShare * 100).toFixed(2)} % of ${mode.faithfulWritten} faithful sentences dropped`,
  );
  console.table(mode.survivingByKind);
  console.table(mode.droppedByPhrasing);
}
console.log(`targets met: ${JSON.stringify(results.met)}; wrote bench/results/faithfulness.json`);
