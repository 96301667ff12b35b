import { describe, expect, it } from "vitest";
import { extractArticle } from "../../../src/stages/extract/index.js";
import { decoded, html, newsPage, paragraphs } from "../../support/extract-pages.js";

const extract = (head: string, article = paragraphs(), url?: string, attributes?: string) =>
  extractArticle(decoded(newsPage(article, head, attributes), url));

describe("title", () => {
  it("drops a ' | Site' suffix that names the site", () => {
    const article = extract(
      `<title>Council expands riverside park | The Daily Example</title><meta property="og:site_name" content="The Daily Example">`,
    );
    expect(article.title).toBe("Council expands riverside park");
  });

  it("drops ' - Site' and ' – Site' suffixes and a 'Site | ' prefix", () => {
    const site = `<meta property="og:site_name" content="Example News">`;
    expect(extract(`<title>Council expands park - Example News</title>${site}`).title).toBe(
      "Council expands park",
    );
    expect(extract(`<title>Council expands park – Example News</title>${site}`).title).toBe(
      "Council expands park",
    );
    expect(extract(`<title>Example News | Council expands park</title>${site}`).title).toBe(
      "Council expands park",
    );
  });

  it("keeps a dash that is part of the headline, and collapses whitespace", () => {
    const article = extract(`<title>  Park vote -  what   it means\n for you </title>`);
    expect(article.title).toBe("Park vote - what it means for you");
  });

  it("prefers the h1 when it agrees with og:title", () => {
    const article = extract(
      `<title>Park vote: council says yes – Example</title><meta property="og:title" content="Park vote: council says yes">`,
      `<h1>Park vote: council says yes</h1>${paragraphs()}`,
    );
    expect(article.title).toBe("Park vote: council says yes");
  });
});

describe("site name", () => {
  it("comes from og:site_name, then JSON-LD publisher, then application-name, then the host", () => {
    expect(extract(`<meta property="og:site_name" content="Daily Example">`).siteName).toBe("Daily Example");
    expect(
      extract(
        `<script type="application/ld+json">{"@type":"NewsArticle","publisher":{"@type":"Organization","name":"Example Media"}}</script>`,
      ).siteName,
    ).toBe("Example Media");
    expect(extract(`<meta name="application-name" content="ExampleApp">`).siteName).toBe("ExampleApp");
    expect(extract("").siteName).toBe("news.example.com");
  });
});

describe("author", () => {
  it("reads JSON-LD authors, meta author, then a byline", () => {
    const ld = `<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","author":[{"@type":"Person","name":"Ana Ruiz"},{"@type":"Person","name":"Bo Chen"}]}</script>`;
    expect(extract(ld).author).toBe("Ana Ruiz, Bo Chen");
    expect(extract(`<meta name="author" content="Kim Lee">`).author).toBe("Kim Lee");
    expect(extract("", `<p class="byline">By Sam Park</p>${paragraphs()}`).author).toBe("Sam Park");
  });

  it("cleans bylines of lead-ins, handles and dates, and ignores comment-form labels", () => {
    const byline = `<div class="byline">Posted by Jane Doe @janedoe Nov 19, 2019 6:51 AM</div>`;
    expect(extract("", `${byline}${paragraphs()}`).author).toBe("Jane Doe");
    const form = `<form><p class="comment-form-author"><label>Name (required)</label></p></form>`;
    expect(extract("", `${paragraphs()}${form}`).author).toBeNull();
  });
});

