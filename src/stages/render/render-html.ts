// Report → one standalone HTML page: inline CSS, readable on screen and on paper. Every piece of
// source text is escaped, so a source that contains markup can never inject it.
import { reportLabels } from "../../text/labels.js";
import type { Paragraph, Report } from "../../types.js";
import { citationNumbers, claimText } from "./citations.js";

const STYLE = `
body { font-family: system-ui, "Hiragino Sans", "Noto Sans CJK JP", sans-serif; line-height: 1.8;
  max-width: 46rem; margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; background: #fff; }
h1 { font-size: 1.7rem; line-height: 1.4; } h2 { margin-top: 2rem; border-bottom: 1px solid #ddd; }
h4 { margin-top: 2.5rem; } a { color: #0645ad; } a.cite { text-decoration: none; font-size: 0.8em; vertical-align: super; }
ol.references { padding-left: 0; list-style: none; } ol.references li { overflow-wrap: anywhere; margin: 0.3rem 0; }
q.quotation { quotes: none; color: #333; } footer { margin-top: 2rem; font-size: 0.85rem; color: #555; }
@media print { body { margin: 0; max-width: none; font-size: 11pt; } a { color: inherit; text-decoration: none; }
  h2, h3 { break-after: avoid; } p { orphans: 3; widows: 3; } }
`;

export function renderHtml(report: Report): string {
  const labels = reportLabels(report.lang);
  const numbersOf = citationNumbers(report);
  const body: string[] = [`<h1>${escapeHtml(report.title)}</h1>`];
  const paragraphs = (list: Paragraph[]) => {
    for (const paragraph of list) {
      const sentences = paragraph.claims.map((claim) => {
        const text = escapeHtml(claimText(claim, report.lang));
        const shown = claim.quotation ? `<q class="quotation">${text}</q>` : text;
        const cites = numbersOf(claim)
          .map((n) => `<a class="cite" href="#ref-${n}">[${n}]</a>`)
          .join("");
        return `${shown}${cites}`;
      });
      body.push(`<p>${sentences.join(escapeHtml(labels.sentenceGap))}</p>`);
    }
  };
  body.push(`<h2>${escapeHtml(labels.introduction)}</h2>`);
  paragraphs(report.introduction);
  for (const section of report.sections) {
    body.push(`<h2>${escapeHtml(section.heading)}</h2>`);
    paragraphs(section.paragraphs);
    for (const sub of section.subsections) {
      body.push(`<h3>${escapeHtml(sub.heading)}</h3>`);
      paragraphs(sub.paragraphs);
    }
  }
  body.push(`<h2>${escapeHtml(labels.conclusion)}</h2>`);
  paragraphs(report.conclusion);
  body.push(`<h4>${escapeHtml(labels.references)}</h4>`, `<ol class="references">`);
  for (const reference of report.references) {
    body.push(
      `<li id="ref-${reference.n}">[${reference.n}] ${link(reference.url, reference.title)} <small>${escapeHtml(reference.url)}</small></li>`,
    );
  }
  body.push("</ol>");
  body.push(
    `<p><strong>${escapeHtml(labels.original)}:</strong> ${link(report.original.url, report.original.title)}</p>`,
  );
  body.push(
    `<footer>${escapeHtml(labels.grounding(report.grounding, report.engine))} · ${escapeHtml(report.createdAt)}</footer>`,
  );
  return [
    "<!doctype html>",
    `<html lang="${escapeHtml(report.lang)}">`,
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(report.title)}</title>`,
    `<style>${STYLE}</style>`,
    "</head>",
    "<body>",
    "<main>",
    ...body,
    "</main>",
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** A link only for web and file URLs; anything else (javascript:, data:) is shown as plain text. */
function link(url: string, text: string): string {
  if (!/^(?:https?|file):/i.test(url)) return escapeHtml(text);
  return `<a href="${escapeHtml(url)}">${escapeHtml(text)}</a>`;
}
