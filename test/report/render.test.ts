import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { citeReport } from "../../src/stages/cite/index.js";
import { splitPassages } from "../../src/stages/passages.js";
import { renderHtml } from "../../src/stages/render/html.js";
import { renderJson } from "../../src/stages/render/json.js";
import { renderMarkdown } from "../../src/stages/render/markdown.js";
import type { Report } from "../../src/types.js";
import { allSources, buildReport, makeSource } from "./sources.js";

/** A report whose sources carry markup, brackets and a javascript: URL. */
function hostileReport(): Report {
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

describe("renderMarkdown", () => {
  it("writes the seed layout with ASCII citations after each sentence", () => {
    const markdown = renderMarkdown(buildReport(allSources, "ja").report);
    const lines = markdown.split("\n");
    expect(lines[0]).toMatch(/^# \S/);
    expect(lines.filter((l) => l.startsWith("## "))[0]).toBe("## 緒言");
    expect(lines.filter((l) => l.startsWith("## ")).at(-1)).toBe("## 結論");
    const references = lines.slice(lines.indexOf("#### 参照記事") + 1, lines.indexOf("#### 参照記事") + 4);
    const urls = allSources.map((s) => s.article.url);
    references.forEach((line, index) => {
      const match = /^- \[\[(\d+)\]:(\S+)\]\((\S+)\)$/.exec(line);
      expect(match?.[1]).toBe(String(index + 1));
      expect(match?.[2]).toBe(match?.[3]);
      expect(urls).toContain(match?.[2]);
    });
    expect(new Set(references).size).toBe(3);
    expect(lines[lines.indexOf("#### 参照記事") + 4]).toBe("");
    expect(lines.at(-2)).toBe(
      "**元記事:** [半導体輸出規制とAIスタートアップの行方](https://news.example.jp/articles/ai-chips)",
    );
    const n = markdown.includes("[[2]:https://markets") ? 2 : 3;
    expect(markdown).toContain(
      `「Shares of NVIDIA fell 17% in a single day after DeepSeek released its new model.」[${n}]`,
    );
  });

  it("escapes brackets from source text so they cannot pass for citations", () => {
    const markdown = renderMarkdown(hostileReport());
    expect(markdown).toContain("loudly \\[3\\] today.[1]");
  });
});

describe("renderHtml", () => {
  it("escapes source text, links citations to the reference list and never links a javascript: URL", () => {
    const html = renderHtml(hostileReport());
    const { document } = new JSDOM(html).window;
    expect(document.querySelectorAll("script")).toHaveLength(0);
    expect(document.querySelectorAll("b, i")).toHaveLength(0);
    expect(document.body.textContent).toContain('<script>alert("x")</script>');
    expect(document.documentElement.getAttribute("lang")).toBe("en");
    expect(document.querySelector("h1")?.textContent).toBe("Report <i>x</i>");
    const cites = [...document.querySelectorAll("a.cite")].map((a) => a.getAttribute("href"));
    expect(cites).toEqual(["#ref-1", "#ref-1", "#ref-2"]);
    expect(document.getElementById("ref-1")?.querySelector("a")?.getAttribute("href")).toBe(
      "https://x.test/a",
    );
    expect(document.getElementById("ref-2")?.querySelector("a")).toBeNull();
    expect(document.querySelector("q.quotation")?.textContent).toBe(
      "\u201cAnother source says chips got cheaper this year.\u201d",
    );
    expect(document.querySelector("footer")?.textContent).toContain("3 claims, 3 supported");
    expect(html).toContain("@media print");
  });
});

describe("renderJson", () => {
  it("carries the whole record with a schema version and the claim-to-passage map", () => {
    const { report } = buildReport(allSources, "en");
    const parsed = JSON.parse(renderJson(report));
    expect(parsed.schemaVersion).toBe(1);
    expect(parsed.report.title).toBe(report.title);
    expect(parsed.report.references).toEqual(report.references);
    expect(parsed.sources).toHaveLength(3);
    expect(parsed.sources[0].article.text).toBe(allSources[0]?.article.text);
    expect(parsed.grounding).toEqual(report.grounding);
    expect(parsed.claims).toHaveLength(report.grounding.claims);
    for (const claim of parsed.claims) {
      const passage = parsed.passages.find((p: { id: string }) => p.id === claim.passageIds[0]);
      expect(passage.text).toBe(claim.text);
      const reference = report.references.find((r) => r.sourceId === passage.sourceId);
      expect(claim.citations).toEqual([reference?.n]);
    }
  });
});
