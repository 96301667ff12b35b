// A fake OpenAI-compatible chat-completions server on 127.0.0.1 that speaks the real wire protocol (JSON
// and SSE streaming, usage, response_format) and serves scripted answers, with the faults the LLM client
// must survive: latency, 429 with retry-after, 500, hangs, cut streams and invalid JSON. It records every
// request it got. It also serves /v1/embeddings with deterministic fake vectors (see fakeEmbedding).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface ChatMessage {
  role: string;
  content: string;
}

export interface FakeLlmRequest {
  path: string;
  headers: Record<string, string>;
  /** The parsed JSON body. */
  body: {
    model?: string;
    messages?: Array<{ role: string; content: unknown }>;
    stream?: boolean;
    response_format?: { type: string; json_schema?: unknown };
    max_tokens?: number;
    [key: string]: unknown;
  };
  /** Messages with their content flattened to text. */
  messages: ChatMessage[];
  /** Set once the whole answer was sent (a client that went away mid-answer leaves it false). */
  answered: boolean;
}

/** What to do with one request. A plain string is a successful answer with that content. */
export type FakeReply =
  | string
  | { content: string; finishReason?: string }
  | { status: number; retryAfter?: string; message?: string }
  | { hang: true }
  | { truncate: string };

export type Responder = (request: FakeLlmRequest) => FakeReply;

export interface FakeLlmServerOptions {
  /** Answers requests not taken by `enqueue`. Default: a fixed JSON object. */
  responder?: Responder;
  /** Delay before the first token (streaming) or the whole answer. Default 0. */
  firstTokenMs?: number;
  /** Streaming speed; 0 sends everything at once. Default 0. */
  tokensPerSecond?: number;
}

export interface FakeLlmServer {
  /** Base URL including /v1, as providers expect it. */
  baseURL: string;
  /** Chat requests. */
  requests: FakeLlmRequest[];
  /** The texts of each /v1/embeddings request, in order. */
  embeddingRequests: string[][];
  /** The most chat requests that were open at the same time. */
  maxInFlight(): number;
  /** Chat requests open now. */
  inFlight(): number;
  /** Replies used, in order, before the responder: one per request. */
  enqueue(...replies: FakeReply[]): void;
  setResponder(responder: Responder): void;
  close(): Promise<void>;
}

/** Roughly how providers count: a CJK character is a token, other text about four characters per token. */
export function countTokens(text: string): number {
  const cjk = text.match(/[\u3000-\u9fff\uff00-\uffef]/g)?.length ?? 0;
  return cjk + Math.ceil((text.length - cjk) / 4);
}

