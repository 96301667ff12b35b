// Starts the real server on 127.0.0.1 port 0 with a real SQLite store in a temp folder, and reads its
// server-sent events the way a browser would.
import { join } from "node:path";
import { createHttpClient, openStore, type SqliteStore } from "../../src/index.js";
import { type RunningServer, type ServerOptions, startServer } from "../../src/server/index.js";
import { tempDir } from "../support/temp.js";

export interface TestServer {
  server: RunningServer;
  store: SqliteStore;
  url: string;
  close(): Promise<void>;
}

/** Private addresses are allowed (the fixture site is on 127.0.0.1) and the rate limit is high, unless given. */
export async function startTestServer(
  options: Partial<Omit<ServerOptions, "store">> = {},
): Promise<TestServer> {
  const store = openStore({ path: join(tempDir("shirabe-server-"), "shirabe.sqlite") });
  const server = await startServer({
    port: 0,
    http: createHttpClient({ allowPrivateNetwork: true }),
    store,
    cache: store,
    rateLimit: { limit: 1000, windowMs: 60_000 },
    ...options,
  });
  return {
    server,
    store,
    url: server.url,
    close: async () => {
      await server.close();
      store.close();
    },
  };
}

export interface SseEvent {
  id: number;
  data: { type: string; [key: string]: unknown };
}

/**
 * Reads an event stream until it ends or `stopAfter` returns true for an event (then disconnects,
 * like a browser tab that is closed).
 */
export async function readEvents(
  url: string,
  options: { headers?: Record<string, string>; stopAfter?: (event: SseEvent) => boolean } = {},
): Promise<SseEvent[]> {
  const controller = new AbortController();
  const response = await fetch(url, { headers: options.headers ?? {}, signal: controller.signal });
  if (response.status !== 200) throw new Error(`events: HTTP ${response.status}`);
  const events: SseEvent[] = [];
  const decoder = new TextDecoder();
  let buffer = "";
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return events;
    buffer += decoder.decode(value, { stream: true });
    let boundary = buffer.indexOf("\n\n");
    while (boundary >= 0) {
      const block = buffer.slice(0, boundary);
      buffer = buffer.slice(boundary + 2);
      boundary = buffer.indexOf("\n\n");
      const id = /^id: (\d+)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (id === undefined || data === undefined) continue;
      const event = { id: Number(id), data: JSON.parse(data) };
      events.push(event);
      if (options.stopAfter?.(event)) {
        controller.abort();
        await reader.cancel().catch(() => {});
        return events;
      }
    }
  }
}

/** What POST /api/reports answers: {id, status} on 202, {error} otherwise. */
export interface PostAnswer {
  id: string;
  status: string;
  error: { code: string; message: string };
}

export async function postJson(base: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${base}/api/reports`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as PostAnswer,
  };
}

/** Waits for a job to end by following its event stream; returns the final status. */
export async function finished(base: string, id: string): Promise<SseEvent[]> {
  return readEvents(`${base}/api/reports/${id}/events`);
}
