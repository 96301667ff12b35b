// The format checker: every rule of REPORT-FORMAT.md as a list of violations with line numbers.
import { reportLabels } from "../../text/labels.js";
import type { Passage, Source } from "../../types.js";
import { parseReport } from "./parse.js";
import { checkCitations, checkJapanese, checkSupport, sentenceLines } from "./sentence-rules.js";
import { checkHeadings, checkOriginal, checkReferences, checkTitle, type Violation } from "./structure.js";

export type { Violation };

export interface CheckOptions {
  /** Report language; when omitted it is read from the first ## heading (緒言 → ja), else "ja". */
  lang?: string;
  /** With sources (and their passages), each cited sentence is looked up in the source it cites. */
  sources?: Source[];
  passages?: Passage[];
  /** From the report's JSON: the writer's spellings of each name in every script, if it has them. */
  glossary?: string[];
}

/** All rule violations of a Markdown report, in line order; [] for a report that follows the format. */
export function checkReport(markdown: string, options: CheckOptions = {}): Violation[] {
  const labels = reportLabels(options.lang ?? guessLang(markdown));
  const report = parseReport(markdown, labels);
  const lines = sentenceLines(report);
  const references = checkReferences(report, labels);
  const violations = [
    ...checkTitle(report),
    ...checkHeadings(report, labels),
    ...references.violations,
    ...checkOriginal(report, labels),
    ...checkCitations(report, lines, references.listed, labels),
    ...(labels.lang === "ja" ? checkJapanese(lines) : []),
    ...(options.sources
      ? checkSupport(lines, references.listed, {
          sources: options.sources,
          passages: options.passages,
          glossary: options.glossary,
        })
      : []),
  ];
  return violations.sort((a, b) => a.line - b.line);
}

function guessLang(markdown: string): string {
  const first = /^## +(.+)$/m.exec(markdown)?.[1]?.trim();
  return first === reportLabels("en").introduction ? "en" : "ja";
}