describe("publishedAt", () => {
  const noDateUrl = "https://news.example.com/park-vote";

  it("prefers JSON-LD datePublished (also inside @graph)", () => {
    const ld = `<script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","datePublished":"2025-02-03T08:15:00+01:00"}]}</script>`;
    expect(extract(ld, paragraphs(), noDateUrl).publishedAt).toBe("2025-02-03T08:15:00+01:00");
  });

  it("reads article:published_time and other meta date names", () => {
    expect(
      extract(
        `<meta property="article:published_time" content="2025-01-30T10:00:00Z">`,
        paragraphs(),
        noDateUrl,
      ).publishedAt,
    ).toBe("2025-01-30T10:00:00Z");
    expect(extract(`<meta name="pubdate" content="2025-01-29">`, paragraphs(), noDateUrl).publishedAt).toBe(
      "2025-01-29",
    );
  });

  it("falls back to a <time datetime> in the article", () => {
    const article = extract("", `<time datetime="2025-01-28 14:05">Jan 28</time>${paragraphs()}`, noDateUrl);
    expect(article.publishedAt).toBe("2025-01-28T14:05");
  });

  it("ignores a <time> outside the article (a sidebar's latest-news list)", () => {
    const page = html(
      `<article><header><h1>Park vote</h1></header>${paragraphs()}</article>
       <div class="latest"><ul><li><a href="/x">Other news</a> <time datetime="2025-03-01">Mar 1</time></li></ul></div>`,
    );
    expect(extractArticle(decoded(page, noDateUrl)).publishedAt).toBeNull();
    const dated = page.replace(
      "<h1>Park vote</h1>",
      `<h1>Park vote</h1><time datetime="2025-02-03">Feb 3</time>`,
    );
    expect(extractArticle(decoded(dated, noDateUrl)).publishedAt).toBe("2025-02-03");
  });

  it("falls back to a date in the URL", () => {
    expect(extract("").publishedAt).toBe("2025-02-04");
    expect(extract("", paragraphs(), "https://x.example/news/2024-12-31-year-end").publishedAt).toBe(
      "2024-12-31",
    );
  });

  it("ignores placeholder dates such as 0001-01-01", () => {
    const meta = `<meta property="article:published_time" content="0001-01-01T00:00:00Z">`;
    expect(extract(meta, paragraphs(), noDateUrl).publishedAt).toBeNull();
  });

  it("is null when nothing gives a date", () => {
    expect(extract("", paragraphs(), noDateUrl).publishedAt).toBeNull();
  });
});

describe("lang", () => {
  it("takes <html lang> primary tag, then content-language", () => {
    expect(extract("", paragraphs(), undefined, 'lang="en-GB"').lang).toBe("en");
    expect(
      extract(`<meta http-equiv="content-language" content="fr-FR">`, paragraphs(), undefined, "").lang,
    ).toBe("fr");
  });

  it("detects from script when undeclared: kana → ja, Hangul → ko, Han → zh, Latin → en", () => {
    const detect = (text: string) => extract("", paragraphs([text, text]), undefined, "").lang;
    expect(
      detect(
        "市議会は火曜日、川沿いの公園を拡張することを決めました。湿地は洪水を吸収すると期待されています。",
      ),
    ).toBe("ja");
    expect(
      detect(
        "시의회는 화요일에 강변 공원을 확장하기로 결정했습니다. 습지는 홍수를 흡수할 것으로 기대됩니다.",
      ),
    ).toBe("ko");
    expect(
      detect("市议会周二投票决定扩建河滨公园，新增的湿地预计将在春季暴雨期间吸收洪水，减轻市中心的压力。"),
    ).toBe("zh");
    expect(detect(PROSE_EN)).toBe("en");
  });
});

const PROSE_EN =
  "The council voted on Tuesday to expand the riverside park, adding four hectares of wetland to it.";

describe("canonicalUrl", () => {
  it("resolves link rel=canonical against the page URL", () => {
    expect(extract(`<link rel="canonical" href="/2025/02/04/park-vote">`).canonicalUrl).toBe(
      "https://news.example.com/2025/02/04/park-vote",
    );
  });

  it("falls back to og:url, and is null without either", () => {
    expect(extract(`<meta property="og:url" content="https://example.com/p">`).canonicalUrl).toBe(
      "https://example.com/p",
    );
    expect(extract("").canonicalUrl).toBeNull();
  });
});
