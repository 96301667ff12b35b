import { describe, expect, it } from "vitest";
import { extractArticle } from "../../../src/stages/extract/index.js";
import { decoded, html, newsPage, PROSE, paragraphs } from "../../support/extract-pages.js";

describe("main text", () => {
  it("keeps the article's paragraphs and leaves navigation, share bars, related links and footer out", () => {
    const article = extractArticle(decoded(newsPage(`<h1>Park vote</h1>${paragraphs()}`)));
    expect(article.blocks).toEqual(PROSE.map((text) => ({ type: "paragraph", text })));
    expect(article.text).toBe(PROSE.join("\n\n"));
    for (const boilerplate of ["Home", "Share on Facebook", "Another story", "All rights reserved"]) {
      expect(article.text).not.toContain(boilerplate);
    }
  });

  it("keeps headings, lists, block quotes, tables and code as structure", () => {
    const body = `${paragraphs(PROSE.slice(0, 1))}
      <h2>What changes</h2>
      <ul><li>Four hectares of wetland</li><li>A new footbridge</li></ul>
      <blockquote><p>This is a park for the next century, not the next election.</p></blockquote>
      ${paragraphs(PROSE.slice(1, 2))}
      <table><tr><th>Item</th><th>Cost</th></tr><tr><td>Wetland</td><td>€2m</td></tr></table>
      <pre>budget = 2_000_000</pre>
      <ol><li>Survey</li><li>Build</li></ol>
      ${paragraphs(PROSE.slice(2))}`;
    const article = extractArticle(decoded(newsPage(body)));
    expect(article.blocks).toEqual([
      { type: "paragraph", text: PROSE[0] },
      { type: "heading", level: 2, text: "What changes" },
      { type: "list", ordered: false, items: ["Four hectares of wetland", "A new footbridge"] },
      { type: "quote", text: "This is a park for the next century, not the next election." },
      { type: "paragraph", text: PROSE[1] },
      {
        type: "table",
        rows: [
          ["Item", "Cost"],
          ["Wetland", "€2m"],
        ],
      },
      { type: "code", text: "budget = 2_000_000" },
      { type: "list", ordered: true, items: ["Survey", "Build"] },
      { type: "paragraph", text: PROSE[2] },
    ]);
    expect(article.text).toContain("What changes\n\nFour hectares of wetland\nA new footbridge\n\n");
  });

  it("leaves image captions and hidden elements out", () => {
    const body = `${paragraphs(PROSE.slice(0, 2))}
      <figure><img src="p.jpg"><figcaption>The riverside park at dawn. Photo: Example</figcaption></figure>
      <figure><img src="q.jpg"><p class="photo-text">Volunteers planting reeds, seen from the footbridge.</p></figure>
      <div class="gallery"><img src="r.jpg"><p>Slide 1 of 6: the north end of the wetland in winter.</p></div>
      <div style="display: none"><p>Hidden teaser text that readers never see on the page.</p></div>
      ${paragraphs(PROSE.slice(2))}`;
    const article = extractArticle(decoded(newsPage(body)));
    expect(article.text).toBe(PROSE.join("\n\n"));
  });

  it("leaves datelines, ad labels and edge leftovers out", () => {
    const body = `<p>Updated 5:27 am CST, Wednesday, November 20, 2019</p>
      <p>김민준 기자 승인 2024.11.14 15:40</p>
      <ul class="article__time"><li>18 Nov 2019, 19:09</li><li>Updated: 18 Nov 2019, 19:11</li></ul>
      ${paragraphs(PROSE.slice(0, 2))}
      <p>Advertisement</p>
      ${paragraphs(PROSE.slice(2))}
      <h3>More from Metro</h3>`;
    const article = extractArticle(decoded(newsPage(body)));
    expect(article.text).toBe(PROSE.join("\n\n"));
  });

  it("reads layout tables, <br>-separated text, <div> paragraphs and fragments without <body>", () => {
    const nav = `<div class="menu"><a href="/">Home</a> <a href="/news">News</a> <a href="/sports">Sports</a></div>`;
    const pages = [
      html(`<table><tr><td>${nav}</td><td><font size="2">${paragraphs()}</font></td></tr></table>`),
      html(`<table><tr><td>${nav}</td><td>${PROSE.join("<br><br>")}</td></tr></table>`),
      html(`${nav}<div class="txt">${PROSE.join("<br><br>")}</div>`),
      html(`${nav}<div>${PROSE.map((text) => `<div>${text}</div>`).join("")}</div>`),
      paragraphs(),
    ];
    for (const page of pages) expect(extractArticle(decoded(page)).text).toBe(PROSE.join("\n\n"));
  });

  it("reads pages that are only a list or only a table", () => {
    const nav = `<ul class="menu"><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul>`;
    const items = PROSE.map((text) => `<li>${text}</li>`).join("");
    const listPage = extractArticle(decoded(html(`${nav}<div class="list"><ol>${items}</ol></div>`)));
    expect(listPage.blocks).toEqual([{ type: "list", ordered: true, items: PROSE }]);
    const rows = [
      ["Team", "Points"],
      ["Harbour FC", "42"],
      ["River Rovers", "39"],
    ];
    const table = `<table>${rows.map((row) => `<tr>${row.map((cell) => `<td>${cell}</td>`).join("")}</tr>`).join("")}</table>`;
    expect(extractArticle(decoded(html(`${nav}<div>${table}</div>`))).blocks).toEqual([
      { type: "table", rows },
    ]);
  });

  it("leaves reader comments out, but not an article whose class mentions them", () => {
    const comments = `<section class="comments-area"><h3>3 comments</h3>
      <p>I walk along that river every morning and I think the wetland is a wonderful idea for everyone.</p>
      <p>Parking downtown is already impossible, so this decision will hurt the shops on Main Street badly.</p></section>`;
    const page = html(`<div class="entry-content comments-open">${paragraphs()}</div>${comments}`);
    expect(extractArticle(decoded(page)).text).toBe(PROSE.join("\n\n"));
  });

  it("keeps embedded posts but not image captions named as embeds", () => {
    const body = `${paragraphs(PROSE.slice(0, 2))}
      <div class="social-media-embed"><blockquote class="twitter-tweet"><p>The wetland vote passed 7-2 tonight.</p></blockquote></div>
      <div class="InlineImage-imageEmbedCaption">The riverside park at dawn, seen from the old mill.</div>
      ${paragraphs(PROSE.slice(2))}`;
    const article = extractArticle(decoded(newsPage(body)));
    expect(article.text).toContain("The wetland vote passed 7-2 tonight.");
    expect(article.text).not.toContain("old mill");
  });

  it("keeps short sentences with numbers in scripts written without spaces", () => {
    const japanese = [
      "市議会は火曜日、川沿いの公園を拡張することを決めました。湿地は洪水を吸収すると期待されています。",
      "Windows10での操作方法です。",
      "工事は来年始まる予定で、市議会は三月末までに維持費の報告を求めています。",
    ];
    const article = extractArticle(
      decoded(html(`<div class="entry">${paragraphs(japanese)}</div>`, "", 'lang="ja"')),
    );
    expect(article.text).toBe(japanese.join("\n\n"));
  });

  it("ignores CMS topic classes when judging a container by its name", () => {
    const page = html(`<div class="story"><p>${PROSE[0]}</p>
      <div class="category-social-media tag-ads"><p>${PROSE[1]}</p></div><p>${PROSE[2]}</p></div>`);
    expect(extractArticle(decoded(page)).text).toBe(PROSE.join("\n\n"));
  });

  it("finds an article whose wrapper has a boilerplate-like class name", () => {
    const page = html(`<div class="layout has-sidebar"><div class="widget-wrap">${paragraphs()}</div></div>
      <div class="sidebar"><p>Subscribe to our newsletter for weekly updates on the city.</p></div>`);
    expect(extractArticle(decoded(page)).text).toBe(PROSE.join("\n\n"));
  });
});

