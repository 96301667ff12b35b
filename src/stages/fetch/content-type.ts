// Which inputs Shirabe can read, judged from the bytes when they carry a binary signature (a PDF named
// .html or served as text/html is a PDF), else from the declared media type, else from the bytes.
import { ShirabeError } from "../../errors.js";

const READABLE = new Set([
  "text/html",
  "application/xhtml+xml",
  "text/plain",
  "text/markdown",
  "application/pdf",
]);
/** Types whose signature in the first bytes is certain enough to overrule what the server or name says. */
const SIGNED = new Set(["application/pdf", "image/png", "image/jpeg", "image/gif"]);
const ALIASES: Record<string, string> = { "text/x-markdown": "text/markdown" };
const HTML_START =
  /^<(?:!doctype\s+html|html|head|body|title|meta|link|script|style|div|p|h[1-6]|table|a|b|br|font|iframe|article|section|main|!--)[\s/>]/i;
const SNIFF_BYTES = 1024;

/** The media type without parameters, lower-cased; "" when the header is missing or empty. */
export function mediaType(contentType: string | undefined): string {
  const type = (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  return ALIASES[type] ?? type;
}

function startsWith(body: Uint8Array, bytes: number[]): boolean {
  return bytes.every((byte, index) => body[index] === byte);
}

/** A media type guessed from the first bytes, for responses and files that do not say what they are. */
export function sniffMediaType(body: Uint8Array): string {
  const head = body.subarray(0, SNIFF_BYTES);
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "application/pdf";
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47])) return "image/png";
  if (startsWith(head, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(head, [0x47, 0x49, 0x46, 0x38])) return "image/gif";
  const utf16 = startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff]);
  // Bytes outside UTF-16 that contain NUL are binary: no text encoding Shirabe reads produces them.
  if (!utf16 && head.includes(0)) return "application/octet-stream";
  const text = Buffer.from(utf16 ? head.filter((byte) => byte !== 0) : head)
    .toString("latin1")
    .replace(/^(?:\xef\xbb\xbf|\xff\xfe|\xfe\xff)/, "")
    .replace(/^(?:\s|<\?xml[^>]*>)+/, "");
  return HTML_START.test(text) ? "text/html" : "text/plain";
}

/** The media type to read `body` as, or a ShirabeError saying why it cannot be read. */
export function readableMediaType(input: string, declared: string | undefined, body: Uint8Array): string {
  const sniffed = sniffMediaType(body);
  const type = SIGNED.has(sniffed) ? sniffed : mediaType(declared) || sniffed;
  if (READABLE.has(type)) return type;
  throw new ShirabeError(
    `${input}: cannot read ${type} content; give an HTML, Markdown, plain-text or PDF document`,
    {
      code: "unsupported-content",
      kind: "input",
      input,
    },
  );
}
