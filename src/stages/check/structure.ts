// Format rules about the report's skeleton: headings, the reference list and the original-article line.
import type { ReportLabels } from "../../text/labels.js";
import type { ParsedReport } from "./parse.js";

export interface Violation {
  rule: string;
  line: number;
  message: string;
}

/** Exactly one "#" title, and it comes first. */
export function checkTitle(report: ParsedReport): Violation[] {
  const titles = report.headings.filter((h) => h.level === 1);
  const firstLine = report.lines.findIndex((l) => l.trim().length > 0) + 1;
  if (titles.length === 0)
    return [{ rule: "title", line: 1, message: "no # title; start the report with one" }];
  const violations: Violation[] = titles.slice(1).map((h) => ({
    rule: "title",
    line: h.line,
    message: `second # heading "${h.text}"; a report has one title`,
  }));
  const first = titles[0] as { line: number };
  if (first.line !== firstLine) {
    violations.push({ rule: "title", line: firstLine, message: "the # title must be the first line" });
  }
  return violations;
}

/** 緒言 first, 結論 last, ### only under a theme, no other levels; no empty section. */
export function checkHeadings(report: ParsedReport, labels: ReportLabels): Violation[] {
  const violations: Violation[] = [];
  const sections = report.headings.filter((h) => h.level === 2);
  const first = sections[0];
  const last = sections.at(-1);
  if (!first || first.text !== labels.introduction) {
    violations.push({
      rule: "introduction-first",
      line: first?.line ?? 1,
      message: `the first ## section must be "${labels.introduction}"`,
    });
  }
  if (!last || last.text !== labels.conclusion) {
    violations.push({
      rule: "conclusion-last",
      line: last?.line ?? 1,
      message: `the last ## section before ${labels.references} must be "${labels.conclusion}"`,
    });
  }
  let parent: string | null = null;
  for (const heading of report.headings) {
    if (heading.level === 2) parent = heading.text;
    if (
      heading.level === 3 &&
      (parent === null || parent === labels.introduction || parent === labels.conclusion)
    ) {
      violations.push({
        rule: "subsection-parent",
        line: heading.line,
        message: `### "${heading.text}" must sit under a ## theme, not ${parent ? `"${parent}"` : "the title"}`,
      });
    }
    const isReferences = heading.level === 4 && heading.text === labels.references;
    if (heading.level > 4 || (heading.level === 4 && !isReferences)) {
      violations.push({
        rule: "heading-level",
        line: heading.line,
        message: `unexpected ${"#".repeat(heading.level)} heading; use ## for themes and ### for sub-themes`,
      });
    }
    if (heading.level >= 2 && heading.level <= 3 && isEmpty(report, heading)) {
      violations.push({
        rule: "empty-section",
        line: heading.line,
        message: `"${heading.text}" has no text`,
      });
    }
  }
  return violations;
}

function isEmpty(report: ParsedReport, heading: { line: number; level: number }): boolean {
  const next = report.headings.find((h) => h.line > heading.line && h.level <= 4);
  // A theme whose text is all in its sub-themes is not empty.
  if (heading.level === 2 && next?.level === 3) return false;
  const end = next?.line ?? Number.POSITIVE_INFINITY;
  return !report.body.some((t) => t.line > heading.line && t.line < end);
}

const REFERENCE = /^- \[\[(\d+)\]:(\S+)\]\((\S+)\)$/;

export interface ListedReference {
  n: number;
  url: string;
  line: number;
}

/** The 参照記事 list: exact link form, each number and URL once, numbers 1, 2, 3… in order. */
export function checkReferences(
  report: ParsedReport,
  labels: ReportLabels,
): { violations: Violation[]; listed: ListedReference[] } {
  const violations: Violation[] = [];
  const listed: ListedReference[] = [];
  if (!report.referencesHeading) {
    const line = report.lines.length;
    violations.push({ rule: "references-missing", line, message: `no "#### ${labels.references}" list` });
    return { violations, listed };
  }
  for (const { line, text } of report.referenceLines) {
    const match = REFERENCE.exec(text);
    if (!match || match[2] !== match[3]) {
      violations.push({
        rule: "reference-form",
        line,
        message: `write references as "- [[n]:URL](URL)", got "${text}"`,
      });
      continue;
    }
    const n = Number(match[1]);
    const url = match[2] as string;
    if (listed.some((r) => r.n === n || r.url === url)) {
      violations.push({
        rule: "reference-duplicate",
        line,
        message: `[${n}] ${url} is listed twice; list each source once`,
      });
      continue;
    }
    if (n !== listed.length + 1) {
      violations.push({
        rule: "reference-order",
        line,
        message: `[${n}] listed where [${listed.length + 1}] is due; list in number order`,
      });
    }
    listed.push({ n, url, line });
  }
  return { violations, listed };
}

/** "**元記事:** [clean title](url)" on one line, after the references. */
export function checkOriginal(report: ParsedReport, labels: ReportLabels): Violation[] {
  if (!report.original) {
    return [
      {
        rule: "original",
        line: report.lines.length,
        message: `no "**${labels.original}:** [title](url)" line`,
      },
    ];
  }
  const { line, text } = report.original;
  const match = /^\*\*[^*]+:\*\* \[(.*)\]\((\S+)\)\s*$/s.exec(text);
  if (!match)
    return [
      {
        rule: "original",
        line,
        message: `write the original article as "**${labels.original}:** [title](url)"`,
      },
    ];
  const title = match[1] as string;
  const url = match[2] as string;
  const violations: Violation[] = [];
  if (/\n/.test(title) || title.trim().length === 0 || title !== title.trim()) {
    violations.push({
      rule: "original-title",
      line,
      message: "the original title must be one line without surrounding spaces",
    });
  } else if (/\s[|｜]\s*\S.*$/u.test(title) || /\s[-–—]\s+(?:\S+\s?){1,2}$/u.test(title)) {
    violations.push({
      rule: "original-title",
      line,
      message: `"${title}" ends with a site name; give the clean title`,
    });
  }
  if (!/^(?:https?|file):\/\/\S+$/.test(url)) {
    violations.push({ rule: "original", line, message: `"${url}" is not a URL` });
  }
  return violations;
}
