// Fake search APIs on 127.0.0.1, one per provider wire format. Each records what it was asked (decoded
// from its own wire format) and can be switched into the failures a real provider shows.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type Wire = "searxng" | "tavily" | "brave";
export type FakeMode = "ok" | "empty" | "server-error" | "unauthorized" | "not-json" | "hang" | "huge";

export interface CannedResult {
  url: string;
  title: string;
  snippet: string;
  publishedAt: string | null;
}

/** What the provider was asked, whatever the wire format. */
export interface ReceivedSearch {
  query: string;
  limit: number | null;
  lang: string | null;
  /** The provider's own date filter, as sent (time_range, start_date or freshness). */
  dateFilter: string | null;
  key: string | null;
}

export interface FakeSearchServer {
  url: string;
  received: ReceivedSearch[];
  mode: FakeMode;
  close(): Promise<void>;
}

export const CANNED: CannedResult[] = [
  {
    url: "https://news.example/rapidus-2nm",
    title: "Rapidus starts 2nm test production",
    snippet: "The venture began test production in Hokkaido.",
    publishedAt: "2025-04-01T00:00:00.000Z",
  },
  {
    url: "https://gov.example/meti/release",
    title: "METI approves additional support",
    snippet: "Total subsidies reach about 920 billion yen.",
    publishedAt: null,
  },
  { url: "javascript:alert(1)", title: "Not a page", snippet: "", publishedAt: null },
  {
    url: "https://blog.example/albany",
    title: "A visit to Albany",
    snippet: "Engineers work with IBM on gate-all-around transistors.",
    publishedAt: "2025-02-10T00:00:00.000Z",
  },
];

function encode(wire: Wire, results: CannedResult[]): unknown {
  switch (wire) {
    case "searxng":
      return {
        query: "",
        number_of_results: 0,
        results: results.map((result) => ({
          url: result.url,
          title: result.title,
          content: result.snippet,
          engine: "fake",
          ...(result.publishedAt ? { publishedDate: result.publishedAt.replace(".000Z", "") } : {}),
        })),
      };
    case "tavily":
      return {
        query: "",
        response_time: 0.1,
        results: results.map((result, index) => ({
          url: result.url,
          title: result.title,
          content: result.snippet,
          score: 1 - index / 10,
          published_date: result.publishedAt ? new Date(result.publishedAt).toUTCString() : null,
        })),
      };
    case "brave":
      return {
        type: "search",
        web: {
          type: "search",
          results: results.map((result) => ({
            url: result.url,
            title: result.title,
            // Brave highlights query words with <strong> and escapes entities.
            description: result.snippet.replace(/^(\S+)/, "<strong>$1</strong>").replace(/&/g, "&amp;"),
            ...(result.publishedAt ? { page_age: result.publishedAt.replace(".000Z", "") } : {}),
          })),
        },
      };
  }
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function decode(wire: Wire, request: IncomingMessage, body: string): ReceivedSearch | null {
  const url = new URL(request.url ?? "/", "http://fake.local");
  const params = url.searchParams;
  const number = (value: unknown) => (value === null || value === undefined ? null : Number(value));
  switch (wire) {
    case "searxng":
      if (request.method !== "GET" || url.pathname !== "/search" || params.get("format") !== "json")
        return null;
      return {
        query: params.get("q") ?? "",
        limit: null,
        lang: params.get("language"),
        dateFilter: params.get("time_range"),
        key: null,
      };
    case "tavily": {
      if (request.method !== "POST" || url.pathname !== "/search") return null;
      const json = JSON.parse(body) as Record<string, unknown>;
      return {
        query: String(json.query ?? ""),
        limit: number(json.max_results),
        lang: null,
        dateFilter: typeof json.start_date === "string" ? json.start_date : null,
        key: request.headers.authorization?.replace(/^Bearer /, "") ?? null,
      };
    }
    case "brave":
      if (request.method !== "GET" || url.pathname !== "/res/v1/web/search") return null;
      return {
        query: params.get("q") ?? "",
        limit: number(params.get("count")),
        lang: params.get("search_lang"),
        dateFilter: params.get("freshness"),
        key: (request.headers["x-subscription-token"] as string | undefined) ?? null,
      };
  }
}

export async function startFakeSearch(
  wire: Wire,
  results: CannedResult[] = CANNED,
): Promise<FakeSearchServer> {
  const received: ReceivedSearch[] = [];
  const state: FakeSearchServer = { url: "", received, mode: "ok", close: async () => {} };
  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const asked = decode(wire, request, await readBody(request));
    if (!asked) {
      response.writeHead(404, { "content-type": "application/json" }).end('{"error":"not found"}');
      return;
    }
    received.push(asked);
    const json = (status: number, value: unknown) =>
      response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(value));
    switch (state.mode) {
      case "hang":
        return;
      case "server-error":
        return json(500, { error: "internal" });
      case "unauthorized":
        return json(401, { error: "invalid key" });
      case "not-json":
        response.writeHead(200, { "content-type": "text/html" }).end("<html><body>Search</body></html>");
        return;
      case "empty":
        return json(200, encode(wire, []));
      case "huge":
        return json(200, { ...(encode(wire, []) as object), padding: "x".repeat(12 * 1024 * 1024) });
      case "ok": {
        const limit = asked.limit ?? results.length;
        return json(200, encode(wire, results.slice(0, limit)));
      }
    }
  };
  const server = createServer((request, response) => void handle(request, response));
  await new Promise<void>((ready) => server.listen(0, "127.0.0.1", ready));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = () =>
    new Promise<void>((done) => {
      server.close(() => done());
      server.closeAllConnections();
    });
  return state;
}
