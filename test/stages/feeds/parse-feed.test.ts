// What a user sees of bad feeds: one clear message for the feed or for the item, the other items kept.
import { describe, expect, it } from "vitest";
import { isOpml, parseFeedDocument, readOpml } from "../../../src/stages/feeds/index.js";

const NOW = new Date("2025-06-01T00:00:00Z");
const rss = (items: string, extra = "") =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>News &amp; more</title>${extra}${items}</channel></rss>`;

describe("parseFeedDocument", () => {
  it("keeps titles as plain text, resolves relative links and names each item it skips or doubts", () => {
    const feed = parseFeedDocument(
      rss(
        `<item><title>Rates &lt;b&gt;rise&lt;/b&gt; &amp;amp; fall</title><link>/2025/rates</link><guid>a</guid><pubDate>Fri, 30 May 2025 10:00:00 GMT</pubDate></item>
         <item><title>No link here</title><description>text</description></item>
         <item><title><![CDATA[<i>Chips</i> export rules]]></title><link>https://example.org/chips</link><guid>b</guid><pubDate>not a date</pubDate></item>
         <item><title>Again</title><link>https://example.org/again</link><guid>b</guid></item>
         <item><title>Tomorrow's news</title><link>https://example.org/later</link><pubDate>Mon, 01 Jan 2035 00:00:00 GMT</pubDate></item>
         <item><title>Script link</title><link>javascript:alert(1)</link></item>`,
      ),
      "https://news.example/feed.xml",
      NOW,
    );
    expect(feed.format).toBe("rss");
    expect(feed.title).toBe("News & more");
    expect(feed.items.map((item) => [item.title, item.url, item.publishedAt])).toEqual([
      ["Rates rise & fall", "https://news.example/2025/rates", "2025-05-30T10:00:00.000Z"],
      ["Chips export rules", "https://example.org/chips", null],
      ["Tomorrow's news", "https://example.org/later", null],
    ]);
    expect(feed.notes).toEqual([
      { item: "No link here", message: "skipped: it has no link", skipped: true },
      {
        item: "Chips export rules",
        message: 'its date "not a date" cannot be read; treated as unknown',
        skipped: false,
      },
      { item: "Again", message: "skipped: repeats the id b of an earlier item", skipped: true },
      {
        item: "Tomorrow's news",
        message: "its date 2035-01-01T00:00:00.000Z is in the future; treated as unknown",
        skipped: false,
      },
      {
        item: "Script link",
        message: "skipped: its link javascript:alert(1) is not an http(s) address",
        skipped: true,
      },
    ]);
  });

  it("keys items by GUID, else by link", () => {
    const feed = parseFeedDocument(
      rss(`<item><title>a</title><link>https://x.example/a</link><guid>id-1</guid></item>
           <item><title>b</title><link>https://x.example/b</link></item>`),
      "https://x.example/rss",
    );
    expect(feed.items.map((item) => item.key)).toEqual(["id-1", "https://x.example/b"]);
  });

  it("reads Atom, RDF and JSON Feed with their languages", () => {
    const atom = parseFeedDocument(
      `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr"><title type="html">Le &lt;em&gt;Monde&lt;/em&gt;</title><id>urn:f</id><updated>2025-01-01T00:00:00Z</updated><entry><id>urn:1</id><title>Un</title><link rel="alternate" href="/un"/><updated>2025-01-02T00:00:00Z</updated></entry></feed>`,
      "https://fr.example/atom",
    );
    expect(atom).toMatchObject({ format: "atom", title: "Le Monde" });
    expect(atom.items[0]).toMatchObject({ key: "urn:1", url: "https://fr.example/un", lang: "fr" });
    const rdf = parseFeedDocument(
      `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel rdf:about="https://r.example/"><title>R</title><link>https://r.example/</link></channel><item rdf:about="https://r.example/1"><title>One</title><link>https://r.example/1</link><dc:date>2025-02-02T00:00:00Z</dc:date></item></rdf:RDF>`,
      "https://r.example/rdf",
    );
    expect(rdf.items[0]).toMatchObject({
      url: "https://r.example/1",
      publishedAt: "2025-02-02T00:00:00.000Z",
    });
    const json = parseFeedDocument(
      JSON.stringify({
        version: "https://jsonfeed.org/version/1.1",
        title: "J",
        language: "de",
        items: [{ id: "7", url: "https://j.example/7", title: "Sieben" }],
      }),
      "https://j.example/feed.json",
    );
    expect(json.items[0]).toMatchObject({ key: "7", lang: "de", title: "Sieben" });
  });

  it("refuses an HTML page, naming the feed it advertises, and a malformed document", () => {
    const page = `<!doctype html><html><head><link rel="alternate" type="application/rss+xml" href="/rss.xml"></head><body>hi</body></html>`;
    expect(() => parseFeedDocument(page, "https://site.example/")).toThrow(
      "https://site.example/: this is an HTML page, not a feed; its feed is https://site.example/rss.xml",
    );
    expect(() => parseFeedDocument("<rss><channel><item><title>x", "https://bad.example/rss")).toThrow(
      /https:\/\/bad\.example\/rss: not a readable RSS, Atom or JSON feed/,
    );
    expect(() => parseFeedDocument("plain words", "https://bad.example/x")).toThrow(/not a readable/);
  });
});

describe("readOpml", () => {
  it("lists the feeds of every folder", () => {
    const text = `<?xml version="1.0"?><opml version="2.0"><head/><body><outline text="Asia"><outline text="A" xmlUrl="https://a.example/rss"/><outline text="Deeper"><outline title="B" xmlUrl="https://b.example/atom"/></outline></outline></body></opml>`;
    expect(isOpml(text)).toBe(true);
    expect(isOpml(rss(""))).toBe(false);
    expect(readOpml(text, "subs.opml")).toEqual([
      { url: "https://a.example/rss", title: "A" },
      { url: "https://b.example/atom", title: "B" },
    ]);
  });
});
