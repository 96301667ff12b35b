// Which source sentences the extractive writer may use, in what order, and in whose voice.
import { endsInPoliteForm, usesAsciiPunctuation } from "../../text/japanese-register.js";
import { sentenceLang } from "../../text/language.js";
import { cosine, similarityTerms, termCounts } from "../../text/terms.js";
import type { Claim, Passage, Source } from "../../types.js";

/** A sentence must end like one: terminal punctuation, maybe followed by closing quotes. */
const SENTENCE_END = /[.!?。！？．][」』）)"'”’]*$/u;
/** Shorter passages are fragments or labels; longer ones are run-on text no reader wants verbatim. */
const MIN_CHARS = { cjk: 10, other: 30 };
const MAX_CHARS = 400;
/** Sentences ranked at most; the graph grows with the square of this. */
const MAX_CANDIDATES = 400;

export interface Candidate {
  passage: Passage;
  /** Position of the source in the input, then the passage start: the reading order. */
  sourceOrder: number;
}

/** Complete sentences of the given sources, each text once (the first in reading order wins). */
export function candidateSentences(sources: Source[], passages: Passage[]): Candidate[] {
  const order = new Map(sources.map((s, i) => [s.id, i]));
  const seen = new Set<string>();
  const candidates: Candidate[] = [];
  for (const passage of passages) {
    const sourceOrder = order.get(passage.sourceId);
    if (sourceOrder === undefined) continue;
    const text = passage.text.trim();
    const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(text);
    if (
      !SENTENCE_END.test(text) ||
      text.length > MAX_CHARS ||
      text.length < (cjk ? MIN_CHARS.cjk : MIN_CHARS.other)
    )
      continue;
    const key = text.normalize("NFKC").replace(/\s+/g, " ").toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    candidates.push({ passage, sourceOrder });
  }
  return candidates.sort(compareReading);
}

/**
 * Keeps the similarity graph small enough to rank in well under a second: the article's own sentences
 * first, then the other sources' sentences closest to the article, back in reading order.
 */
export function boundedCandidates(candidates: Candidate[], subjectId: string): Candidate[] {
  if (candidates.length <= MAX_CANDIDATES) return candidates;
  const own = candidates.filter((c) => c.passage.sourceId === subjectId).slice(0, MAX_CANDIDATES / 2);
  const subject = termCounts(own.flatMap((c) => similarityTerms(c.passage.text)));
  const others = candidates
    .filter((c) => c.passage.sourceId !== subjectId)
    .map((c, order) => ({
      c,
      order,
      relevance: cosine(termCounts(similarityTerms(c.passage.text)), subject),
    }))
    .sort((a, b) => b.relevance - a.relevance || a.order - b.order)
    .slice(0, MAX_CANDIDATES - own.length)
    .map(({ c }) => c);
  return [...own, ...others].sort(compareReading);
}

export function compareReading(a: Candidate, b: Candidate): number {
  return a.sourceOrder - b.sourceOrder || a.passage.start - b.passage.start;
}

/**
 * A verbatim sentence in another language than the report's, or a Japanese one outside the です/ます
 * register (news style: …した。…である。) or with ASCII punctuation, which a Japanese report cannot
 * use as its own voice, is shown as a quotation.
 */
export function claimOf(passage: Passage, lang: string): Claim {
  const own = sentenceLang(passage.text, passage.lang);
  const offStyle = lang === "ja" && (!endsInPoliteForm(passage.text) || usesAsciiPunctuation(passage.text));
  const quotation = own !== lang || offStyle;
  return { text: passage.text, passageIds: [passage.id], ...(quotation ? { quotation: true } : {}) };
}
