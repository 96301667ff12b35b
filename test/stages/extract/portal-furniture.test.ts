import { describe, expect, it } from "vitest";
import { extractArticle } from "../../../src/stages/extract/index.js";
import { decoded, html } from "../../support/extract-pages.js";

const ZH_PROSE = [
  "市政府周二宣布，河畔公园将扩建四公顷湿地，原计划在此修建的停车楼项目随之取消。",
  "支持者表示，湿地能在春季暴雨时吸收洪水；反对者则认为，市中心停车难的问题会因此更加严重。",
  "工程预计明年开工，市议会要求园林部门在三月底前提交维护费用的报告，并向市民公开征求意见。",
];

const page = (lines: string) =>
  extractArticle(
    decoded(html(`<div class="main"><h1>河畔公园扩建获批</h1>${lines}</div>`), "https://example.com/a"),
  ).text;

describe("Chinese portal furniture", () => {
  it("drops meta lines, copyright notices and share prompts around the article", () => {
    const text = page(`
      <p>2025-02-04 14:32 来源：河畔日报 作者：王明 阅读：8169</p>
      ${ZH_PROSE.map((line) => `<p>${line}</p>`).join("")}
      <p>分享到：</p>
      <p>河畔日报社 版权所有，未经许可不得转载</p>`);
    expect(text).toBe(ZH_PROSE.join("\n\n"));
  });

  it("keeps an editor's credit inside the article", () => {
    const lines = [ZH_PROSE[0], "（记者 王明）", ...ZH_PROSE.slice(1)] as string[];
    expect(page(lines.map((line) => `<p>${line}</p>`).join(""))).toBe(lines.join("\n\n"));
  });

  it("keeps prose that mentions a source and a date", () => {
    const line = "据河畔日报2月4日报道，来源于市政府的消息称，公园扩建工程将于明年开工。";
    expect(page(`<p>${line}</p>${ZH_PROSE.map((l) => `<p>${l}</p>`).join("")}`)).toContain(line);
  });
});
