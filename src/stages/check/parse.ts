// Reads a Markdown report into the parts the format rules talk about, keeping 1-based line numbers.

export interface Heading {
  line: number;
  level: number;
  text: string;
}

export interface TextLine {
  line: number;
  text: string;
  /** The `##` heading the line sits under ("" before the first one). */
  section: string;
}

export interface ReferenceLine {
  line: number;
  text: string;
}

export interface ParsedReport {
  lines: string[];
  headings: Heading[];
  /** Non-blank body lines that are not headings, between the title and the reference heading. */
  body: TextLine[];
  /** The reference heading, when there is one. */
  referencesHeading: Heading | null;
  /** Non-blank lines after the reference heading up to the original-article line. */
  referenceLines: ReferenceLine[];
  /** The line that starts with "**<original label>:**", and how many lines it spans. */
  original: { line: number; text: string } | null;
}

export function parseReport(
  markdown: string,
  labels: { references: string; original: string },
): ParsedReport {
  const lines = markdown.replace(/\r\n?/g, "\n").split("\n");
  const headings: Heading[] = [];
  const body: TextLine[] = [];
  const referenceLines: ReferenceLine[] = [];
  let referencesHeading: Heading | null = null;
  let original: ParsedReport["original"] = null;
  let section = "";
  const originalPrefix = `**${labels.original}:**`;
  lines.forEach((raw, index) => {
    const line = index + 1;
    const text = raw.trim();
    if (original) {
      // A title broken over lines belongs to the original-article line until its link closes.
      if (!/\]\([^)]*\)\s*$/.test(original.text)) original.text += `\n${raw}`;
      return;
    }
    if (text.length === 0) return;
    if (text.startsWith(originalPrefix)) {
      original = { line, text };
      return;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(text);
    if (heading) {
      const parsed = { line, level: (heading[1] as string).length, text: (heading[2] as string).trim() };
      headings.push(parsed);
      if (parsed.level === 4 && parsed.text === labels.references && !referencesHeading)
        referencesHeading = parsed;
      if (parsed.level === 2) section = parsed.text;
      return;
    }
    if (referencesHeading) referenceLines.push({ line, text });
    else if (headings.length > 0) body.push({ line, text, section });
  });
  return { lines, headings, body, referencesHeading, referenceLines, original };
}

export interface CitedSentence {
  /** The sentence without its citation marks, unescaped. */
  text: string;
  numbers: number[];
}

/** Citation groups "[1]" or "[1][4]" in ASCII, not escaped "\[1\]" and not the start of a link "[1](". */
const CITATION_GROUP = /(?:(?<!\\)\[\d+\](?![(:]))+/g;

/**
 * Splits a paragraph at its citation groups. Both placements are read: "…です。[1]" and "…です[1]。"
 * (a full stop right after the group belongs to the sentence before it). `rest` is text after the
 * last citation.
 */
export function citedSentences(paragraph: string): { sentences: CitedSentence[]; rest: string } {
  const sentences: CitedSentence[] = [];
  let cursor = 0;
  for (const match of paragraph.matchAll(CITATION_GROUP)) {
    let text = paragraph.slice(cursor, match.index);
    cursor = match.index + match[0].length;
    const stop = /^[。．.！？!?]/u.exec(paragraph.slice(cursor));
    if (stop) {
      text += stop[0];
      cursor += stop[0].length;
    }
    const numbers = [...match[0].matchAll(/\d+/g)].map(([n]) => Number(n));
    sentences.push({ text: unescapeMarkdown(text.trim()), numbers });
  }
  return { sentences, rest: unescapeMarkdown(paragraph.slice(cursor).trim()) };
}

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&" };

/** What a Markdown renderer shows: backslash escapes and the entities the renderer writes, read back. */
function unescapeMarkdown(text: string): string {
  return text.replace(
    /\\([!-/:-@[-`{-~])|&(lt|gt|amp);/g,
    (_, escaped: string | undefined, entity: string) => escaped ?? (ENTITIES[entity] as string),
  );
}

/** True when the whole sentence is wrapped in quotation marks: a verbatim quotation, not the report's voice. */
export function isQuotation(sentence: string): boolean {
  return /^「[\s\S]*」$/u.test(sentence) || /^“[\s\S]*”$/u.test(sentence) || /^"[\s\S]*"$/u.test(sentence);
}

export function unquote(sentence: string): string {
  return isQuotation(sentence) ? sentence.slice(1, -1) : sentence;
}
