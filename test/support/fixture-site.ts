// A real HTTP server on 127.0.0.1 that serves the fixture pages and every misbehaviour the fetch stage
// must survive: redirects, slow and hanging responses, huge and compressed bodies, odd content types.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, deflateSync, gzipSync } from "node:zlib";

export interface RecordedRequest {
  method: string;
  /** Path with query string. */
  path: string;
  headers: Record<string, string>;
}

export interface FixtureSite {
  /** http://127.0.0.1:PORT */
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export interface FixtureSiteOptions {
  /** Folder of <slug>/source.html (+ optional meta.json); defaults to test/fixtures/pages. */
  pagesDir?: string;
}

const DEFAULT_PAGES_DIR = fileURLToPath(new URL("../fixtures/pages/", import.meta.url));
const HTML = "text/html; charset=utf-8";
const TINY_PAGE =
  "<!doctype html><html><head><title>Tiny</title></head><body><p>Tiny page.</p></body></html>";
const SCRIPT_ONLY =
  "<!doctype html><html><head><script>var a = 1;</script></head><body><script>document.write('x')</script></body></html>";
// A complete one-page PDF, so sniffers that look past the header still see a PDF.
const MINIMAL_PDF =
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
  "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";
const PNG_1X1 = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);
const LAST_MODIFIED = "Wed, 01 Jan 2025 00:00:00 GMT";
const FILE_TYPES: Record<string, string> = {
  ".html": HTML,
  ".htm": HTML,
  ".md": "text/markdown; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".json": "application/json",
};

interface PageMeta {
  headers?: Record<string, string>;
  /** Headers for the other files of the folder, by file name. */
  files?: Record<string, { headers?: Record<string, string> }>;
}

interface Asset {
  body: Buffer;
  headers: Record<string, string>;
}

function recordHeaders(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return headers;
}

function send(
  response: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: Buffer | string,
) {
  response.writeHead(status, headers);
  response.end(body);
}

function sendHtml(response: ServerResponse, status: number, body: string) {
  send(response, status, { "content-type": HTML }, body);
}

