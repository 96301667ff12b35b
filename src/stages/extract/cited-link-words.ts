// The words and tags that say where a link sits: labels of see-also and reference lines, class/id words
// of reference lists and furniture, and the tags that hold a line. Read by cited-links.ts.
/** Labels that open a see-also line or head a see-also section; unambiguous at the start of a line. */
const SEE_ALSO_LABELS =
  "see also|read more|also read|read also|further reading|more on this(?: story)?|related (?:articles?|stories|coverage|reading|links)|関連記事|関連リンク|関連ニュース|あわせて読みたい|合わせて読みたい|こちらもおすすめ|相关阅读|相关报道|相关新闻|相关链接|延伸阅读|推荐阅读|另见|参见";
/** Labels that head a reference list; unambiguous at the start of a line. */
const REFERENCE_LABELS =
  "references|bibliography|works cited|footnotes|endnotes|参考文献|参考資料|参考资料|資料来源|资料来源|脚注|注釈|注释";
/** Short labels that also begin ordinary sentences ("Sources said…", "関連する…"): only with a colon. */
const WEAK_SEE_ALSO = "related|more|関連|相关";
const WEAK_REFERENCE = "sources?|notes?|参考|出典|出所|来源|引用|注";

const LEAD = "^[\\s\\p{P}\\p{S}]{0,3}";
export const STRONG_LINE = new RegExp(
  `${LEAD}(?:(${SEE_ALSO_LABELS})|(${REFERENCE_LABELS}))(?![\\p{L}])`,
  "iu",
);
export const WEAK_LINE = new RegExp(`${LEAD}(?:(${WEAK_SEE_ALSO})|(${WEAK_REFERENCE}))\\s*[:：]`, "iu");
export const WHOLE_HEADING = new RegExp(
  `${LEAD}(?:(${SEE_ALSO_LABELS}|${WEAK_SEE_ALSO})|(${REFERENCE_LABELS}|${WEAK_REFERENCE}))[\\s\\p{P}]*$`,
  "iu",
);
/** Headings of widgets whose links are the site's, not the article's. */
export const WIDGET_HEADING =
  /^[\s\p{P}\p{S}]{0,3}(?:most (?:read|popular|viewed|shared)|popular|trending|top stories|latest(?: news)?|more from|more stories|you may also like|recommended for you|editor'?s picks|人気記事|アクセスランキング|ランキング|最新記事|おすすめ記事|热门|阅读排行|排行榜|最新文章|猜你喜欢|为你推荐)/iu;

/** Class/id words of reference lists and footnotes. */
export const REFERENCE_HINTS = new Set([
  "references",
  "reference",
  "refs",
  "footnotes",
  "footnote",
  "endnotes",
  "endnote",
  "sources",
  "citations",
  "bibliography",
]);
/** Class/id words of see-also boxes. */
export const SEE_ALSO_HINTS = new Set(["seealso", "readmore", "furtherreading"]);
/** Class/id words of furniture whose links are never the article's sources. */
export const FURNITURE_HINTS = new Set([
  "nav",
  "navigation",
  "navbar",
  "menu",
  "breadcrumb",
  "breadcrumbs",
  "sidebar",
  "rail",
  "widget",
  "popular",
  "trending",
  "mostread",
  "ranking",
  "recommended",
  "recommendations",
  "recommend",
  "teaser",
  "teasers",
  "promo",
  "ad",
  "ads",
  "advert",
  "advertisement",
  "sponsor",
  "sponsored",
  "share",
  "sharing",
  "sharebar",
  "social",
  "comment",
  "comments",
  "disqus",
  "newsletter",
  "subscribe",
  "tags",
  "tag",
  "tagcloud",
  "keywords",
  "byline",
  "author",
  "bio",
  "outbrain",
  "taboola",
  "pagination",
  "pager",
  "related",
  "recirc",
  "more",
]);
/** Tags whose links are furniture wherever they are. */
export const FURNITURE_TAGS = new Set(["nav", "form", "button", "select", "figcaption", "header"]);
/** Tags that hold one line or item of text. */
export const LINE_TAGS = new Set([
  "p",
  "li",
  "dd",
  "dt",
  "blockquote",
  "td",
  "th",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
]);
export const BLOCK_TAGS = new Set(["div", "section", "article", "main"]);
export const HEADING = /^h[1-6]$/;
/** Addresses of site pages that are never evidence: taxonomies, people, accounts, sharing, comments. */
export const FURNITURE_PATH =
  /\/(?:tags?|category|categories|topics?|authors?|profile|users?|search|login|signin|signup|register|subscribe|newsletter|share|print|comments?)(?:\/|$)/i;
/** Siblings looked back over for the label of a section. */
export const MAX_LABEL_DISTANCE = 12;
/** A link is prose when its line is mostly words that are not links. */
export const MAX_PROSE_LINK_SHARE = 0.75;
