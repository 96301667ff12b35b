// Report → Markdown in the seed format (see /work/shared/REPORT-FORMAT.md). Citations follow the
// sentence, after its full stop: 「…しました。[1]」, several as [1][4].
import { reportLabels } from "../../text/labels.js";
import type { Paragraph, Report } from "../../types.js";
import { citationNumbers, claimText, linkUrl } from "./citations.js";

export function renderMarkdown(report: Report): string {
  const labels = reportLabels(report.lang);
  const numbersOf = citationNumbers(report);
  const lines: string[] = [`# ${singleLine(report.title)}`, ""];
  const paragraphs = (list: Paragraph[]) => {
    for (const paragraph of list) {
      const sentences = paragraph.claims.map(
        (claim) =>
          `${escapeInline(claimText(claim, report.lang))}${numbersOf(claim)
            .map((n) => `[${n}]`)
            .join("")}`,
      );
      lines.push(escapeBlockStart(sentences.join(labels.sentenceGap)), "");
    }
  };
  lines.push(`## ${labels.introduction}`, "");
  paragraphs(report.introduction);
  for (const section of report.sections) {
    lines.push(`## ${singleLine(section.heading)}`, "");
    paragraphs(section.paragraphs);
    for (const sub of section.subsections) {
      lines.push(`### ${singleLine(sub.heading)}`, "");
      paragraphs(sub.paragraphs);
    }
  }
  lines.push(`## ${labels.conclusion}`, "");
  paragraphs(report.conclusion);
  lines.push(`#### ${labels.references}`);
  for (const reference of report.references) {
    const url = linkUrl(reference.url);
    lines.push(`- [[${reference.n}]:${url}](${url})`);
  }
  lines.push(
    "",
    `**${labels.original}:** [${escapeInline(singleLine(report.original.title))}](${linkUrl(report.original.url)})`,
    "",
  );
  return lines.join("\n");
}

function singleLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** Brackets in source text must not read as citations or links. */
function escapeInline(text: string): string {
  return text.replace(/[[\]]/g, "\\$&");
}

/** A paragraph starting with "#", "-", ">" or "1." would become a heading, list or quote. */
function escapeBlockStart(text: string): string {
  return text.replace(/^(#|>|[-+*] |\d+[.)] )/, "\\$1");
}
