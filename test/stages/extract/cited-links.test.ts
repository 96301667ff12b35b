// Cited links from the whole article container (issue 11): see-also lines the text extractor drops are
// still the article's sources, ranked after in-prose citations and reference lists; site furniture is not.
import { describe, expect, it } from "vitest";
import { decodePage } from "../../../src/stages/decode/index.js";
import { citedLinks } from "../../../src/stages/discover/index.js";
import { extractArticle } from "../../../src/stages/extract/index.js";

const URL_OF_PAGE = "https://news.example/2025/05/trade";

function extract(html: string) {
  return extractArticle(
    decodePage({
      input: URL_OF_PAGE,
      url: URL_OF_PAGE,
      status: 200,
      headers: { "content-type": "text/html; charset=utf-8" },
      contentType: "text/html",
      body: new TextEncoder().encode(html),
      fetchedAt: new Date(0).toISOString(),
      fromCache: false,
      redirects: [],
    }),
  );
}

const PROSE = [
  "Exports of machinery rose by 12 percent in April, led by equipment for chip factories, the figures show.",
  "Imports of energy fell for the fifth month as prices eased, while food imports were flat on the year.",
  "Economists said the surplus would narrow again once new tariffs take effect in the summer months.",
  "The ministry will publish a revised forecast for the whole year at the end of June, officials said.",
];
const SEE_ALSO = Array.from({ length: 9 }, (_, index) => `https://source-${index}.example/report`);

const PAGE = `<!doctype html><html lang="en"><head><title>Exports rise</title></head><body>
<nav><a href="https://news.example/world">World</a> <a href="https://news.example/business">Business</a></nav>
<article><h1>Exports rise</h1>
<p class="byline">By <a href="https://news.example/authors/kim" rel="author">Kim Lee</a></p>
<p>${PROSE[0]} The <a href="https://customs.example/april">customs office said</a> so on Monday.</p>
${PROSE.slice(1)
  .map((text) => `<p>${text}</p>`)
  .join("")}
${SEE_ALSO.map((url, index) => `<p>See also <a href="${url}">Trade report number ${index}</a> (Source ${index}).</p>`).join("")}
<p>See also <a href="https://ja-source.example/boeki">貿易統計の解説</a>（日本語）.</p>
<h2>References</h2><ol><li><a href="https://stats.example/trade-april.pdf">Trade statistics, April</a></li></ol>
<div class="tags"><a href="https://news.example/tag/trade" rel="tag">trade</a></div>
</article>
<aside class="most-read"><h2>Most read</h2><ol><li><a href="https://news.example/2025/05/other">Another story</a></li></ol></aside>
<footer><a href="https://news.example/about">About</a></footer></body></html>`;

describe("cited links from the whole article container", () => {
  it("follows every see-also line and reference, prose first, and none of the furniture", () => {
    const article = extract(PAGE);
    const links = citedLinks(article, { maxLinks: 20 });
    expect(links).toEqual([
      "https://customs.example/april",
      "https://stats.example/trade-april.pdf",
      ...SEE_ALSO,
      "https://ja-source.example/boeki",
    ]);
    expect(article.citedLinks?.map((link) => link.kind)).toEqual([
      "prose",
      "reference",
      ...SEE_ALSO.map(() => "see-also"),
      "see-also",
    ]);
  });

  it("keeps --max-links by rank: in-prose citations and references before see-also lines", () => {
    expect(citedLinks(extract(PAGE), { maxLinks: 3 })).toEqual([
      "https://customs.example/april",
      "https://stats.example/trade-april.pdf",
      SEE_ALSO[0],
    ]);
  });

  it("reads 関連記事 and 相关阅读 boxes of plain links, but not ranking widgets of teasers", () => {
    const page = `<!doctype html><html lang="ja"><body><div class="main"><div class="article"><h1>港の取扱量</h1>
      <div class="text">${PROSE.map((text) => `<p>${text}</p>`).join("")}</div>
      <div class="related"><h3>関連記事</h3><ul><li><a href="https://kowan.example.jp/geppo">港湾局の月報</a></li></ul></div>
      <div class="related"><h3>相关阅读</h3><ul><li><a href="https://gangwu.example.cn/gongbao">港务局公报</a></li></ul></div></div>
      <div class="ranking"><h3>アクセスランキング</h3><ol><li><a href="https://news.example/r1"><img src="r.jpg">人気の記事</a><time>5/1</time></li></ol></div>
      </div></body></html>`;
    expect(citedLinks(extract(page), { maxLinks: 10 })).toEqual([
      "https://kowan.example.jp/geppo",
      "https://gangwu.example.cn/gongbao",
    ]);
  });
});
