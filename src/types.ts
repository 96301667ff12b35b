// Records that the pipeline's stages exchange. Stages import these, never each other.
import type { ErrorCode } from "./errors.js";

/** A fetched or read input: raw bytes plus what the transport said about them. */
export interface Page {
  /** The input as the user gave it (URL or file path). */
  input: string;
  /** Final URL after redirects; a file:// URL for local files. */
  url: string;
  status: number;
  /** Response headers, names lower-cased. Empty for local files. */
  headers: Record<string, string>;
  /** Media type without parameters, e.g. "text/html", "text/markdown". */
  contentType: string;
  body: Uint8Array;
  fetchedAt: string;
  fromCache: boolean;
  /** URLs visited before `url`, in order. */
  redirects: string[];
}

/** Which rule chose the charset; "override" is the user's --encoding. */
export type CharsetSource = "override" | "bom" | "header" | "meta" | "detected" | "default";

/** A page's bytes turned into text. */
export interface DecodedPage {
  url: string;
  contentType: string;
  /** Decoded markup (HTML) or plain text / Markdown. */
  text: string;
  /** WHATWG encoding name actually used, e.g. "shift_jis", "utf-8". */
  charset: string;
  charsetSource: CharsetSource;
  /** What a document says about itself outside its text (a PDF's document info). */
  documentInfo?: { title?: string; author?: string; lang?: string };
}

/** One structural unit of an article's main text. */
export type Block =
  | { type: "heading"; level: number; text: string }
  | { type: "paragraph"; text: string }
  | { type: "list"; ordered: boolean; items: string[] }
  | { type: "quote"; text: string }
  | { type: "table"; rows: string[][] }
  | { type: "code"; text: string };

export interface Link {
  url: string;
  text: string;
}

/** Where an article cites a link: in its prose, in a reference list or footnotes, or on a see-also line. */
export type CitationKind = "prose" | "reference" | "see-also";

export interface CitedLink extends Link {
  kind: CitationKind;
}

/** The main content and metadata of a page. */
export interface Article {
  /** Final URL of the page (file:// for local files). */
  url: string;
  canonicalUrl: string | null;
  /** Clean title: no " | Site" suffix, whitespace collapsed. */
  title: string;
  siteName: string | null;
  author: string | null;
  /** ISO 8601 (date or date-time). */
  publishedAt: string | null;
  /** BCP 47 primary tag, e.g. "ja", "en", "zh". */
  lang: string | null;
  blocks: Block[];
  /** Plain text of `blocks`, one block per paragraph, blocks separated by "\n\n". Passage offsets index this. */
  text: string;
  /** Outbound links inside the article body, absolute URLs, with anchor text. */
  links: Link[];
  /**
   * The links the article cites as its sources, from its whole container (reference lists and see-also
   * lines included, site furniture not), best first: prose, then references, then see-also lines.
   */
  citedLinks?: CitedLink[];
  /** For a paged document (PDF): the offset in `text` where each page begins; index 0 is page 1. */
  pageStarts?: number[];
}

/** Why a source is in the report; "found" came from web search or the local corpus. */
export type SourceRole = "article" | "cited" | "provided" | "found";

/** What kind of publisher a source is, judged from its address. */
export type SourceType =
  | "news"
  | "government"
  | "think-tank"
  | "academic"
  | "blog"
  | "video"
  | "reference"
  | "document"
  | "other";

export interface SourceSignals {
  type: SourceType;
  /** Host without "www."; null for local files. */
  site: string | null;
  publishedAt: string | null;
  /** Whole days between publication and the run; null when the date is unknown. */
  ageDays: number | null;
}

export interface Source {
  /** Stable id within one run: "s0" is the original article, then "s1", "s2", … */
  id: string;
  role: SourceRole;
  input: string;
  article: Article;
  /** Set by research: source type and age, shown in the JSON report. */
  signals?: SourceSignals;
}

/** A source that could not be used, kept in the run log. */
export interface SourceFailure {
  input: string;
  message: string;
  code: ErrorCode;
}

/** A sentence or short run of sentences of one source, with its position in `article.text`. */
export interface Passage {
  /** "<sourceId>:<index>", e.g. "s2:14". */
  id: string;
  sourceId: string;
  text: string;
  start: number;
  end: number;
  lang: string | null;
  /** 1-based page of a PDF source the passage starts on. */
  page?: number;
}

/** One sentence of a report and the passages it is drawn from. */
export interface Claim {
  text: string;
  passageIds: string[];
  /** True when the sentence is kept in its source language inside a report in another language. */
  quotation?: boolean;
  /** Set by an entailment check: the words of each cited passage that say what the sentence says. */
  spans?: EvidenceSpan[];
  /** Set by the final gate (citeReport): how the sentence was confirmed against its passages. */
  confirmedBy?: ConfirmationMethod;
}

/** Words quoted verbatim from a passage as evidence for a claim. */
export interface EvidenceSpan {
  passageId: string;
  text: string;
}

/**
 * How a sentence was confirmed: it is (nearly) a passage's own words; the fast check found its numbers,
 * names, direction and most terms in the passage; or only an entailment call (a model) vouched for it,
 * quoting a span that code checked for the numbers, names and direction.
 */
export type ConfirmationMethod = "verbatim" | "fast-check" | "entailment";

export interface Paragraph {
  claims: Claim[];
}

export interface Subsection {
  heading: string;
  paragraphs: Paragraph[];
}

export interface Section {
  heading: string;
  /** Paragraphs before the first subsection. */
  paragraphs: Paragraph[];
  subsections: Subsection[];
}

export interface Reference {
  /** Citation number, from 1, by first appearance in the text. */
  n: number;
  sourceId: string;
  url: string;
  title: string;
}

export interface GroundingSummary {
  claims: number;
  supported: number;
  repaired: number;
  dropped: number;
  /** The report's sentences by how they were confirmed (set by the final gate). */
  confirmedBy?: Record<ConfirmationMethod, number>;
}

export interface Report {
  id: string;
  lang: string;
  engine: string;
  createdAt: string;
  title: string;
  introduction: Paragraph[];
  sections: Section[];
  conclusion: Paragraph[];
  references: Reference[];
  original: { title: string; url: string };
  sources: Source[];
  /** Every passage a claim cites. */
  passages: Passage[];
  grounding: GroundingSummary;
  failures: SourceFailure[];
  /** The writer's spellings of each name in every script, kept so a later check judges as the cite stage did. */
  glossary?: string[];
}

/** A report body before citation numbering: what a writing engine produces and `citeReport` checks. */
export interface Draft {
  title: string;
  introduction: Paragraph[];
  sections: Section[];
  conclusion: Paragraph[];
  /** Set by a writer that verifies its own claims (the LLM engine): counted over every claim it wrote. */
  grounding?: GroundingSummary;
  /** Spellings of each name in every script ("DeepSeek / ディープシーク"), for checks across languages. */
  glossary?: string[];
}
