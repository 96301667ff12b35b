// A report built from sources that carry markup, brackets and a javascript: URL, for the renderers' tests.
import { citeReport } from "../../src/stages/cite.js";
import { splitPassages } from "../../src/stages/passages.js";
import type { Report } from "../../src/types.js";
import { makeSource } from "../report/sources.js";

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
