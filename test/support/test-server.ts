// The web app for tests, with a real SQLite store in a temp folder: in process through hono's
// app.request() (no socket; most API tests), or the real server on 127.0.0.1 port 0. Both are driven
// through the same `fetch(path)`, and their server-sent events are read the way a browser would.
import { join } from "node:path";
import { createHttpClient, openStore, type SqliteStore } from "../../src/index.js";
import {
  createServerApp,
  type RunningServer,
  type ServerOptions,
  startServer,
} from "../../src/server/index.js";
import { tempDir } from "./temp.js";

/** Something that answers requests to the web app's paths. */
export interface Client {
  /** http://127.0.0.1:port for a real server, http://localhost for an in-process app. */
  url: string;
  fetch(path: string, init?: RequestInit): Promise<Response>;
}

export interface TestServer extends Client {
  server?: RunningServer;
  store: SqliteStore;
  close(): Promise<void>;
}

type TestOptions = Partial<Omit<ServerOptions, "store">> & { storePath?: string };

function baseOptions(options: TestOptions) {
  const store = openStore({ path: options.storePath ?? join(tempDir("shirabe-server-"), "shirabe.sqlite") });
  return {
    store,
    options: {
      port: 0,
      http: createHttpClient({ allowPrivateNetwork: true }),
      store,
      cache: store,
      rateLimit: { limit: 1000, windowMs: 60_000 },
      ...options,
    },
  };
}

/** Private addresses are allowed (the fixture site is on 127.0.0.1) and the rate limit is high, unless given. */
export async function startTestServer(options: TestOptions = {}): Promise<TestServer> {
  const { store, options: full } = baseOptions(options);
  const server = await startServer(full);
  return {
    server,
    store,
    url: server.url,
    fetch: (path, init) => fetch(`${server.url}${path}`, init),
    close: async () => {
      await server.close();
      store.close();
    },
  };
}

/** The same app without a socket: requests go straight to hono's app.request(). */
export async function createTestApp(options: TestOptions = {}): Promise<TestServer> {
  const { store, options: full } = baseOptions(options);
  const { app, close } = await createServerApp(full);
  return {
    store,
    url: "http://localhost",
    fetch: async (path, init) => app.request(path, init),
    close: async () => {
      await close();
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
  client: Client,
  path: string,
  options: { headers?: Record<string, string>; stopAfter?: (event: SseEvent) => boolean } = {},
): Promise<SseEvent[]> {
  const controller = new AbortController();
  const response = await client.fetch(path, { headers: options.headers ?? {}, signal: controller.signal });
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

async function answer(response: Response) {
  return { status: response.status, headers: response.headers, body: (await response.json()) as PostAnswer };
}

export async function postJson(client: Client, body: unknown, headers: Record<string, string> = {}) {
  return answer(
    await client.fetch("/api/reports", {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );
}

/** A file to upload: its name (a relative path for a folder's files) and its bytes or text. */
export interface UploadFile {
  name: string;
  content: string | Uint8Array;
}

/** POST /api/reports as multipart/form-data, as the web form sends files. */
export async function postFiles(client: Client, files: UploadFile[], fields: Record<string, string> = {}) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const file of files) form.append("files", new Blob([file.content as BlobPart]), file.name);
  return answer(await client.fetch("/api/reports", { method: "POST", body: form }));
}

/** Waits for a job to end by following its event stream; returns its events. */
export async function finished(client: Client, id: string): Promise<SseEvent[]> {
  return readEvents(client, `/api/reports/${id}/events`);
}
