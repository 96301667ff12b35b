// The labelled pages of the cited-link benchmark: each story of articles.ts wrapped in one of nine site
// templates (news with a "Most read" rail, blog with footnotes and tags, wiki-style references, Japanese
// related-links box beside a ranking widget, teaser grid, magazine with byline and captions, articleBody
// with sources beside it, Chinese portal, bare page). The truth is the story's own links; everything
// the template adds (navigation, widgets, tags, share, comment and author links) must be ignored.
import { BACKGROUND, STORIES, type Story } from "./articles.js";

export interface LabelledPage {
  id: string;
  lang: string;
  template: string;
  url: string;
  html: string;
  /** Every link the article cites, in any order. */
  cited: string[];
  /** The article's body text, for the extraction F1 beside the link figures. */
  body: string;
}

const LABELS = {
  en: {
    seeAlso: ["See also", "Read more:", "Related:"],
    refs: ["References", "Sources", "Further reading"],
    notes: "Notes",
    mostRead: "Most read",
    tags: "Tags:",
    by: "By",
  },
  ja: {
    seeAlso: ["関連記事", "あわせて読みたい", "関連："],
    refs: ["参考文献", "出典", "参考"],
    notes: "脚注",
    mostRead: "アクセスランキング",
    tags: "タグ：",
    by: "文：",
  },
  zh: {
    seeAlso: ["相关阅读", "延伸阅读：", "相关报道"],
    refs: ["参考资料", "来源", "参考文献"],
    notes: "注释",
    mostRead: "阅读排行",
    tags: "标签：",
    by: "作者：",
  },
} as const;

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function inline(paragraph: string, footnote?: number): string {
  const html = escapeHtml(paragraph).replace(
    /\[\[([^|\]]+)\|([^\]]+)\]\]/g,
    (_, text, url) => `<a href="${url}">${text}</a>`,
  );
  return footnote ? `${html}<sup><a href="#fn${footnote}" id="ref${footnote}">${footnote}</a></sup>` : html;
}

const plain = (paragraph: string) => paragraph.replace(/\[\[([^|\]]+)\|[^\]]+\]\]/g, "$1");
const citedIn = (paragraph: string) =>
  [...paragraph.matchAll(/\[\[[^|\]]+\|([^\]]+)\]\]/g)].map((m) => m[1] as string);

/** Site furniture every template can draw on; none of it is a source. */
function furniture(site: string, lang: Story["lang"], n: number) {
  const section = (name: string) => `<a href="https://${site}/${name}/">${name}</a>`;
  const teasers = [1, 2, 3, 4].map((k) => `https://${site}/news/2025/05/${n * 10 + k}`);
  return {
    nav: `<nav class="site-nav"><a href="https://${site}/">Home</a> ${["world", "business", "science", "sport"].map(section).join(" ")}</nav>`,
    footer: `<footer class="site-footer"><a href="https://${site}/about">About</a> <a href="https://${site}/contact">Contact</a> <a href="https://${site}/privacy">Privacy</a></footer>`,
    mostRead: `<aside class="most-read"><h2>${LABELS[lang].mostRead}</h2><ol>${teasers.map((url, k) => `<li><a href="${url}">Story ${k + 1} everyone is reading today</a></li>`).join("")}</ol></aside>`,
    ranking: `<div class="ranking"><h3>${LABELS[lang].mostRead}</h3><ol>${teasers.map((url, k) => `<li><a href="${url}"><img src="/t${k}.jpg" alt="">Ranked story ${k + 1}</a><span class="time"><time>05/0${k + 1}</time></span></li>`).join("")}</ol></div>`,
    grid: `<section class="more-stories"><h2>More stories</h2>${teasers.map((url, k) => `<article class="card"><img src="/c${k}.jpg" alt=""><h3><a href="${url}">Another headline number ${k + 1}</a></h3><time>2025-05-0${k + 1}</time><p>A short summary of another story on this site.</p></article>`).join("")}</section>`,
    tags: `<div class="tags">${LABELS[lang].tags} <a href="https://${site}/tag/economy" rel="tag">economy</a> <a href="https://${site}/tag/city" rel="tag">city</a> <a href="https://${site}/tag/transport" rel="tag">transport</a></div>`,
    share: `<ul class="share-buttons"><li><a href="https://twitter.com/intent/tweet?url=https://${site}/a">Tweet</a></li><li><a href="https://www.facebook.com/sharer/sharer.php?u=https://${site}/a">Share</a></li><li><a href="mailto:?subject=story">Email</a></li></ul>`,
    comments: `<div id="comments" class="comments"><h3>Comments</h3><div class="comment"><a href="https://${site}/users/reader-1" class="comment-author">reader_1</a><p>Great piece, thanks.</p><a href="https://${site}/news/a?replytocom=3#respond">Reply</a></div></div>`,
    author: `<p class="byline">${LABELS[lang].by} <a href="https://${site}/authors/staff-writer" rel="author">Staff Writer</a></p>`,
    newsletter: `<div class="newsletter-box"><p>Get the morning briefing. <a href="https://${site}/newsletter">Sign up</a></p></div>`,
  };
}

