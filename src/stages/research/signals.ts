// What kind of source a page is and how old, judged from its address and metadata, so a reader (and the
// ranking) can tell a ministry's release from a blog post. Heuristics by host; "other" when unsure.
import { citedAddress } from "../../text/canonical.js";
import type { Article, SourceSignals, SourceType } from "../../types.js";

const VIDEO_HOSTS = [
  "youtube.com",
  "youtu.be",
  "vimeo.com",
  "nicovideo.jp",
  "bilibili.com",
  "dailymotion.com",
];
const BLOG_HOSTS = [
  "medium.com",
  "substack.com",
  "note.com",
  "hatenablog.com",
  "hatenablog.jp",
  "hatena.ne.jp",
  "ameblo.jp",
  "wordpress.com",
  "blogspot.com",
  "livedoor.blog",
  "tumblr.com",
  "zhihu.com",
  "jianshu.com",
  "csdn.net",
];
const THINK_TANK_HOSTS = [
  "brookings.edu",
  "csis.org",
  "rand.org",
  "carnegieendowment.org",
  "cfr.org",
  "chathamhouse.org",
  "iiss.org",
  "piie.com",
  "bruegel.org",
  "merics.org",
  "lowyinstitute.org",
  "atlanticcouncil.org",
  "heritage.org",
  "cato.org",
  "jiia.or.jp",
  "nira.or.jp",
  "spf.org",
  "jri.co.jp",
  "nri.com",
  "mri.co.jp",
];
const NEWS_HOSTS = [
  "reuters.com",
  "apnews.com",
  "bloomberg.com",
  "nytimes.com",
  "wsj.com",
  "ft.com",
  "bbc.com",
  "bbc.co.uk",
  "theguardian.com",
  "washingtonpost.com",
  "cnn.com",
  "economist.com",
  "nhk.or.jp",
  "asahi.com",
  "yomiuri.co.jp",
  "mainichi.jp",
  "nikkei.com",
  "sankei.com",
  "kyodonews.jp",
  "kyodonews.net",
  "jiji.com",
  "japantimes.co.jp",
  "scmp.com",
  "xinhuanet.com",
  "news.cn",
  "people.com.cn",
  "chinadaily.com.cn",
  "caixin.com",
  "thepaper.cn",
  "yna.co.kr",
  "chosun.com",
  "afp.com",
  "france24.com",
  "dw.com",
];
const REFERENCE_HOSTS = ["wikipedia.org", "britannica.com", "kotobank.jp", "baike.baidu.com"];
/** Government suffixes: .gov, Japan's .go.jp and .lg.jp, China's .gov.cn, the UK's .gov.uk, and others. */
const GOVERNMENT = /(?:^|\.)(?:gov|mil|go\.jp|lg\.jp|gov\.[a-z]{2}|gouv\.fr|gc\.ca|europa\.eu|int|bund\.de)$/;
const ACADEMIC =
  /(?:^|\.)(?:edu|ac\.[a-z]{2}|edu\.[a-z]{2})$|(?:^|\.)(?:arxiv\.org|doi\.org|ssrn\.com|jstage\.jst\.go\.jp)$/;
const NEWS_PATH = /\/(?:news|article|articles|story|world|business|politics)\/|\/20\d\d\/\d\d?\//;

function onHost(host: string, list: string[]): boolean {
  return list.some((entry) => host === entry || host.endsWith(`.${entry}`));
}

export function sourceType(url: string, contentType?: string): SourceType {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "other";
  }
  if (contentType === "application/pdf" || parsed.pathname.toLowerCase().endsWith(".pdf")) return "document";
  if (parsed.protocol === "file:") return "other";
  const host = parsed.hostname.toLowerCase().replace(/^www\./, "");
  if (onHost(host, VIDEO_HOSTS)) return "video";
  if (onHost(host, THINK_TANK_HOSTS)) return "think-tank";
  // Checked before the government suffixes: jstage.jst.go.jp is a journal host.
  if (ACADEMIC.test(host)) return "academic";
  if (GOVERNMENT.test(host)) return "government";
  if (onHost(host, REFERENCE_HOSTS)) return "reference";
  if (onHost(host, BLOG_HOSTS) || host.startsWith("blog.") || /\/blogs?\//.test(parsed.pathname))
    return "blog";
  if (onHost(host, NEWS_HOSTS) || host.startsWith("news.") || NEWS_PATH.test(parsed.pathname)) return "news";
  return "other";
}

/** Judged from the page's canonical address when it has one, so a saved copy is labelled like the original. */
export function sourceSignals(article: Article, now: Date = new Date(), contentType?: string): SourceSignals {
  const address = citedAddress(article);
  let site: string | null = null;
  try {
    const parsed = new URL(address);
    if (parsed.protocol !== "file:") site = parsed.hostname.toLowerCase().replace(/^www\./, "");
  } catch {
    site = null;
  }
  const published = article.publishedAt ? Date.parse(article.publishedAt) : Number.NaN;
  return {
    type: sourceType(address, contentType),
    site,
    publishedAt: article.publishedAt,
    ageDays: Number.isNaN(published)
      ? null
      : Math.max(0, Math.floor((now.getTime() - published) / 86_400_000)),
  };
}
