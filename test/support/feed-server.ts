// A feed server on 127.0.0.1 whose feeds gain items between polls: RSS 2.0, RSS 1.0/RDF, Atom and JSON
// Feed of the same items, an OPML file listing them, ETag/Last-Modified with 304s, and bad feeds.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface FeedServer {
  url: string;
  /** Adds `count` items to the feed `name` (each links to `articleUrl(n)`). */
  grow(name: string, count: number): void;
  /** Every request: path, status sent, conditional headers received. */
  requests: Array<{ path: string; status: number; ifNoneMatch?: string }>;
  close(): Promise<void>;
}

export type FeedFormat = "rss" | "rdf" | "atom" | "json";

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export async function startFeedServer(options: {
  /** The article each item links to. */
  articleUrl: (feed: string, n: number) => string;
  feeds: Record<string, FeedFormat>;
}): Promise<FeedServer> {
  const counts = new Map<string, number>(Object.keys(options.feeds).map((name) => [name, 0]));
  const requests: FeedServer["requests"] = [];
  let url = "";

  const render = (name: string, format: FeedFormat): { type: string; body: string } => {
    const count = counts.get(name) ?? 0;
    const items = Array.from({ length: count }, (_, index) => {
      const n = count - index;
      return {
        id: `${name}-${n}`,
        link: options.articleUrl(name, n),
        title: `${name} story ${n}`,
        date: new Date(Date.UTC(2025, 0, 1, 0, n)).toISOString(),
      };
    });
    if (format === "json") {
      const feed = {
        version: "https://jsonfeed.org/version/1.1",
        title: name,
        items: items.map((item) => ({
          id: item.id,
          url: item.link,
          title: item.title,
          date_published: item.date,
        })),
      };
      return { type: "application/feed+json", body: JSON.stringify(feed) };
    }
    if (format === "atom") {
      const entries = items.map(
        (item) =>
          `<entry><id>urn:${item.id}</id><title>${escapeXml(item.title)}</title><link href="${escapeXml(item.link)}"/><updated>${item.date}</updated></entry>`,
      );
      return {
        type: "application/atom+xml",
        body: `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>${name}</title><id>urn:${name}</id><updated>2025-01-01T00:00:00Z</updated>${entries.join("")}</feed>`,
      };
    }
    if (format === "rdf") {
      const entries = items.map(
        (item) =>
          `<item rdf:about="${escapeXml(item.link)}"><title>${escapeXml(item.title)}</title><link>${escapeXml(item.link)}</link><dc:date>${item.date}</dc:date></item>`,
      );
      return {
        type: "application/rdf+xml",
        body: `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel rdf:about="${url}/${name}"><title>${name}</title><link>${url}/</link></channel>${entries.join("")}</rdf:RDF>`,
      };
    }
    const entries = items.map(
      (item) =>
        `<item><title>${escapeXml(item.title)}</title><link>${escapeXml(item.link)}</link><guid isPermaLink="false">${item.id}</guid><pubDate>${new Date(item.date).toUTCString()}</pubDate></item>`,
    );
    return {
      type: "application/rss+xml",
      body: `<?xml version="1.0"?><rss version="2.0"><channel><title>${name}</title><link>${url}/</link>${entries.join("")}</channel></rss>`,
    };
  };

  const handle = (request: IncomingMessage, response: ServerResponse) => {
    const path = new URL(request.url ?? "/", "http://feeds.local").pathname;
    const name = path.slice(1);
    const record = (status: number) => {
      const ifNoneMatch = request.headers["if-none-match"];
      requests.push({ path, status, ...(ifNoneMatch ? { ifNoneMatch } : {}) });
    };
    if (name === "subscriptions.opml") {
      const outlines = Object.keys(options.feeds).map(
        (feed) => `<outline text="${feed}" type="rss" xmlUrl="${url}/${feed}"/>`,
      );
      record(200);
      response.writeHead(200, { "content-type": "text/x-opml" });
      response.end(
        `<?xml version="1.0"?><opml version="2.0"><head><title>subs</title></head><body><outline text="news">${outlines.join("")}</outline></body></opml>`,
      );
      return;
    }
    const format = options.feeds[name];
    if (!format) {
      record(404);
      response.writeHead(404, { "content-type": "text/plain" });
      response.end("no such feed");
      return;
    }
    const etag = `"${name}-${counts.get(name) ?? 0}"`;
    if (request.headers["if-none-match"] === etag) {
      record(304);
      response.writeHead(304, { etag });
      response.end();
      return;
    }
    const { type, body } = render(name, format);
    record(200);
    response.writeHead(200, { "content-type": type, etag });
    response.end(body);
  };

  const server = createServer(handle);
  await new Promise<void>((ready) => server.listen(0, "127.0.0.1", ready));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    requests,
    grow: (name, count) => counts.set(name, (counts.get(name) ?? 0) + count),
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
