// `shirabe check --provenance`: a JSON file of the wrong shape is a clear input error, not a crash; a
// translated report is judged with the writer's glossary, as the cite stage judged it.
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { citeReport } from "../../../src/stages/cite/index.js";
import { splitPassages } from "../../../src/stages/passages/split-passages.js";
import { renderJson } from "../../../src/stages/render/render-json.js";
import { renderMarkdown } from "../../../src/stages/render/render-markdown.js";
import { runCli, tempDir } from "../../support/cli.js";
import { articleJa, makeSource } from "../../support/report-sources.js";

const REPORT = resolve(import.meta.dirname, "../../fixtures/reports/report-article.en.md");

describe("shirabe check --provenance", () => {
  for (const [name, json] of [
    ["sources that are not objects", '{"sources":[1,{"article":null}],"passages":[{"x":1}]}'],
    ["passages without text", '{"sources":[],"passages":[{"id":"s0:0","sourceId":"s0"}]}'],
    ["no JSON at all", "not json"],
  ]) {
    it(`refuses ${name} in one line naming the file (exit 1)`, async () => {
      const file = join(tempDir(), "provenance.json");
      writeFileSync(file, json as string);
      const result = await runCli(["check", REPORT, "--provenance", file]);
      expect(result.code).toBe(1);
      expect(result.stderr.trim().split("\n")).toEqual([
        `shirabe: ${file}: not a report's JSON; write one with \`shirabe report … --format json\``,
      ]);
    });
  }
});

describe("shirabe check --provenance on a translated report", () => {
  // A Japanese sentence citing an English passage, confirmed by the span the model quoted. Its names are
  // in kanji and katakana; only the writer's glossary ties them to "Liang Wenfeng", "Reuters", "Huawei".
  const SPAN = "Huawei shipped 12 million phones in the quarter, Liang Wenfeng told Reuters.";
  const CLAIM = "梁文鋒氏はロイターに対し、ファーウェイが四半期に1200万台の携帯電話を出荷したと語った。";
  const build = () => {
    const source = makeSource(
      "s1",
      "cited",
      "https://wire.example.com/huawei-phones",
      "Huawei phone shipments",
      "en",
      [{ type: "paragraph", text: `${SPAN} Xiaomi and Tencent were not mentioned in the filing.` }],
    );
    const sources = [articleJa, source];
    const passages = sources.flatMap((s) => splitPassages(s));
    const cited = passages.find((p) => p.sourceId === "s1");
    if (!cited) throw new Error("fixture: the source has no passage");
    const claim = { text: CLAIM, passageIds: [cited.id], spans: [{ passageId: cited.id, text: SPAN }] };
    const paragraphs = [{ claims: [claim] }];
    const report = citeReport({
      draft: {
        title: "ファーウェイの出荷台数",
        introduction: paragraphs,
        sections: [{ heading: "出荷", paragraphs, subsections: [] }],
        conclusion: paragraphs,
        glossary: [
          "Huawei / ファーウェイ",
          "Liang Wenfeng / 梁文鋒",
          "Reuters / ロイター",
          "Xiaomi / シャオミ",
        ],
      },
      sources,
      passages,
      lang: "ja",
      engine: "llm:fake",
      id: "report-translated",
      createdAt: "2026-01-01T00:00:00.000Z",
      failures: [],
    });
    const dir = tempDir();
    const write = (name: string, text: string) => {
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    };
    return { report, write };
  };

  it("ties names across scripts through the report's glossary (exit 0)", async () => {
    const { report, write } = build();
    expect(report.grounding.dropped).toBe(0);
    const markdown = write("report.md", renderMarkdown(report));
    const result = await runCli([
      "check",
      markdown,
      "--provenance",
      write("report.json", renderJson(report)),
    ]);
    expect(result.stdout).toContain("ok, no violations");
    expect(result.code).toBe(0);
  });

  it("still flags an edited sentence that names someone its source does not (exit 1)", async () => {
    const { report, write } = build();
    const markdown = write("edited.md", renderMarkdown(report).replaceAll("ファーウェイが", "シャオミが"));
    const result = await runCli([
      "check",
      markdown,
      "--provenance",
      write("report.json", renderJson(report)),
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("claim-unsupported");
    expect(result.stdout).toContain("梁文鋒氏はロイターに対し、シャオミ");
  });

  it("without the glossary (an older JSON) cannot tie the names, and says which sentence (exit 1)", async () => {
    const { report, write } = build();
    const document = JSON.parse(renderJson(report));
    delete document.report.glossary;
    const markdown = write("report.md", renderMarkdown(report));
    const result = await runCli([
      "check",
      markdown,
      "--provenance",
      write("old.json", JSON.stringify(document)),
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("claim-unsupported");
  });
});
