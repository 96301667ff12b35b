// A report built from sources that carry markup, brackets and a javascript: URL, for the renderers' tests.
import { citeReport } from "../../src/stages/cite/index.js";
import { splitPassages } from "../../src/stages/passages/split-passages.js";
import type { Report } from "../../src/types.js";
import { makeSource } from "./report-sources.js";

/** A report whose sources carry markup, brackets and a javascript: URL. */
export function hostileReport(): Report {
  const article = makeSource("s0", "article", "https://x.test/a", "Tags <b>bold</b> & more", "en", [
    { type: "paragraph", text: 'The page said <script>alert("x")</script> loudly [3] today.' },
    { type: "paragraph", text: "A second sentence cites another page for its facts." },
  ]);
  const other = makeSource("s1", "cited", "javascript:alert(1)", "Evil", "en", [
    { type: "paragraph", text: "Another source says chips got cheaper this year." },
  ]);
  const passages = [...splitPassages(article), ...splitPassages(other)];
  const [first, second] = passages;
  const third = passages.find((p) => p.sourceId === "s1");
  return citeReport({
    draft: {
      title: "Report <i>x</i>",
      introduction: [{ claims: [{ text: first?.text ?? "", passageIds: [first?.id ?? ""] }] }],
      sections: [],
      conclusion: [
        {
          claims: [
            { text: second?.text ?? "", passageIds: [second?.id ?? ""] },
            { text: third?.text ?? "", passageIds: [third?.id ?? ""], quotation: true },
          ],
        },
      ],
    },
    sources: [article, other],
    passages,
    lang: "en",
    engine: "extractive",
    id: "r",
    createdAt: "2026-01-01T00:00:00.000Z",
    failures: [],
  });
}

/** Markup, entities, Markdown syntax and terminal escapes as pages really send them. */
export const MARKUP_PAYLOADS = [
  "The council met <img src=x onerror=alert(1)> on Monday.",
  'Officials embedded <iframe src="https://evil.test/"></iframe> in the notice.',
  "A clerk typed &lt;b&gt; and &#27;[2J into the minutes.",
  "Readers clicked [a link](javascript:alert(2)) and ![an image](https://evil.test/x.png) there.",
  "The memo quoted `<script>alert(3)</script>` and <https://evil.test/auto> verbatim.",
  "- A dash at the start must not open a list.",
  "1. A number at the start must not open a list either.",
  "Escapes \\<b\\> and \\[1\\] were left in by the writer.",
];

/** A report whose every page-derived field — sentences, titles, headings, URLs — carries a payload. */
export function markupReport(): Report {
  const article = makeSource(
    "s0",
    "article",
    "https://x.test/a?q=[1]&copy;(2)",
    "Title <svg onload=alert(4)> \u001b]0;pwned\u0007 [x](javascript:alert(5)) #",
    "en",
    MARKUP_PAYLOADS.map((text) => ({ type: "paragraph" as const, text })),
  );
  const other = makeSource("s1", "cited", "javascript:alert(6)", "<b>Other</b>", "en", [
    { type: "paragraph", text: "A second page carries <a href=javascript:alert(7)>a link</a> too." },
  ]);
  const passages = [...splitPassages(article), ...splitPassages(other)];
  // One sentence a paragraph, so that each payload also stands at the start of a block.
  const paragraphs = passages.map((passage) => ({
    claims: [{ text: passage.text, passageIds: [passage.id] }],
  }));
  return citeReport({
    draft: {
      title: "Report <script>alert(8)</script> \u009b31m",
      introduction: paragraphs.slice(0, 2),
      sections: [
        {
          heading: "Theme <img src=x onerror=alert(9)> [t](javascript:1)",
          paragraphs: paragraphs.slice(2, 5),
          subsections: [{ heading: "Sub <u>theme</u> ##", paragraphs: paragraphs.slice(5, -1) }],
        },
      ],
      conclusion: paragraphs.slice(-1),
    },
    sources: [article, other],
    passages,
    lang: "en",
    engine: "extractive",
    id: "r",
    createdAt: "2026-01-01T00:00:00.000Z",
    failures: [],
  });
}
