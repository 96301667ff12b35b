import { describe, expect, it } from "vitest";
import { renderReport } from "../../../src/index.js";
import { checkClaimSupport, citeReport } from "../../../src/stages/cite/index.js";
import { splitPassages } from "../../../src/stages/passages/split-passages.js";
import type { Draft, Passage } from "../../../src/types.js";
import { allSources, articleJa, makeSource, sourceEn1, sourceEn2 } from "../../support/report-sources.js";

const passages = allSources.flatMap((s) => splitPassages(s));
const passageWith = (fragment: string): Passage => {
  const found = passages.find((p) => p.text.includes(fragment));
  if (!found) throw new Error(`no passage with ${fragment}`);
  return found;
};

function cite(draft: Draft) {
  return citeReport({
    draft,
    sources: allSources,
    passages,
    lang: "ja",
    engine: "test",
    id: "r",
    createdAt: "2026-01-01T00:00:00.000Z",
    failures: [{ input: "https://down.test/", message: "https://down.test/: HTTP 503", code: "http-status" }],
  });
}

/** A one-paragraph English source about chip rules, at `url`. */
function chipRules(url: string, title: string) {
  return makeSource("s0", "article", url, title, "en", [
    { type: "paragraph", text: "The rules cover high-end GPUs and the equipment used to make them." },
  ]);
}

/** The report of a draft whose only claim is the source's first passage. */
function citeFirstPassage(source: ReturnType<typeof makeSource>) {
  const own = splitPassages(source);
  return citeReport({
    draft: {
      title: "T",
      introduction: [{ claims: [{ text: own[0]?.text ?? "", passageIds: [own[0]?.id ?? ""] }] }],
      sections: [],
      conclusion: [],
    },
    sources: [source],
    passages: own,
    lang: "en",
    engine: "test",
    id: "r",
    createdAt: "2026-01-01T00:00:00.000Z",
    failures: [],
  });
}

describe("citeReport", () => {
  const nvidia = passageWith("Shares of NVIDIA");
  const rules = passageWith("The U.S. Commerce Department");
  const subsidy = passageWith("DeepSeekは、限られたGPU");

  it("numbers sources by first appearance and lists each cited source once", () => {
    const report = cite({
      title: "T",
      introduction: [{ claims: [{ text: nvidia.text, passageIds: [nvidia.id] }] }],
      sections: [
        {
          heading: "規制",
          paragraphs: [],
          subsections: [
            { heading: "米国", paragraphs: [{ claims: [{ text: rules.text, passageIds: [rules.id] }] }] },
          ],
        },
      ],
      conclusion: [
        {
          claims: [
            { text: subsidy.text, passageIds: [subsidy.id] },
            { text: nvidia.text, passageIds: [nvidia.id] },
          ],
        },
      ],
    });
    expect(report.references).toEqual([
      { n: 1, sourceId: "s2", url: sourceEn2.article.url, title: sourceEn2.article.title },
      { n: 2, sourceId: "s1", url: sourceEn1.article.url, title: sourceEn1.article.title },
      { n: 3, sourceId: "s0", url: articleJa.article.url, title: articleJa.article.title },
    ]);
    expect(report.original).toEqual({ title: articleJa.article.title, url: articleJa.article.url });
    expect(report.passages.map((p) => p.id)).toEqual([nvidia.id, rules.id, subsidy.id]);
    expect(report.grounding).toEqual({
      claims: 4,
      supported: 4,
      repaired: 0,
      dropped: 0,
      confirmedBy: { verbatim: 4, "fast-check": 0, entailment: 0 },
    });
    expect(report.failures).toHaveLength(1);
  });

  it("re-cites a claim to the passage that supports it and drops a claim no source supports", () => {
    const report = cite({
      title: "T",
      introduction: [
        {
          claims: [
            { text: nvidia.text, passageIds: [rules.id] },
            { text: "NVIDIAの株価は一日で40%下がりました。", passageIds: [passageWith("NVIDIAの株価").id] },
            { text: rules.text, passageIds: [rules.id] },
          ],
        },
      ],
      sections: [],
      conclusion: [],
    });
    expect(report.grounding).toEqual({
      claims: 3,
      supported: 1,
      repaired: 1,
      dropped: 1,
      confirmedBy: { verbatim: 2, "fast-check": 0, entailment: 0 },
    });
    expect(report.introduction[0]?.claims).toEqual([
      { text: nvidia.text, passageIds: [nvidia.id], confirmedBy: "verbatim" },
      { text: rules.text, passageIds: [rules.id], confirmedBy: "verbatim" },
    ]);
  });

  it("uses the canonical URL and strips a site-name suffix from titles", () => {
    const source = chipRules("https://x.test/a?utm=1", "Chip rules | Example News");
    source.article.canonicalUrl = "https://x.test/a";
    source.article.siteName = "Example News";
    const report = citeFirstPassage(source);
    expect(report.original).toEqual({ title: "Chip rules", url: "https://x.test/a" });
    expect(report.references[0]?.url).toBe("https://x.test/a");
  });

  it("cites a page under the address it was read from when its canonical link names another site", () => {
    const cited = (url: string, canonicalUrl: string) => {
      const source = chipRules(url, "Chip rules");
      source.article.canonicalUrl = canonicalUrl;
      return citeFirstPassage(source).references[0]?.url;
    };
    expect(cited("https://evil.test/fake", "https://www.reuters.com/world/real")).toBe(
      "https://evil.test/fake",
    );
    expect(cited("https://evil.test/fake", "javascript:alert(1)")).toBe("https://evil.test/fake");
    expect(cited("https://amp.x.test/a", "https://www.x.test/a")).toBe("https://www.x.test/a");
    expect(cited("file:///tmp/saved.html", "https://www.reuters.com/world/real")).toBe(
      "https://www.reuters.com/world/real",
    );
    expect(cited("http://127.0.0.1:8080/saved", "https://www.reuters.com/world/real")).toBe(
      "https://www.reuters.com/world/real",
    );
  });
});