function list(items: Array<[string, string]>, ordered = false): string {
  const tag = ordered ? "ol" : "ul";
  return `<${tag}>${items.map(([text, url]) => `<li><a href="${url}">${escapeHtml(text)}</a></li>`).join("")}</${tag}>`;
}

function seeAlsoLines(story: Story, label: string): string {
  return story.seeAlso
    .map(
      ([title, url, site]) =>
        `<p>${label} <a href="${url}">${escapeHtml(title)}</a> (${escapeHtml(site)})</p>`,
    )
    .join("");
}

function footnoteList(story: Story, heading: string, cls: string): string {
  if (story.footnotes.length === 0) return "";
  const items = story.footnotes
    .map(
      ([text, url], k) =>
        `<li id="fn${k + 1}"><a href="${url}">${escapeHtml(text)}</a> <a href="#ref${k + 1}">↩</a></li>`,
    )
    .join("");
  return `<${cls === "aside" ? 'aside class="endnotes"' : `div class="${cls}"`}><h2>${heading}</h2><ol>${items}</ol></${cls === "aside" ? "aside" : "div"}>`;
}

type Template = (story: Story, n: number, site: string) => string;

const paragraphsOf = (story: Story, withRefs = false) =>
  story.paragraphs
    .map((p, k) => `<p>${inline(p, withRefs && k < story.footnotes.length ? k + 1 : undefined)}</p>`)
    .join("");

