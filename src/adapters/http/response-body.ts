// Reads a response body under a byte cap, then undoes its Content-Encoding under the same cap.
import type { Readable } from "node:stream";
import { promisify } from "node:util";
import zlib from "node:zlib";
import { ShirabeError } from "../../errors.js";

const gunzip = promisify(zlib.gunzip);
const inflate = promisify(zlib.inflate);
const inflateRaw = promisify(zlib.inflateRaw);
const brotliDecompress = promisify(zlib.brotliDecompress);

export const ACCEPT_ENCODING = "gzip, deflate, br";

function tooLarge(url: string, maxBytes: number): ShirabeError {
  const mib = (maxBytes / 1024 / 1024).toFixed(1);
  return new ShirabeError(`${url}: response is larger than the ${mib} MiB limit`, {
    code: "too-large",
    kind: "input",
    input: url,
  });
}

/** Collects the raw body, failing as soon as it passes `maxBytes` instead of buffering it all. */
export async function readLimited(body: Readable, url: string, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of body) {
    const buffer = chunk as Buffer;
    total += buffer.length;
    if (total > maxBytes) {
      body.on("error", () => {});
      body.destroy();
      throw tooLarge(url, maxBytes);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks, total);
}

/** zlib-wrapped deflate starts with a CMF/FLG pair divisible by 31; some servers send raw deflate. */
function hasZlibHeader(data: Buffer): boolean {
  const [cmf = 0, flg = 0] = data;
  return (cmf & 0x0f) === 8 && (cmf * 256 + flg) % 31 === 0;
}

async function decodeOne(data: Buffer, coding: string, options: zlib.ZlibOptions): Promise<Buffer> {
  switch (coding) {
    case "gzip":
    case "x-gzip":
      return gunzip(data, options);
    case "deflate":
      return hasZlibHeader(data) ? inflate(data, options) : inflateRaw(data, options);
    case "br":
      return brotliDecompress(data, options);
    default:
      throw new Error(`unsupported content-encoding ${coding}`);
  }
}

/** Undoes `content-encoding` (applied in order, so decoded in reverse); output is capped at `maxBytes`. */
export async function decodeContent(
  data: Buffer,
  contentEncoding: string | undefined,
  url: string,
  maxBytes: number,
): Promise<Buffer> {
  const codings = (contentEncoding ?? "")
    .split(",")
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== "" && coding !== "identity");
  let result = data;
  for (const coding of codings.reverse()) {
    if (result.length === 0) break;
    try {
      result = await decodeOne(result, coding, { maxOutputLength: maxBytes });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") throw tooLarge(url, maxBytes);
      throw new ShirabeError(`${url}: could not decode the ${coding}-encoded response`, {
        code: "bad-encoding",
        kind: "input",
        input: url,
        cause: error,
      });
    }
  }
  return result;
}