describe("the final gate and the verifier's evidence", () => {
  const nvidia = passageWith("Shares of NVIDIA");
  const translation = "DeepSeekの発表後、NVIDIAの株価は一日で17%下落しました。";
  const reversed = "DeepSeekの発表後、NVIDIAの株価は一日で17%上昇しました。";
  const span = "Shares of NVIDIA fell 17% in a single day after DeepSeek released its new model.";
  const draftOf = (claims: Draft["introduction"][number]["claims"]): Draft => ({
    title: "T",
    introduction: [{ claims }],
    sections: [],
    conclusion: [],
  });

  it("keeps a translation the verifier confirmed with a valid span, counts it and marks it in the HTML", () => {
    const report = cite(
      draftOf([
        { text: translation, passageIds: [nvidia.id], spans: [{ passageId: nvidia.id, text: span }] },
      ]),
    );
    expect(report.introduction[0]?.claims[0]).toMatchObject({
      confirmedBy: "entailment",
      passageIds: [nvidia.id],
    });
    expect(report.grounding.confirmedBy).toEqual({ verbatim: 0, "fast-check": 0, entailment: 1 });
    const html = renderReport(report, "html");
    expect(html).toContain(`<span class="model-confirmed">${translation}</span>`);
    expect(html).toContain("モデルの含意判定だけで確認した文");
    expect(html).toContain("モデルの含意判定（引用箇所を照合）1 件");
    const json = JSON.parse(renderReport(report, "json"));
    expect(json.claims[0]).toMatchObject({
      confirmedBy: "entailment",
      spans: [{ passageId: nvidia.id, text: span }],
    });
  });

  it("drops a translation without a span, and one whose span says the opposite", () => {
    const report = cite(
      draftOf([
        { text: translation, passageIds: [nvidia.id] },
        { text: reversed, passageIds: [nvidia.id], spans: [{ passageId: nvidia.id, text: span }] },
      ]),
    );
    expect(report.grounding).toMatchObject({ claims: 2, dropped: 2 });
    expect(renderReport(report, "html")).not.toContain('model-confirmed">');
  });
});

describe("checkClaimSupport", () => {
  const nvidia = passageWith("Shares of NVIDIA");
  it("accepts a claim the passage contains and a faithful paraphrase", () => {
    expect(checkClaimSupport(nvidia.text, nvidia)).toBe("supported");
    expect(
      checkClaimSupport("NVIDIA shares fell 17% in one day after DeepSeek released a model.", nvidia),
    ).toBe("supported");
  });

  it("rejects a claim whose number or name is not in the passage", () => {
    expect(checkClaimSupport("Shares of NVIDIA fell 25% in a single day.", nvidia)).toBe("unsupported");
    expect(checkClaimSupport("Shares of AMD fell 17% in a single day.", nvidia)).toBe("unsupported");
    expect(checkClaimSupport("The weather in Paris was mild and sunny all week.", nvidia)).toBe(
      "unsupported",
    );
  });

  it("leaves a translation undecided when its numbers and names match", () => {
    const cost = passageWith("$5.6 million");
    expect(checkClaimSupport("DeepSeekはモデルの学習に約560万ドルを費やしたと述べました。", cost)).toBe(
      "undecided",
    );
    expect(checkClaimSupport("DeepSeekはモデルの学習に約600万ドルを費やしたと述べました。", cost)).toBe(
      "unsupported",
    );
    expect(checkClaimSupport("DeepSeekの発表後、NVIDIAの株価は一日で17%下落しました。", nvidia)).toBe(
      "undecided",
    );
    expect(checkClaimSupport("DeepSeekの発表後、NVIDIAの株価は一日で30%下落しました。", nvidia)).toBe(
      "unsupported",
    );
  });
});
