// A worker thread that makes reports, so that parsing pages and writing (the CPU-heavy steps) never
// hold up the server's event loop. It has no network or store of its own: fetches, the page cache and
// any engine but the extractive one are asked of the server thread.
import { type MessagePort, parentPort, receiveMessageOnPort, workerData } from "node:worker_threads";
import { createReport, extractiveWriter, type WriteProgress, type Writer } from "../index.js";
import type { HttpClient, HttpResponse } from "../ports/http.js";
import type { PageCache } from "../ports/store.js";
import type { Draft, Page } from "../types.js";
import { type FromWorker, receiveError, sendError, type ToWorker } from "./worker-messages.js";

const port = parentPort as NonNullable<typeof parentPort>;
const { cachePort, signal: flagBuffer } = workerData as { cachePort: MessagePort; signal: SharedArrayBuffer };
const flag = new Int32Array(flagBuffer);
const send = (message: FromWorker) => port.postMessage(message);

let abort = new AbortController();
let nextId = 1;
const fetches = new Map<
  number,
  { resolve: (response: HttpResponse) => void; reject: (error: Error) => void }
>();
let writing: {
  resolve: (draft: Draft) => void;
  reject: (error: Error) => void;
  onProgress?: (event: WriteProgress) => void;
} | null = null;

const http: HttpClient = {
  get(url, options = {}) {
    const id = nextId++;
    return new Promise((resolve, reject) => {
      fetches.set(id, { resolve, reject });
      send({ type: "http", id, url, ...(options.headers ? { headers: options.headers } : {}) });
    });
  },
};

/** The page cache is synchronous: ask, then sleep until the server thread has put the answer on our port. */
const cache: PageCache = {
  getPage(url) {
    Atomics.store(flag, 0, 0);
    send({ type: "cache-get", url });
    Atomics.wait(flag, 0, 0);
    return (receiveMessageOnPort(cachePort)?.message as { page: Page | null } | undefined)?.page ?? null;
  },
  putPage(url, page) {
    send({ type: "cache-put", url, page });
  },
};

/** An engine that lives on the server thread (it holds keys and budgets): asked over messages. */
const remoteWriter = (name: string): Writer => ({
  name,
  write: ({ sources, passages, lang, onProgress }) =>
    new Promise<Draft>((resolve, reject) => {
      writing = { resolve, reject, ...(onProgress ? { onProgress } : {}) };
      send({ type: "write", input: { sources, passages, lang } });
    }),
});

port.on("message", async (message: ToWorker) => {
  if (message.type === "abort") abort.abort();
  if (message.type === "http-result") fetches.get(message.id)?.resolve(message.response);
  if (message.type === "http-error") fetches.get(message.id)?.reject(receiveError(message.error));
  if (message.type === "http-result" || message.type === "http-error") fetches.delete(message.id);
  if (message.type === "write-progress") writing?.onProgress?.(message.event);
  if (message.type === "write-result") writing?.resolve(message.draft);
  if (message.type === "write-error") writing?.reject(receiveError(message.error));
  if (message.type === "write-result" || message.type === "write-error") writing = null;
  if (message.type !== "make") return;
  abort = new AbortController();
  try {
    const result = await createReport({
      ...message.params,
      writer: message.local ? extractiveWriter : remoteWriter(message.writerName),
      signal: abort.signal,
      deps: { http, ...(message.withCache ? { cache } : {}) },
      onProgress: (event) => send({ type: "progress", event }),
    });
    send({ type: "done", result });
  } catch (error) {
    send({ type: "failed", error: sendError(error) });
  }
});
