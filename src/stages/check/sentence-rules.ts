// Format rules about the text: citation marks and numbering, Japanese register and punctuation, and
// whether each cited sentence is really in the source it cites.

import { endsInPlainCopula, usesAsciiPunctuation } from "../../text/japanese-register.js";
import { sentenceSpans } from "../../text/sentences.js";
import { checkClaimSupport, parseGlossary } from "../../text/support.js";
import type { Passage, Source } from "../../types.js";
import { type CitedSentence, citedSentences, isQuotation, type ParsedReport, unquote } from "./parse.js";
import type { ListedReference, Violation } from "./structure.js";

const FULL_WIDTH_CITATION = /［\s*[0-9０-９]+\s*］|【\s*[0-9０-９]+\s*】|\[[０-９]+\]/u;
const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;

export interface SentenceLine {
  line: number;
  section: string;
  sentences: CitedSentence[];
  rest: string;
}

export function sentenceLines(report: ParsedReport): SentenceLine[] {
  return report.body.map(({ line, text, section }) => ({ line, section, ...citedSentences(text) }));
}

/**
 * ASCII marks only; numbers from 1 in order of first appearance; every number listed and every listed
 * source cited; body sentences outside the conclusion carry a citation.
 */
export function checkCitations(
  report: ParsedReport,
  lines: SentenceLine[],
  listed: ListedReference[],
  labels: { conclusion: string; lang: string },
): Violation[] {
  const { conclusion, lang } = labels;
  const violations: Violation[] = [];
  for (const { line, text } of report.body) {
    const wide = FULL_WIDTH_CITATION.exec(text);
    if (wide)
      violations.push({ rule: "citation-ascii", line, message: `"${wide[0]}" must be written [n] in ASCII` });
  }
  const seen: number[] = [];
  for (const { line, sentences, rest, section } of lines) {
    for (const sentence of sentences) {
      // Text before a citation that holds more than one sentence leaves the earlier ones uncited.
      const parts = isQuotation(sentence.text)
        ? []
        : sentenceSpans(sentence.text, 0, sentence.text.length, lang);
      if (parts.length > 1) {
        const uncited = sentence.text.slice(0, parts.at(-1)?.start);
        violations.push({
          rule: "citation-missing",
          line,
          message: `"${clip(uncited.trim())}" has no citation`,
        });
      }
      for (const n of sentence.numbers) {
        if (seen.includes(n)) continue;
        if (n !== seen.length + 1) {
          violations.push({
            rule: "citation-order",
            line,
            message: `[${n}] appears before [${seen.length + 1}]; number sources by first appearance from 1`,
          });
        }
        seen.push(n);
        if (!listed.some((r) => r.n === n)) {
          violations.push({
            rule: "citation-unlisted",
            line,
            message: `[${n}] is not in the reference list`,
          });
        }
      }
    }
    if (section !== conclusion && /[\p{L}\p{N}]/u.test(rest)) {
      violations.push({ rule: "citation-missing", line, message: `"${clip(rest)}" has no citation` });
    }
  }
  for (const reference of listed) {
    if (!seen.includes(reference.n)) {
      violations.push({
        rule: "reference-uncited",
        line: reference.line,
        message: `[${reference.n}] is listed but never cited`,
      });
    }
  }
  return violations;
}

/** です/ます register and full-width punctuation in the report's own (non-quoted) Japanese sentences. */
export function checkJapanese(lines: SentenceLine[]): Violation[] {
  const violations: Violation[] = [];
  for (const { line, sentences, rest } of lines) {
    const texts = [...sentences.map((s) => s.text), ...(rest ? [rest] : [])];
    for (const text of texts) {
      if (isQuotation(text) || !JAPANESE.test(text)) continue;
      if (endsInPlainCopula(text)) {
        violations.push({
          rule: "ja-register",
          line,
          message: `"${clip(text)}" ends in だ/である; write in です/ます`,
        });
      }
      if (usesAsciiPunctuation(text)) {
        violations.push({
          rule: "ja-punctuation",
          line,
          message: `"${clip(text)}" uses ASCII , or .; use 、 and 。`,
        });
      }
    }
  }
  return violations;
}

/** What a report's JSON adds to the Markdown for the support check. */
export interface SupportEvidence {
  sources: Source[];
  passages?: Passage[] | undefined;
  /** The writer's spellings of names across scripts, so a translated name is not taken for a missing one. */
  glossary?: string[] | undefined;
}

/**
 * Each cited sentence must be found in, or supported by, a passage of a source it cites — by the same
 * fast check as the cite stage, with the writer's glossary. A translation it cannot settle passes: only a
 * missing number or name, or a same-language sentence with too few of the passage's words, is reported.
 */
export function checkSupport(
  lines: SentenceLine[],
  listed: ListedReference[],
  evidence: SupportEvidence,
): Violation[] {
  const violations: Violation[] = [];
  const glossary = parseGlossary(evidence.glossary);
  const sourceByUrl = new Map<string, Source>();
  for (const source of evidence.sources) {
    sourceByUrl.set(source.article.url, source);
    if (source.article.canonicalUrl) sourceByUrl.set(source.article.canonicalUrl, source);
  }
  const passagesOf = (source: Source): Passage[] => {
    const own = evidence.passages?.filter((p) => p.sourceId === source.id) ?? [];
    if (own.length > 0) return own;
    const { text, lang } = source.article;
    return [{ id: `${source.id}:all`, sourceId: source.id, text, start: 0, end: text.length, lang }];
  };
  for (const { line, sentences } of lines) {
    for (const sentence of sentences) {
      const cited = sentence.numbers.flatMap((n) => {
        const url = listed.find((r) => r.n === n)?.url;
        const source = url ? (sourceByUrl.get(decodeLinkUrl(url)) ?? sourceByUrl.get(url)) : undefined;
        return source ? passagesOf(source) : [];
      });
      const text = unquote(sentence.text);
      const supported = cited.some((p) => checkClaimSupport(text, p, glossary) !== "unsupported");
      if (!supported) {
        const numbers = sentence.numbers.map((n) => `[${n}]`).join("");
        violations.push({
          rule: "claim-unsupported",
          line,
          message: `"${clip(text)}" is not found in ${numbers}`,
        });
      }
    }
  }
  return violations;
}

/** The source's address from a reference link: what the renderer encoded to keep the link whole, decoded. */
function decodeLinkUrl(url: string): string {
  const encoded: Record<string, string> = {
    "%20": " ",
    "%28": "(",
    "%29": ")",
    "%3A": ":",
    "%5B": "[",
    "%5D": "]",
  };
  return url.replace(/%(?:20|28|29|3A|5B|5D)/g, (code) => encoded[code] as string).replace(/&amp;/g, "&");
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
