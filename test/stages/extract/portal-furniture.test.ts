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

  it("keeps the editor's credit that closes the article, not the footer after it", () => {
    const text = page(`
      ${ZH_PROSE.map((line) => `<p>${line}</p>`).join("")}
      <p>（责任编辑：李华）</p>
      <p>分享到：</p>
      <ul><li><a href="/1">首页</a></li><li><a href="/2">新闻</a></li></ul>`);
    expect(text).toBe([...ZH_PROSE, "（责任编辑：李华）"].join("\n\n"));
  });

  it("ends the article at a comment box's label, even one laid out as a one-cell table", () => {
    const comments = `
      <div class="pl"><table><tr><td>最新评论</td></tr></table>
      <p>河畔网友[219.130.79.*] 认为：</p>
      <p>支持扩建湿地，春天雨水多的时候确实需要这样的地方来吸收洪水，停车问题可以另想办法解决。</p></div>`;
    const counted = `<p>网友评论（2）</p>
      <p>这个项目拖了好几年，终于有了结果，希望明年能按时开工，不要再推迟了，大家都在等着看。</p>`;
    const prose = ZH_PROSE.map((line) => `<p>${line}</p>`).join("");
    expect(page(`${prose}${comments}`)).toBe(ZH_PROSE.join("\n\n"));
    expect(page(`${prose}${counted}`)).toBe(ZH_PROSE.join("\n\n"));
  });

  it("ends the article at the site's copyright notice standing under it", () => {
    const notice = `<p>反侵权公告：</p>
      <p>根据著作权法等法律法规，未经书面许可擅自转载本报社作品的，将涉嫌侵犯著作权人合法权益，本报社郑重公告如下。</p>
      <p>一、任何单位或个人使用本报社享有著作权的原创内容，必须事先取得本报社的书面授权，并注明出处和作者。</p>`;
    const prose = ZH_PROSE.map((line) => `<p>${line}</p>`).join("");
    expect(page(`${prose}${notice}`)).toBe(ZH_PROSE.join("\n\n"));
  });

  it("drops a toolbar of bracketed buttons and ends the article at a related-links label", () => {
    const toolbar = "<p>页面功能 【我来说两句】【推荐】【字体：大 中 小】【打印】【关闭】</p>";
    const related = `<p>相关链接</p>
      <p>河畔公园去年春天的一场暴雨淹没了整条步道，市民们在网上讨论了好几个星期才有了结果。</p>`;
    const prose = ZH_PROSE.map((line) => `<p>${line}</p>`).join("");
    expect(page(`${toolbar}${prose}${toolbar}`)).toBe(ZH_PROSE.join("\n\n"));
    expect(page(`${prose}${related}`)).toBe(ZH_PROSE.join("\n\n"));
  });

  it("ends a forum post at its back link, before the replies under it", () => {
    const replies = `<p>← 返回</p>
      <p>无聊</p>
      <p>这种讨论每年都有一次，吵到最后也没有结论，还不如去公园里走一走，看看新修的步道。</p>`;
    const prose = ZH_PROSE.map((line) => `<p>${line}</p>`).join("");
    expect(page(`${prose}${replies}`)).toBe(ZH_PROSE.join("\n\n"));
  });

  it("drops keyword lines and prompts to follow the site's account after the article", () => {
    const text = page(`
      ${ZH_PROSE.map((line) => `<p>${line}</p>`).join("")}
      <p>关键字：河畔公园 湿地</p>
      <p>河畔日报公众号</p>
      <p>更多新闻！欢迎扫描左方二维码关注河畔日报官方微信（hepan-daily）</p>`);
    expect(text).toBe(ZH_PROSE.join("\n\n"));
  });

  it("keeps prose that mentions an official account", () => {
    const line = "市政府当晚通过官方微博发布消息称，扩建工程不会占用现有的儿童游乐场。";
    expect(page(`${ZH_PROSE.map((l) => `<p>${l}</p>`).join("")}<p>${line}</p>`)).toContain(line);
  });

  it("keeps prose that mentions a source and a date", () => {
    const line = "据河畔日报2月4日报道，来源于市政府的消息称，公园扩建工程将于明年开工。";
    expect(page(`<p>${line}</p>${ZH_PROSE.map((l) => `<p>${l}</p>`).join("")}`)).toContain(line);
  });
});

describe("copyright notices in any script", () => {
  const EN_PROSE = [
    "The city council voted on Tuesday to expand the riverside park by four hectares of wetland.",
    "Supporters said the wetland would absorb spring floods; opponents worried about parking downtown.",
  ];
  const enPage = (body: string) =>
    extractArticle(
      decoded(html(`<div class="main"><h1>Park plan approved</h1>${body}</div>`), "https://example.com/b"),
    ).text;

  it("drops an English copyright line inside the article container", () => {
    const text = enPage(
      `${EN_PROSE.map((line) => `<p>${line}</p>`).join("")}<p>Copyright © 2024 Riverside Daily. All rights reserved.</p>`,
    );
    expect(text).toBe(EN_PROSE.join("\n\n"));
  });

  it("keeps a long prose paragraph that mentions all rights reserved", () => {
    const line = `The author said the publisher's "all rights reserved" notice did not stop libraries from lending the book, ${"because lending is not copying, and the court agreed with that reading in a ruling that ran to forty pages. ".repeat(2)}`;
    expect(enPage(`<p>${EN_PROSE[0]}</p><p>${line}</p>`)).toContain("all rights reserved");
  });
});

describe("Japanese blog lines", () => {
  const LINES = [
    "念願の二拠点生活がついに始まりました",
    "まずは月の半分は街で働いて、",
    "残りの半分は森の小屋で自由に過ごす生活",
    "古い小屋は床をはがして張り替えたり",
    "天井を抜いて屋根裏部屋を作ったり",
    "壁紙の張り替えやペンキの塗り替えも",
    "これからはお風呂とトイレの工事もあります。",
    "全部自分でやろうというので大変です",
  ];

  it("reads a post set one phrase per line, mostly without full stops, as the article", () => {
    const body = `<nav><a href="/">ホーム</a> <a href="/list">記事一覧</a></nav>
      <div class="entry">${LINES.map((line) => `<p>${line}</p>`).join("")}</div>
      <aside class="profile"><p>東京都在住、森と山菜が好きな二児の母です。</p></aside>`;
    const text = extractArticle(decoded(html(body), "https://example.com/b")).text;
    for (const line of LINES.slice(1, -1)) expect(text).toContain(line);
    expect(text).not.toContain("二児の母");
  });
});