describe("links", () => {
  it("returns the article body's links, absolute, with anchor text, without nav/share/footer, fragment or javascript links", () => {
    const body = `<p>After the vote on Tuesday evening, the council <a href="/minutes/2025-02-04.pdf">published the minutes</a>
      of the meeting together with a <a href="https://maps.example.org/park">map of the site</a> that shows where
      the wetland will go (readers can <a href="#comments">comment</a> or <a href="javascript:void(0)">print</a> it).</p>
      ${paragraphs(PROSE.slice(0, 2))}
      <p>An earlier <a href="https://maps.example.org/park#north">map of the north end</a> and the
      <a href="../reports/flood.html">flood report</a> explain the wetland's role in spring storms.</p>`;
    const article = extractArticle(decoded(newsPage(body)));
    expect(article.links).toEqual([
      { url: "https://news.example.com/minutes/2025-02-04.pdf", text: "published the minutes" },
      { url: "https://maps.example.org/park", text: "map of the site" },
      { url: "https://news.example.com/2025/02/reports/flood.html", text: "flood report" },
    ]);
  });

  it("leaves share buttons and image-only links out even inside the article", () => {
    const body = `${paragraphs()}
      <p>Read the <a href="https://city.example/report">full report</a> on the wetland and its expected benefits,
      and if you found this useful, share it on <a href="https://www.facebook.com/sharer/sharer.php?u=x">Facebook</a>
      or <a href="https://twitter.com/intent/tweet?url=x">Twitter</a> with friends who live near the river.
      <a href="https://city.example/photo"><img src="a.jpg"></a></p>`;
    const article = extractArticle(decoded(newsPage(body)));
    expect(article.links).toEqual([{ url: "https://city.example/report", text: "full report" }]);
  });

  it("resolves relative links against <base href>", () => {
    const body = `<p>Details are in <a href="report.html">the council report</a>, released on Tuesday evening.</p>${paragraphs()}`;
    const article = extractArticle(decoded(newsPage(body, `<base href="https://cdn.example.net/docs/">`)));
    expect(article.links).toEqual([
      { url: "https://cdn.example.net/docs/report.html", text: "the council report" },
    ]);
  });
});

