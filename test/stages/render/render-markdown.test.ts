import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../../../src/stages/render/render-markdown.js";
import { hostileReport } from "../../support/hostile-report.js";
import { allSources, buildReport } from "../../support/report-sources.js";

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
