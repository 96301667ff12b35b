// Source type and age from the address and metadata, as a reader would label them.
import { describe, expect, it } from "vitest";
import { sourceSignals, sourceType } from "../../../src/stages/research/signals.js";
import type { Article } from "../../../src/types.js";

describe("sourceType", () => {
  it.each([
    ["https://www.meti.go.jp/press/2025/04/20250401001/20250401001.html", "government"],
    ["https://www.gov.cn/zhengce/content/2017-07/20/content_5211996.htm", "government"],
    ["https://www.commerce.gov/news/press-releases/2025/01/x", "government"],
    ["https://www.brookings.edu/articles/china-ai/", "think-tank"],
    ["https://www.csis.org/analysis/deepseek", "think-tank"],
    ["https://www.u-tokyo.ac.jp/focus/ja/articles/z0508_00001.html", "academic"],
    ["https://arxiv.org/abs/2501.12948", "academic"],
    ["https://www.youtube.com/watch?v=abc", "video"],
    ["https://someone.substack.com/p/deepseek", "blog"],
    ["https://note.com/user/n/n123", "blog"],
    ["https://www.reuters.com/technology/x-2025-01-27/", "news"],
    ["https://www3.nhk.or.jp/news/html/20250128/k10014705771000.html", "news"],
    ["https://smalltown.example/2025/03/council-votes", "news"],
    ["https://en.wikipedia.org/wiki/DeepSeek", "reference"],
    ["https://example.org/reports/annual.pdf", "document"],
    ["https://example.org/about", "other"],
    ["file:///home/me/notes.md", "other"],
  ])("%s is %s", (url, type) => {
    expect(sourceType(url)).toBe(type);
  });
});

describe("sourceSignals", () => {
  const article = (url: string, publishedAt: string | null): Article => ({
    url,
    canonicalUrl: null,
    title: "t",
    siteName: null,
    author: null,
    publishedAt,
    lang: "en",
    blocks: [],
    text: "",
    links: [],
  });

  it("gives the site, the date and the age in days", () => {
    const signals = sourceSignals(
      article("https://www.reuters.com/world/x", "2025-01-27T10:00:00Z"),
      new Date("2025-02-03T09:00:00Z"),
    );
    expect(signals).toEqual({
      type: "news",
      site: "reuters.com",
      publishedAt: "2025-01-27T10:00:00Z",
      ageDays: 6,
    });
  });

  it("leaves the age unknown without a date and the site empty for local files", () => {
    expect(sourceSignals(article("file:///tmp/a.html", null))).toMatchObject({ site: null, ageDays: null });
  });

  it("does not label a web page by a canonical address on another site", () => {
    const posing = {
      ...article("https://evil.test/x.html", null),
      canonicalUrl: "https://www.meti.go.jp/press/x.html",
    };
    expect(sourceSignals(posing)).toMatchObject({ type: "other", site: "evil.test" });
  });

  it("labels a saved copy by its canonical address", () => {
    const saved = {
      ...article("file:///tmp/a.html", null),
      canonicalUrl: "https://www.meti.go.jp/press/x.html",
    };
    expect(sourceSignals(saved)).toMatchObject({ type: "government", site: "meti.go.jp" });
  });
});
