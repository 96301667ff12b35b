import { describe, expect, it } from "vitest";
import { extractArticle } from "../../../src/stages/extract/index.js";
import { decoded, newsPage, paragraphs } from "../../support/extract-pages.js";

const titleOf = (head: string, article = paragraphs()) =>
  extractArticle(decoded(newsPage(article, head, 'lang="zh"'))).title;

describe("titles in Chinese and Japanese", () => {
  it("drops site and channel names joined without spaces", () => {
    expect(titleOf("<title>市政府公布新公园规划--河畔日报</title>")).toBe("市政府公布新公园规划");
    expect(titleOf("<title>歌手宣布新专辑将于明年春天发行_河畔娱乐</title>")).toBe(
      "歌手宣布新专辑将于明年春天发行",
    );
    expect(titleOf("<title>外交官回忆录连载(3)_读书频道_河畔网</title>")).toBe("外交官回忆录连载(3)");
    expect(titleOf("<title>新公园规划出炉 - 要闻 - 河畔日报网</title>")).toBe("新公园规划出炉");
  });

  it("drops a column, an author and the site after a Japanese headline", () => {
    const head = `<title>市の予算案、公園整備に重点 |  | 山田太郎 | 河畔新聞「政治プレミア」</title>
      <meta property="og:site_name" content="河畔新聞「政治プレミア」">`;
    expect(titleOf(head)).toBe("市の予算案、公園整備に重点");
    const colon = `<title>公園の拡張が決まった：河畔新聞デジタル</title><meta property="og:site_name" content="河畔新聞デジタル">`;
    expect(titleOf(colon)).toBe("公園の拡張が決まった");
  });

  it("drops a photo credit at the end", () => {
    expect(titleOf("<title>首脳会談の成否（写真＝ロイター）</title>")).toBe("首脳会談の成否");
  });

  it("takes a short heading that the title starts with", () => {
    const article = `<h1>公园扩建获批</h1>${paragraphs()}`;
    expect(titleOf("<title>公园扩建获批 河畔日报</title>", article)).toBe("公园扩建获批");
    const wiki = `<h1>金山公园</h1>${paragraphs()}`;
    expect(titleOf("<title>金山公园 - 河畔百科，自由的百科全书</title>", wiki)).toBe("金山公园");
  });

  it("keeps colons, Chinese dashes, hyphens between digits and emoticons that belong to the headline", () => {
    expect(titleOf("<title>外交部：将加强合作</title>")).toBe("外交部：将加强合作");
    expect(titleOf("<title>建设新城——热烈祝贺会议开幕</title>")).toBe("建设新城——热烈祝贺会议开幕");
    expect(titleOf("<title>1-10月全县投资结构趋稳</title>")).toBe("1-10月全县投资结构趋稳");
    expect(titleOf("<title>ほんの１年前のこと(@_@。</title>")).toBe("ほんの１年前のこと(@_@。");
  });

  it("leaves titles in other scripts to the spaced ' | Site' rule", () => {
    expect(titleOf("<title>Park vote - what it means</title>")).toBe("Park vote - what it means");
    expect(titleOf("<title>Council votes on park_2025</title>")).toBe("Council votes on park_2025");
  });
});