export async function startFixtureSite(options: FixtureSiteOptions = {}): Promise<FixtureSite> {
  const pagesDir = resolve(options.pagesDir ?? DEFAULT_PAGES_DIR);
  const requests: RecordedRequest[] = [];

  /** A file of a page folder with its headers; null when there is no such page (or it escapes the folder). */
  function loadAsset(slug: string, file = "source.html"): Asset | null {
    const folder = resolve(pagesDir, slug);
    const path = resolve(folder, file);
    if (!folder.startsWith(`${pagesDir}/`) || !path.startsWith(`${folder}/`)) return null;
    if (!existsSync(path) || !statSync(path).isFile()) return null;
    const metaPath = join(folder, "meta.json");
    const meta: PageMeta = existsSync(metaPath) ? JSON.parse(readFileSync(metaPath, "utf8")) : {};
    const defaults = {
      "content-type": FILE_TYPES[extname(file).toLowerCase()] ?? "application/octet-stream",
    };
    const extra = file === "source.html" ? meta.headers : meta.files?.[file]?.headers;
    return { body: readFileSync(path), headers: { ...defaults, ...extra } };
  }

  function serveAsset(response: ServerResponse, asset: Asset | null) {
    if (asset) send(response, 200, asset.headers, asset.body);
    else sendHtml(response, 404, "<html><body><p>No such page.</p></body></html>");
  }

  function serveCompressed(response: ServerResponse, coding: string, slug: string) {
    const asset = loadAsset(slug);
    if (!asset) return serveAsset(response, null);
    const compress = { gzip: gzipSync, br: brotliCompressSync, deflate: deflateSync }[coding];
    if (!compress) return serveAsset(response, null);
    send(response, 200, { ...asset.headers, "content-encoding": coding }, compress(asset.body));
  }

  function serveEtag(request: IncomingMessage, response: ServerResponse, slug: string) {
    const asset = loadAsset(slug);
    if (!asset) return serveAsset(response, null);
    const etag = `"${createHash("sha1").update(asset.body).digest("hex").slice(0, 16)}"`;
    const validators = { etag, "last-modified": LAST_MODIFIED };
    const ifNoneMatch = request.headers["if-none-match"];
    const ifModifiedSince = request.headers["if-modified-since"];
    const notModified =
      ifNoneMatch !== undefined
        ? ifNoneMatch.split(",").some((tag) => tag.trim() === etag)
        : ifModifiedSince !== undefined && Date.parse(ifModifiedSince) >= Date.parse(LAST_MODIFIED);
    if (notModified) {
      response.writeHead(304, validators);
      response.end();
      return;
    }
    send(response, 200, { ...asset.headers, ...validators }, asset.body);
  }

  function streamHuge(response: ServerResponse, megabytes: number) {
    const line = Buffer.from(`<p>${"lorem ipsum ".repeat(80)}</p>\n`);
    const total = Math.round(megabytes * 1024 * 1024);
    let sent = 0;
    response.writeHead(200, { "content-type": HTML });
    response.write("<!doctype html><html><body>");
    const pump = () => {
      while (sent < total) {
        sent += line.length;
        if (!response.write(line)) {
          response.once("drain", pump);
          return;
        }
      }
      response.end("</body></html>");
    };
    response.on("close", () => {
      sent = total + 1;
    });
    pump();
  }

  function handle(request: IncomingMessage, response: ServerResponse) {
    const path = request.url ?? "/";
    requests.push({ method: request.method ?? "GET", path, headers: recordHeaders(request) });
    const url = new URL(path, "http://fixture.local");
    const parts = url.pathname.split("/").filter(Boolean).map(decodeURIComponent);
    const [route, first, second] = parts;
    const number = (name: string, fallback: number) => Number(url.searchParams.get(name) ?? fallback);

    switch (route) {
      case "pages":
        return serveAsset(response, first ? loadAsset(first, second) : null);
      case "tiny":
        return sendHtml(response, 200, TINY_PAGE);
      case "redirect": {
        const to = url.searchParams.get("to") ?? "/tiny";
        return send(response, number("status", 302), { location: to }, "");
      }
      case "redirect-chain": {
        const hops = Number(first ?? 0);
        if (hops <= 0) return sendHtml(response, 200, TINY_PAGE);
        const last = existsSync(join(pagesDir, "plain-en", "source.html")) ? "/pages/plain-en" : "/tiny";
        return send(response, 302, { location: hops === 1 ? last : `/redirect-chain/${hops - 1}` }, "");
      }
      case "status": {
        const code = Number(first ?? 500);
        return sendHtml(response, code, `<html><body><p>Status ${code}</p></body></html>`);
      }
      case "slow": {
        const timer = setTimeout(() => sendHtml(response, 200, TINY_PAGE), number("ms", 1000));
        response.on("close", () => clearTimeout(timer));
        return;
      }
      case "hang":
        return;
      case "slow-body":
        response.writeHead(200, { "content-type": HTML });
        response.write("<!doctype html><html><body><p>Start");
        return;
      case "huge":
        return streamHuge(response, number("mb", 20));
      case "gzip-bomb": {
        const inflated = Buffer.alloc(Math.round(number("mb", 20) * 1024 * 1024), 0x20);
        return send(response, 200, { "content-type": HTML, "content-encoding": "gzip" }, gzipSync(inflated));
      }
      case "pdf":
        return send(response, 200, { "content-type": "application/pdf" }, MINIMAL_PDF);
      case "json":
        return send(response, 200, { "content-type": "application/json" }, '{"title":"not an article"}');
      case "image":
        return send(response, 200, { "content-type": "image/png" }, PNG_1X1);
      case "gzip":
      case "br":
      case "deflate":
        return serveCompressed(response, route, first ?? "");
      case "etag":
        return serveEtag(request, response, first ?? "");
      case "empty":
        return send(response, 200, { "content-type": HTML }, "");
      case "script-only":
        return sendHtml(response, 200, SCRIPT_ONLY);
      case "no-content-type":
        response.writeHead(200);
        response.end(TINY_PAGE);
        return;
      default:
        return serveAsset(response, null);
    }
  }

  const server = createServer(handle);
  await new Promise<void>((ready) => server.listen(0, "127.0.0.1", ready));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((done, fail) => {
        server.close((error) => (error ? fail(error) : done()));
        // Hanging and keep-alive connections would otherwise hold close() open forever.
        server.closeAllConnections();
      }),
  };
}