describe("fallbacks", () => {
  it("uses the JSON-LD articleBody when the markup holds far less of the article", () => {
    const body = PROSE.concat(PROSE.map((text) => text.replace("council", "committee"))).join("\n\n");
    const ld = `<script type="application/ld+json">${JSON.stringify({ "@type": "NewsArticle", articleBody: body })}</script>`;
    const page = html(`<div id="app"><p>Loading the article, please wait a moment.</p></div>`, ld);
    const article = extractArticle(decoded(page));
    expect(article.blocks).toHaveLength(6);
    expect(article.text).toBe(body);
  });

  it("survives pathologically deep markup without throwing", () => {
    const page = html(`${"<div><font>".repeat(20_000)}${paragraphs()}`);
    expect(extractArticle(decoded(page)).text).toContain(PROSE[0]);
  });
});

describe("pages browsers repair", () => {
  it("reads a page whose <head> is never closed and that has no <body>", () => {
    const page = `<html><head><title>Park vote</title><meta name="x" content="y"><script>var a = 1;</script>
      <div class="story">${paragraphs()}</div></html>`;
    const article = extractArticle(decoded(page));
    expect(article.text).toContain(PROSE[0]);
    expect(article.text).not.toContain("var a");
    expect(article.title).toBe("Park vote");
  });
});

describe("lists of sections", () => {
  it("reads a list whose items hold paragraphs (a post in a list of posts) as paragraphs", () => {
    const page =
      html(`<ul class="posts"><li><h2>Park vote</h2><div class="text">${paragraphs()}</div></li></ul>
      <div class="copyright"><p>${"All material on this site is protected by copyright law and may not be reproduced. ".repeat(4)}</p></div>`);
    const article = extractArticle(decoded(page));
    expect(article.blocks.filter((block) => block.type === "paragraph")).toHaveLength(3);
    expect(article.text).toContain(PROSE[2]);
    expect(article.text).not.toContain("protected by copyright");
  });
});

describe("prose in boxes named like furniture", () => {
  it("keeps the article when all of its prose sits in separate boxes named like widgets", () => {
    const boxes = PROSE.map((text) => `<div class="widget"><p>${text}</p></div>`).join("");
    const article = extractArticle(decoded(html(`<div class="container">${boxes}</div>`)));
    expect(article.text).toBe(PROSE.join("\n\n"));
  });
});

describe("empty pages", () => {
  it("gives an article without blocks for an empty or script-only page", () => {
    for (const text of [
      "",
      "<html><head><title>Nothing</title></head><body></body></html>",
      html("<script>app()</script><noscript>Enable JavaScript</noscript>"),
    ]) {
      const article = extractArticle(decoded(text));
      expect(article.blocks).toEqual([]);
      expect(article.text).toBe("");
      expect(article.links).toEqual([]);
    }
  });
});

describe("Chinese and Japanese portals", () => {
  const ZH = [
    "市政府昨天宣布，城东的旧工业区将改建为一座湿地公园，预计三年内完工，总投资约二十亿元。",
    "规划部门表示，新公园将保留部分旧厂房作为展览空间，并新建一座连接两岸的人行桥，方便市民通行。",
  ];

  it("ends the article at a “related” or comments label that follows its prose", () => {
    const teaser = "另一座城市的公园改造计划引发居民热议，多方意见分歧仍然很大，讨论还在继续进行之中。";
    const body = `<div>${paragraphs(ZH)}<p>相关推荐</p><p>${teaser}</p><p>热门评论</p><p>${teaser}</p></div>`;
    const article = extractArticle(decoded(html(body, "", 'lang="zh"')));
    expect(article.text).toBe(ZH.join("\n\n"));
  });
});