const TEMPLATES: Record<string, Template> = {
  "news-rail": (story, n, site) => {
    const f = furniture(site, story.lang, n);
    const L = LABELS[story.lang];
    return `<header>${f.nav}</header><main><article><h1>${escapeHtml(story.title)}</h1>${f.author}<div class="article-body">${paragraphsOf(story)}${seeAlsoLines(story, L.seeAlso[0])}${story.references.length ? `<h2>${L.refs[0]}</h2>${list(story.references)}` : ""}${footnoteList(story, L.notes, "notes")}</div><footer class="article-footer">${f.tags}</footer></article>${f.mostRead}</main>${f.footer}`;
  },
  "blog-footnotes": (story, n, site) => {
    const f = furniture(site, story.lang, n);
    const L = LABELS[story.lang];
    return `<div id="page"><div id="header"><a href="https://${site}/">My blog</a></div><div id="content"><div class="post"><h2 class="entry-title">${escapeHtml(story.title)}</h2><div class="entry">${paragraphsOf(story, true)}${story.seeAlso.map(([t, u]) => `<p>${L.seeAlso[1]} <a href="${u}">${escapeHtml(t)}</a></p>`).join("")}${story.footnotes.length ? `<div class="footnotes"><hr><ol>${story.footnotes.map(([t, u], k) => `<li id="fn${k + 1}">${escapeHtml(t)}: <a href="${u}">${u}</a> <a href="#ref${k + 1}">↩</a></li>`).join("")}</ol></div>` : ""}${story.references.length ? `<p><strong>${L.refs[1]}</strong></p>${list(story.references)}` : ""}</div>${f.tags}${f.comments}</div></div><div id="sidebar"><div class="widget"><h3>Popular posts</h3><ul><li><a href="https://${site}/2024/01/old-post">An old favourite post</a></li><li><a href="https://${site}/2024/03/another">Another popular one</a></li></ul></div></div></div>`;
  },
  "wiki-refs": (story, n, site) => {
    const f = furniture(site, story.lang, n);
    const L = LABELS[story.lang];
    return `<div class="layout"><nav class="sidebar"><a href="https://${site}/">Main page</a> <a href="https://${site}/random">Random</a></nav><main id="content"><h1>${escapeHtml(story.title)}</h1><div class="body">${paragraphsOf(story)}${story.references.length ? `<h2>${L.refs[0]}</h2><ol>${story.references.map(([t, u]) => `<li><a href="${u}">${escapeHtml(t)}</a>, retrieved 2025</li>`).join("")}</ol>` : ""}${footnoteList(story, L.notes, "reflist")}${story.seeAlso.length ? `<h2>${L.seeAlso[0].replace(/[:：]$/, "")}</h2>${list(story.seeAlso.map(([t, u]) => [t, u]))}` : ""}</div></main>${f.footer}</div>`;
  },
  "related-box": (story, n, site) => {
    const f = furniture(site, story.lang, n);
    const L = LABELS[story.lang];
    const refs = story.references.length
      ? `<p>${L.refs[1]}：${story.references.map(([t, u]) => `<a href="${u}">${escapeHtml(t)}</a>`).join("、")}</p>`
      : "";
    return `<div class="wrapper">${f.nav}<div class="main"><div class="article"><h1>${escapeHtml(story.title)}</h1><div class="text">${paragraphsOf(story)}${refs}${footnoteList(story, L.notes, "chu")}</div>${f.share}${story.seeAlso.length ? `<div class="related"><h3>${L.seeAlso[0]}</h3>${list(story.seeAlso.map(([t, u]) => [t, u]))}</div>` : ""}</div>${f.ranking}</div>${f.footer}</div>`;
  },
  "teaser-grid": (story, n, site) => {
    const f = furniture(site, story.lang, n);
    const L = LABELS[story.lang];
    return `${f.nav}<article class="story"><h1>${escapeHtml(story.title)}</h1>${paragraphsOf(story)}${story.seeAlso.map(([t, u]) => `<p>${L.seeAlso[1]} <a href="${u}">${escapeHtml(t)}</a></p>`).join("")}${story.references.length ? `<section class="sources"><h2>${L.refs[1]}</h2>${list(story.references)}</section>` : ""}${footnoteList(story, L.notes, "footnotes")}${f.share}</article>${f.grid}${f.footer}`;
  },
  magazine: (story, n, site) => {
    const f = furniture(site, story.lang, n);
    const L = LABELS[story.lang];
    const [first, second, ...rest] = story.paragraphs;
    const related = story.seeAlso
      .map(([t, u]) => `<p>${L.seeAlso[2]} <a href="${u}">${escapeHtml(t)}</a></p>`)
      .join("");
    return `${f.nav}<article><header><h1>${escapeHtml(story.title)}</h1>${f.author}</header><figure><img src="/lead.jpg" alt=""><figcaption>Photo: <a href="https://photo-agency.example/credits/123">Photo Agency</a></figcaption></figure><div class="content"><p>${inline(first ?? "")}</p><p>${inline(second ?? "")}</p>${related}${rest.map((p) => `<p>${inline(p)}</p>`).join("")}${f.newsletter}${story.references.length ? `<h3>${L.refs[2]}</h3>${list(story.references)}` : ""}</div>${footnoteList(story, L.notes, "aside")}${f.tags}</article>${f.footer}`;
  },
  "article-body": (story, n, site) => {
    const f = furniture(site, story.lang, n);
    const L = LABELS[story.lang];
    return `${f.nav}<article><h1>${escapeHtml(story.title)}</h1><div itemprop="articleBody">${paragraphsOf(story)}</div>${story.references.length ? `<section><h2>${L.refs[1]}</h2>${list(story.references)}</section>` : ""}${story.seeAlso.length ? `<section><h3>${L.seeAlso[0]}</h3>${list(story.seeAlso.map(([t, u]) => [t, u]))}</section>` : ""}${footnoteList(story, L.notes, "endnotes")}<div class="tag-cloud"><a href="https://${site}/tags/city">city</a> <a href="https://${site}/tags/policy">policy</a></div>${f.comments}</article>${f.mostRead}${f.footer}`;
  },
  portal: (story, n, site) => {
    const f = furniture(site, story.lang, n);
    const L = LABELS[story.lang];
    return `<div class="top">${f.nav}</div><div class="w1200"><div class="left"><h1>${escapeHtml(story.title)}</h1><div class="info">2025-05-12 <a href="https://${site}/">${site}</a></div><div id="artibody">${paragraphsOf(story)}${story.seeAlso.map(([t, u]) => `<p>${L.seeAlso[2]}：<a href="${u}">${escapeHtml(t)}</a></p>`).join("")}${story.references.length ? `<p>${L.refs[1]}：${story.references.map(([t, u]) => `<a href="${u}">${escapeHtml(t)}</a>`).join(" ")}</p>` : ""}${footnoteList(story, L.notes, "zhushi")}</div>${f.tags}${f.share}</div><div class="right"><div class="hot-news"><h3>热门 / Popular</h3><ul><li><a href="https://${site}/hot/1">热门文章一</a></li><li><a href="https://${site}/hot/2">热门文章二</a></li></ul></div></div></div>${f.footer}`;
  },
  bare: (story, n, site) => {
    const L = LABELS[story.lang];
    return `<div id="main"><h1>${escapeHtml(story.title)}</h1>${paragraphsOf(story)}<hr>${story.references.length ? `<p><strong>${L.refs[0]}</strong></p>${list(story.references)}` : ""}${seeAlsoLines(story, L.seeAlso[0])}${footnoteList(story, L.notes, "notes")}</div><div id="footer"><a href="https://${site}/">${site}</a> · <a href="https://${site}/archive">Archive</a> · page ${n}</div>`;
  },
};

