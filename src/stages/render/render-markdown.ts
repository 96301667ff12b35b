// Report → Markdown in the seed format (see /work/shared/REPORT-FORMAT.md). Citations follow the
// sentence, after its full stop: 「…しました。[1]」, several as [1][4].
//
// Everything from a page (sentences, titles, headings, URLs) is escaped so that a Markdown renderer at its
// defaults shows it as text: no raw HTML, no link, no entity that turns into a control character.
import { stripControlCharacters } from "../../text/control-characters.js";
import { reportLabels } from "../../text/labels.js";
import type { Paragraph, Report } from "../../types.js";
import { citationNumbers, claimText, linkUrl } from "./citations.js";

export function renderMarkdown(report: Report): string {
  const labels = reportLabels(report.lang);
  const numbersOf = citationNumbers(report);
  const lines: string[] = [`# ${escapeHeading(report.title)}`, ""];
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
    lines.push(`## ${escapeHeading(section.heading)}`, "");
    paragraphs(section.paragraphs);
    for (const sub of section.subsections) {
      lines.push(`### ${escapeHeading(sub.heading)}`, "");
      paragraphs(sub.paragraphs);
    }
  }
  lines.push(`## ${labels.conclusion}`, "");
  paragraphs(report.conclusion);
  lines.push(`#### ${labels.references}`);
  for (const reference of report.references) {
    const url = markdownUrl(reference.url);
    lines.push(`- [[${reference.n}]:${url}](${url})`);
  }
  lines.push(
    "",
    `**${labels.original}:** [${escapeInline(singleLine(report.original.title))}](${markdownUrl(report.original.url)})`,
    "",
  );
  return lines.join("\n");
}

function singleLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** An entity or numeric character reference a renderer would decode: `&lt;`, `&#27;`, `&#x1b;`. */
const CHARACTER_REFERENCE = /&(?=#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)/g;

/**
 * Source text as inline Markdown that reads as itself: `<` and `>` as entities (no raw HTML, no
 * autolink), `&` only where it would start a character reference, backslashes only before punctuation,
 * brackets (no citation, link or image), backticks (no code span hiding an escape).
 */
function escapeInline(text: string): string {
  return stripControlCharacters(text)
    .replace(CHARACTER_REFERENCE, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\\(?=[!-/:-@[-`{-~])/g, "\\\\")
    .replace(/[[\]`]/g, "\\$&");
}

/** A heading's text on one line; a trailing run of "#" would be read as the heading's closing marks. */
function escapeHeading(text: string): string {
  return escapeInline(singleLine(text)).replace(/(^|\s)(#+)$/, "$1\\$2");
}

/**
 * A paragraph starting with "#", "-", ">", "1." or a fence would become a heading, list, quote, code
 * block or rule: its first marker character is escaped.
 */
function escapeBlockStart(text: string): string {
  return text
    .replace(/^(#|[-+*](?=\s|$)|[-*_=~]{3}|\+{3})/, "\\$1")
    .replace(/^(\d{1,9})([.)])(?=\s|$)/, "$1\\$2");
}

/**
 * A URL as a Markdown link target and text: anything but http(s) and file is made relative (so a
 * `javascript:` address links nowhere), and characters that would end the link are percent-encoded.
 */
function markdownUrl(url: string): string {
  const clean = stripControlCharacters(url).trim();
  const safe = /^(?:https?|file):/i.test(clean) ? clean : clean.replace(/:/g, "%3A");
  // The host keeps its brackets (an IPv6 literal); after it, a bracket could close the link text.
  const host = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(safe)?.[0] ?? "";
  const rest = safe.slice(host.length).replace(/[[\]<>"`\\\s]/g, percentEncode);
  return linkUrl(`${host.replace(/[<>"`\\\s]/g, percentEncode)}${rest}`).replace(
    CHARACTER_REFERENCE,
    "&amp;",
  );
}

function percentEncode(character: string): string {
  return `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`;
}
