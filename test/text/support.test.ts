import { describe, expect, it } from "vitest";
import { checkEvidence, confirmClaim, judgeClaimSupport, parseGlossary } from "../../src/text/support.js";
import type { Passage } from "../../src/types.js";

const passage = (id: string, text: string, lang: string): Passage => ({
  id,
  sourceId: id.split(":")[0] as string,
  text,
  start: 0,
  end: text.length,
  lang,
});

const english = passage(
  "s1:0",
  "Rapidus said it would invest 5 trillion yen by 2027. The plant in Chitose began trial production in April.",
  "en",
);
const japanese = passage(
  "s2:0",
  "キオクシアの2024年度の売上高は前年度比で20%増加し、1兆7000億円となった。",
  "ja",
);
const glossary = parseGlossary(["ラピダス / Rapidus", "千歳 / Chitose", "キオクシア / Kioxia"]);

describe("the evidence span of an entailment answer", () => {
  const span = "Rapidus said it would invest 5 trillion yen by 2027";
  const claim = "ラピダスは2027年までに5兆円を投資すると述べました。";

  it("accepts a span that is the passage's own words and holds the claim's numbers, names and direction", () => {
    expect(checkEvidence(claim, [{ passage: english, span }], glossary)).toEqual({ valid: true });
    // Whitespace may differ; the words may not.
    expect(
      checkEvidence(claim, [{ passage: english, span: `  ${span.replace(/ /g, "  ")} ` }], glossary).valid,
    ).toBe(true);
  });

  it("rejects a span that is missing, not in the passage, or the claim copied", () => {
    expect(checkEvidence(claim, [{ passage: english, span: "" }], glossary)).toEqual({
      valid: false,
      reason: "span",
    });
    expect(checkEvidence(claim, [], glossary).reason).toBe("span");
    expect(checkEvidence(claim, [{ passage: english, span: claim }], glossary).reason).toBe("span");
    expect(
      checkEvidence(
        claim,
        [{ passage: english, span: "Rapidus said it will invest 5 trillion yen by 2027" }],
        glossary,
      ).reason,
    ).toBe("span");
  });

  it("rejects a real span that lacks the claim's number, name or direction", () => {
    const elsewhere = "The plant in Chitose began trial production in April";
    expect(checkEvidence(claim, [{ passage: english, span: elsewhere }], glossary).reason).toBe("numbers");
    expect(
      checkEvidence(
        "トヨタは2027年までに5兆円を投資すると述べました。",
        [{ passage: english, span }],
        glossary,
      ).reason,
    ).toBe("names");
    expect(
      checkEvidence(
        "ラピダスは2027年までに5兆円を投資しないと述べました。",
        [{ passage: english, span }],
        glossary,
      ).reason,
    ).toBe("polarity");
    const sales = "キオクシアの2024年度の売上高は前年度比で20%増加し";
    expect(
      checkEvidence(
        "Kioxia's sales rose 20% in fiscal 2024.",
        [{ passage: japanese, span: sales }],
        glossary,
      ),
    ).toEqual({
      valid: true,
    });
    expect(
      checkEvidence("Kioxia's sales fell 20% in fiscal 2024.", [{ passage: japanese, span: sales }], glossary)
        .reason,
    ).toBe("polarity");
    expect(
      checkEvidence("Kioxia's sales rose 25% in fiscal 2024.", [{ passage: japanese, span: sales }], glossary)
        .reason,
    ).toBe("numbers");
  });

  it("matches digits and kanji numerals and a translation's romanised names through the glossary", () => {
    const total = "1兆7000億円となった";
    expect(
      checkEvidence(
        "Kioxia's revenue reached 1.7 trillion yen.",
        [{ passage: japanese, span: `キオクシアの2024年度の売上高は前年度比で20%増加し、${total}` }],
        glossary,
      ).valid,
    ).toBe(true);
  });
});

describe("confirmClaim: one rule for the verifier and the final gate", () => {
  it("confirms by the fast check first, then by a valid span, and says which", () => {
    expect(
      confirmClaim({ text: "Rapidus said it would invest 5 trillion yen by 2027.", passageIds: ["s1:0"] }, [
        english,
      ]),
    ).toEqual({
      passageIds: ["s1:0"],
      method: "verbatim",
    });
    const translation = { text: "ラピダスは2027年までに5兆円を投資すると述べました。", passageIds: ["s1:0"] };
    expect(confirmClaim(translation, [english], glossary)).toBeNull();
    const spans = [{ passageId: "s1:0", text: "Rapidus said it would invest 5 trillion yen by 2027" }];
    expect(confirmClaim({ ...translation, spans }, [english], glossary)).toEqual({
      passageIds: ["s1:0"],
      method: "entailment",
    });
  });

  it("keeps 'Reportedly, <the passage's sentence>' as near-verbatim and a faithful paraphrase as fast-checked", () => {
    expect(
      judgeClaimSupport("Reportedly, the plant in Chitose began trial production in April.", english),
    ).toEqual({
      verdict: "supported",
      method: "verbatim",
    });
    expect(judgeClaimSupport("Trial production at the Chitose plant began in April.", english)).toEqual({
      verdict: "supported",
      method: "fast-check",
    });
  });
});
