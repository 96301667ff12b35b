// Ranks the passages a corpus query found: BM25 over every query term (src/text/bm25.ts), with term
// frequency counted as substring occurrences in the folded text, and the spans that matched, so the
// CLI and the API can show why a passage was found.
import type { CorpusHit } from "../../ports/search.js";
import { bm25Idf, bm25TermScore } from "../../text/bm25.js";
import { type CorpusQuery, foldForSearch, type QueryTerm } from "./corpus-query.js";

/** A passage a query found, as much of it as ranking needs. */
export interface Candidate {
  id: number;
  folded: string;
}

/** A passage's details, read only for the passages ranked into the results. */
export interface HitRow {
  id: number;
  location: string;
  title: string;
  text: string;
  position: number;
  page: number | null;
}

/**
 * The best `limit` candidates by BM25 over the query's phrases and terms, with their scores; `documents`
 * is the corpus size, for IDF. Document frequencies are counted among the candidates, which hold every
 * passage with a term unless the candidate cap cut them short.
 */
export function rankCandidates(
  candidates: Candidate[],
  query: CorpusQuery,
  documents: number,
  limit: number,
): Array<{ id: number; score: number }> {
  if (candidates.length === 0) return [];
  const all = [...query.phrases, ...query.terms];
  const counts = candidates.map((row) => all.map((term) => occurrences(row.folded, term.match)));
  const frequency = all.map((_, t) => counts.reduce((sum, row) => sum + ((row[t] ?? 0) > 0 ? 1 : 0), 0));
  const weights = frequency.map((df) => bm25Idf(Math.max(documents, candidates.length), df));
  const lengths = candidates.map((row) => row.folded.length);
  const averageLength = lengths.reduce((sum, length) => sum + length, 0) / candidates.length;
  const scored = candidates.map((row, index) => {
    let score = 0;
    all.forEach((_, t) => {
      score += (weights[t] ?? 0) * bm25TermScore(counts[index]?.[t] ?? 0, lengths[index] ?? 0, averageLength);
    });
    return { id: row.id, score };
  });
  // Ties keep storage order (document, then position), so the same query gives the same list.
  return scored.sort((a, b) => b.score - a.score || a.id - b.id).slice(0, limit);
}

/** A ranked passage as a hit, with the words that matched and where they are. */
export function toHit(row: HitRow, score: number, query: CorpusQuery): CorpusHit {
  const highlights = highlightSpans(row.text, [...query.phrases, ...query.terms]);
  return {
    location: row.location,
    title: row.title,
    passage: row.text,
    position: row.position,
    page: row.page,
    score,
    matched: [...new Set(highlights.map((span) => row.text.slice(span.start, span.end).toLowerCase()))],
    highlights,
  };
}

function occurrences(haystack: string, needle: string): number {
  if (!needle) return 0;
  let count = 0;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) count++;
  return count;
}

/**
 * Where the terms occur in `text` (offsets into it, sorted, overlaps merged). Matching runs on the folded
 * text; a map from folded to original offsets keeps spans right when folding changes lengths (㈱ → (株)).
 * A word term's span grows to the whole word, so "invest" marks "investment".
 */
function highlightSpans(text: string, terms: QueryTerm[]): Array<{ start: number; end: number }> {
  let folded = "";
  const origin: number[] = [];
  let offset = 0;
  for (const char of text) {
    const piece = foldForSearch(char);
    for (let i = 0; i < piece.length; i++) origin.push(offset);
    folded += piece;
    offset += char.length;
  }
  origin.push(text.length);
  const spans: Array<{ start: number; end: number }> = [];
  for (const term of terms) {
    if (!term.match) continue;
    for (
      let at = folded.indexOf(term.match);
      at >= 0;
      at = folded.indexOf(term.match, at + term.match.length)
    ) {
      let start = origin[at] as number;
      let end = origin[at + term.match.length] as number;
      if (term.word) {
        while (start > 0 && /[\p{L}\p{N}]/u.test(text[start - 1] as string)) start--;
        while (end < text.length && /[\p{L}\p{N}]/u.test(text[end] as string)) end++;
      }
      spans.push({ start, end });
    }
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Array<{ start: number; end: number }> = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}
