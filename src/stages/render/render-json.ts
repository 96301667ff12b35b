// Report → JSON: the whole record, for other tools. The shape is documented in docs/report-json.md;
// bump SCHEMA_VERSION on any change a reader would notice.
import type { Report } from "../../types.js";
import { allParagraphs, citationNumbers } from "./citations.js";

export const SCHEMA_VERSION = 1;

export function renderJson(report: Report): string {
  const numbersOf = citationNumbers(report);
  const claims = allParagraphs(report)
    .flatMap((p) => p.claims)
    .map((claim) => ({
      text: claim.text,
      quotation: claim.quotation === true,
      passageIds: claim.passageIds,
      citations: numbersOf(claim),
    }));
  const { sources, passages, grounding, failures, ...body } = report;
  return `${JSON.stringify({ schemaVersion: SCHEMA_VERSION, report: body, claims, sources, passages, grounding, failures }, null, 2)}\n`;
}
