import { describe, expect, it } from "vitest";
import { FAULTS, falsify, makeFact, render } from "../support/faithfulness-material.js";
import { runFaithfulness } from "../support/faithfulness-run.js";
import { seededRandom as seeded } from "../support/seeded-random.js";

const REVERSALS = ["reversed-direction", "negation", "quantifier", "modality", "time-order"] as const;

// A small seeded sample of what bench/faithfulness measures at scale: the LLM writer over generated
// English and Japanese sources, against a model that plants faults, with both kinds of verifier.
describe("faithful even when the model is not", () => {
  // A planted fault the sentence does not show (a changed year in a sentence without a year) would
  // count a faithful sentence as a surviving fault and understate the engine's faithfulness.
  it("plants only faults a reader can see: every falsified fact is written differently", () => {
    const random = seeded(3);
    for (let i = 0; i < 400; i++) {
      const fact = makeFact(random, `f${i}`, new Set());
      for (const fault of FAULTS) {
        if (fault === "wrong-citation") continue;
        const falsified = falsify(fact, fault, random);
        if (!falsified) continue;
        for (const lang of ["en", "ja"] as const)
          for (let variant = 0; variant < 3; variant++)
            expect(render(falsified, lang, variant), `${fault} of a ${fact.kind} fact`).not.toBe(
              render(fact, lang, variant),
            );
      }
    }
  });

  it("keeps planted reversals and invented names out of the report, even when the verifier rubber-stamps", async () => {
    const totals = await runFaithfulness({ verifier: "rubber-stamp", reports: 4, seed: 7, faultRate: 0.7 });
    const planted = REVERSALS.reduce((sum, kind) => sum + totals.planted[kind], 0);
    expect(planted).toBeGreaterThan(8);
    for (const kind of REVERSALS) expect(totals.survived[kind]).toBe(0);
    expect(totals.survived["invented-name"]).toBe(0);
    expect(totals.finalFaithful / totals.finalSentences).toBeGreaterThanOrEqual(0.97);
    expect(totals.confirmedBy.entailment).toBeGreaterThan(0);
  });

  it("with an honest verifier keeps the faithful sentences: verbatim, 'Reportedly, …', paraphrases, translations", async () => {
    const totals = await runFaithfulness({ verifier: "honest", reports: 4, seed: 11, faultRate: 0.2 });
    const written = Object.values(totals.faithfulWritten).reduce((sum, n) => sum + (n ?? 0), 0);
    const dropped = Object.values(totals.faithfulDropped).reduce((sum, n) => sum + (n ?? 0), 0);
    expect(written).toBeGreaterThan(30);
    expect(totals.faithfulDropped.reportedly ?? 0).toBe(0);
    expect(totals.faithfulDropped.exact ?? 0).toBe(0);
    expect(dropped / written).toBeLessThanOrEqual(0.05);
    expect(totals.finalFaithful / totals.finalSentences).toBeGreaterThanOrEqual(0.98);
  });
});