/** The story with four background paragraphs after its first, chosen by its number so pages differ. */
function lengthened(story: Story, n: number): Story {
  const bank = BACKGROUND[story.lang];
  const extra = [0, 1, 2, 3].map((k) => bank[(n + k) % bank.length] as string);
  const [first, ...rest] = story.paragraphs;
  return { ...story, paragraphs: [first as string, ...extra.slice(0, 2), ...rest, ...extra.slice(2)] };
}

export function labelledPages(): LabelledPage[] {
  const names = Object.keys(TEMPLATES);
  return STORIES.map((original, n) => {
    const story = lengthened(original, n);
    const template = names[n % names.length] as string;
    const site = `${story.lang}-news-${n}.example`;
    const url = `https://${site}/news/2025/05/story-${n}`;
    const html = `<!doctype html><html lang="${story.lang}"><head><meta charset="utf-8"><title>${escapeHtml(story.title)} | ${site}</title></head><body>${(TEMPLATES[template] as Template)(story, n, site)}</body></html>`;
    return {
      id: `${story.lang}-${String(n).padStart(2, "0")}-${template}`,
      lang: story.lang,
      template,
      url,
      html,
      cited: [
        ...story.paragraphs.flatMap(citedIn),
        ...story.references.map(([, u]) => u),
        ...story.seeAlso.map(([, u]) => u),
        ...story.footnotes.map(([, u]) => u),
      ],
      body: story.paragraphs.map(plain).join("\n\n"),
    };
  });
}
