import { describe, expect, it } from "vitest";
import { renderJson } from "../../../src/stages/render/render-json.js";
import { allSources, buildReport } from "../../support/report-sources.js";

describe("renderJson", () => {
  it("carries the whole record with a schema version and the claim-to-passage map", () => {
    const { report } = buildReport(allSources, "en");
    const parsed = JSON.parse(renderJson(report));
    expect(parsed.schemaVersion).toBe(1);
    expect(parsed.report.title).toBe(report.title);
    expect(parsed.report.references).toEqual(report.references);
    expect(parsed.sources).toHaveLength(3);
    expect(parsed.sources[0].article.text).toBe(allSources[0]?.article.text);
    expect(parsed.grounding).toEqual(report.grounding);
    expect(parsed.claims).toHaveLength(report.grounding.claims);
    for (const claim of parsed.claims) {
      const passage = parsed.passages.find((p: { id: string }) => p.id === claim.passageIds[0]);
      expect(passage.text).toBe(claim.text);
      const reference = report.references.find((r) => r.sourceId === passage.sourceId);
      expect(claim.citations).toEqual([reference?.n]);
    }
  });
});