export async function startFakeLlmServer(options: FakeLlmServerOptions = {}): Promise<FakeLlmServer> {
  const requests: FakeLlmRequest[] = [];
  const embeddingRequests: string[][] = [];
  const queue: FakeReply[] = [];
  let responder: Responder = options.responder ?? (() => '{"ok":true}');
  const sockets = new Set<import("node:net").Socket>();
  let inFlight = 0;
  let maxInFlight = 0;

  const server = createServer((req, res) => {
    void handle(req, res).catch(() => res.destroy());
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    if (req.method === "GET" && req.url === "/v1/models") {
      return sendJson(res, 200, {
        object: "list",
        data: [{ id: "fake-model", object: "model", owned_by: "shirabe" }],
      });
    }
    if (req.method === "POST" && req.url === "/v1/embeddings") {
      const body = JSON.parse(raw || "{}") as { model?: string; input?: string | string[] };
      const input = typeof body.input === "string" ? [body.input] : (body.input ?? []);
      embeddingRequests.push(input);
      const tokens = input.reduce((sum, text) => sum + countTokens(text), 0);
      return sendJson(res, 200, {
        object: "list",
        data: input.map((text, index) => ({ object: "embedding", index, embedding: fakeEmbedding(text) })),
        model: body.model ?? "fake-embed",
        usage: { prompt_tokens: tokens, total_tokens: tokens },
      });
    }
    if (req.method !== "POST" || req.url !== "/v1/chat/completions") {
      return sendJson(res, 404, {
        error: { message: `no route ${req.method} ${req.url}`, type: "not_found" },
      });
    }
    const body = JSON.parse(raw || "{}") as FakeLlmRequest["body"];
    const request: FakeLlmRequest = {
      path: req.url,
      headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)])),
      body,
      messages: (body.messages ?? []).map((m) => ({ role: m.role, content: flatten(m.content) })),
      answered: false,
    };
    res.on("finish", () => {
      request.answered = true;
    });
    requests.push(request);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.on("close", () => inFlight--);
    const reply = queue.length > 0 ? (queue.shift() as FakeReply) : responder(request);

    if (typeof reply === "object" && "status" in reply) {
      const headers: Record<string, string> = reply.retryAfter ? { "retry-after": reply.retryAfter } : {};
      const type = reply.status === 429 ? "rate_limit_exceeded" : "server_error";
      return sendJson(
        res,
        reply.status,
        { error: { message: reply.message ?? `fake ${reply.status}`, type } },
        headers,
      );
    }
    if (typeof reply === "object" && "hang" in reply) {
      // Accept and say nothing until the client gives up.
      return;
    }
    const content = typeof reply === "string" ? reply : "truncate" in reply ? reply.truncate : reply.content;
    const finishReason =
      typeof reply === "object" && "finishReason" in reply ? (reply.finishReason ?? "stop") : "stop";
    const truncated = typeof reply === "object" && "truncate" in reply;
    const usage = {
      prompt_tokens: countTokens(request.messages.map((m) => m.content).join("\n")),
      completion_tokens: countTokens(content),
      total_tokens: 0,
    };
    usage.total_tokens = usage.prompt_tokens + usage.completion_tokens;
    await delay(options.firstTokenMs ?? 0);
    if (!body.stream) {
      return sendJson(res, 200, {
        id: "chatcmpl-fake",
        object: "chat.completion",
        created: Math.floor(Date.now() / 1000),
        model: body.model ?? "fake-model",
        choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: finishReason }],
        usage,
      });
    }
    await streamAnswer(res, body, content, finishReason, truncated, usage);
  }

  async function streamAnswer(
    res: ServerResponse,
    body: FakeLlmRequest["body"],
    content: string,
    finishReason: string,
    truncated: boolean,
    usage: Record<string, number>,
  ): Promise<void> {
    res.writeHead(200, {
      "content-type": "text/event-stream",
      "cache-control": "no-cache",
      connection: "keep-alive",
    });
    const base = {
      id: "chatcmpl-fake",
      object: "chat.completion.chunk",
      created: Math.floor(Date.now() / 1000),
      model: body.model ?? "fake-model",
    };
    const send = (data: unknown) => res.write(`data: ${JSON.stringify(data)}\n\n`);
    const pieces = splitTokens(content);
    // A cut stream stops halfway and closes the connection without finish_reason or [DONE].
    const end = truncated ? Math.floor(pieces.length / 2) : pieces.length;
    const rate = options.tokensPerSecond ?? 0;
    // Tokens are sent in batches every 50 ms at most, as real servers coalesce small writes.
    const perBatch = rate > 0 ? Math.max(1, Math.round(rate / 20)) : pieces.length || 1;
    send({
      ...base,
      choices: [{ index: 0, delta: { role: "assistant", content: "" }, finish_reason: null }],
    });
    for (let i = 0; i < end; i += perBatch) {
      const batch = pieces.slice(i, Math.min(end, i + perBatch));
      if (rate > 0) await delay((batch.length / rate) * 1000);
      send({ ...base, choices: [{ index: 0, delta: { content: batch.join("") }, finish_reason: null }] });
    }
    if (truncated) {
      // What was written reaches the client; then the connection drops, as a reset mid-answer does.
      await new Promise<void>((resolve) => res.write("", () => resolve()));
      res.destroy();
      return;
    }
    send({ ...base, choices: [{ index: 0, delta: {}, finish_reason: finishReason }] });
    const wantsUsage = (body.stream_options as { include_usage?: boolean } | undefined)?.include_usage;
    if (wantsUsage) send({ ...base, choices: [], usage });
    res.end("data: [DONE]\n\n");
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    embeddingRequests,
    maxInFlight: () => maxInFlight,
    inFlight: () => inFlight,
    enqueue: (...replies) => queue.push(...replies),
    setResponder: (next) => {
      responder = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * Words of a few languages that the fake embedding treats as one concept, the way a multilingual model
 * places translations near each other. It is a handful of entries about the test and benchmark stories,
 * not a model: vectors from it say nothing about the quality of real embeddings.
 */
const FAKE_CONCEPTS: Record<string, string[]> = {
  rapidus: ["rapidus", "ラピダス"],
  toyota: ["toyota", "トヨタ"],
  sony: ["sony", "ソニー"],
  founded: ["founded", "設立"],
  government: ["government", "政府"],
  subsidy: ["subsidies", "subsidy", "補助金", "补贴"],
  hokkaido: ["hokkaido", "北海道"],
  chitose: ["chitose", "千歳"],
  factory: ["factory", "plant", "工場", "工厂"],
  chip: ["semiconductors", "semiconductor", "chips", "chip", "半導体", "半导体", "芯片"],
  production: ["mass production", "量産", "量产"],
  nanometre: ["2-nanometre", "2 nm", "2ナノメートル", "2纳米"],
  exports: ["export controls", "輸出規制", "出口管制"],
  deepseek: ["deepseek", "ディープシーク", "深度求索"],
};
const FAKE_DIMENSIONS = 256;

/**
 * A deterministic stand-in for an embedding model: a hashed bag of concepts (above, weighted 3) and of the
 * remaining text's character bigrams, L2-normalised. Texts sharing words or concepts are close; a
 * Japanese sentence and its English counterpart are close when their concepts are in the list.
 */
export function fakeEmbedding(text: string): number[] {
  const vector = new Array<number>(FAKE_DIMENSIONS).fill(0);
  const add = (feature: string, weight: number) => {
    let hash = 0x811c9dc5;
    for (const char of feature) hash = Math.imul(hash ^ (char.codePointAt(0) ?? 0), 0x01000193);
    const slot = (hash >>> 0) % FAKE_DIMENSIONS;
    vector[slot] = (vector[slot] ?? 0) + weight;
  };
  let rest = text.toLowerCase();
  for (const [concept, forms] of Object.entries(FAKE_CONCEPTS)) {
    for (const form of forms) {
      const parts = rest.split(form);
      for (let i = 1; i < parts.length; i++) add(`#${concept}`, 3);
      rest = parts.join(" ");
    }
  }
  for (const word of rest.split(/[\s\p{P}]+/u).filter(Boolean)) {
    const chars = [...word];
    if (chars.length === 1) add(word, 1);
    for (let i = 0; i + 1 < chars.length; i++) add(`${chars[i]}${chars[i + 1]}`, 1);
  }
  const norm = Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0)) || 1;
  return vector.map((value) => value / norm);
}

function flatten(content: unknown): string {
  if (typeof content === "string") return content;
  if (Array.isArray(content)) {
    return content
      .map((part) => (typeof part === "object" && part && "text" in part ? String(part.text) : ""))
      .join("");
  }
  return "";
}

/** Token-sized pieces: single CJK characters, or runs of up to four other characters. */
function splitTokens(text: string): string[] {
  return text.match(/[\u3000-\u9fff\uff00-\uffef]|[^\u3000-\u9fff\uff00-\uffef]{1,4}/g) ?? [];
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function sendJson(
  res: ServerResponse,
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(value));
}

function delay(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}
