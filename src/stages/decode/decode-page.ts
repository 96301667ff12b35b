// Decode stage: a Page's bytes → text, in whatever encoding the page is really in.
// Order: the user's --encoding, a BOM, the HTTP charset, the markup's declaration, then detection.
// Declarations are checked against the bytes, because servers and templates often lie.

import { ShirabeError } from "../../errors.js";
import type { CharsetSource, DecodedPage, Page } from "../../types.js";
import { charsetParameter, isUtf16, normaliseLabel } from "./charset-labels.js";
import { decodeBytes as decode } from "./decode-text.js";
import { detectEncoding, isValidUtf8 } from "./detect-encoding.js";
import { decodePdf } from "./pdf-text.js";
import { declaredInMarkup } from "./prescan.js";

export interface DecodeOptions {
  /** Encoding label the user forces (`--encoding`); wins over everything the page says. */
  encoding?: string;
}

/** A declared decode with more U+FFFD than this share of its non-ASCII characters is wrong. */
const MAX_REPLACEMENT_SHARE = 0.02;
/** …unless there are only this many, which a handful of stray bytes can cause. */
const TOLERATED_REPLACEMENTS = 3;

const BOMS: { bytes: number[]; encoding: string }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: "utf-8" },
  { bytes: [0xff, 0xfe], encoding: "utf-16le" },
  { bytes: [0xfe, 0xff], encoding: "utf-16be" },
];

/** Any readable page → text: a PDF through its text layer, everything else through its encoding. */
export async function decodeDocument(page: Page, options: DecodeOptions = {}): Promise<DecodedPage> {
  return page.contentType === "application/pdf" ? decodePdf(page) : decodePage(page, options);
}

export function decodePage(page: Page, options: DecodeOptions = {}): DecodedPage {
  const decoded = (text: string, charset: string, charsetSource: CharsetSource): DecodedPage => ({
    url: page.url,
    contentType: page.contentType,
    text,
    charset,
    charsetSource,
  });
  const body = page.body;

  if (options.encoding !== undefined) {
    const forced = normaliseLabel(options.encoding);
    if (!forced) {
      throw new ShirabeError(
        `--encoding: unknown encoding "${options.encoding}"; pass a label such as utf-8, shift_jis, euc-jp, gbk, big5 or euc-kr`,
        { code: "unknown-encoding", kind: "usage", input: options.encoding },
      );
    }
    return decoded(decode(body, forced), forced, "override");
  }

  const bom = BOMS.find((candidate) => candidate.bytes.every((byte, index) => body[index] === byte));
  if (bom) return decoded(decode(body.subarray(bom.bytes.length), bom.encoding), bom.encoding, "bom");

  const declarations: { encoding: string; source: CharsetSource }[] = [];
  const fromHeader = normaliseLabel(charsetParameter(page.headers["content-type"]) ?? "");
  if (fromHeader) declarations.push({ encoding: fromHeader, source: "header" });
  const markupLabel = readsMarkup(page.contentType)
    ? declaredInMarkup(body, isXmlOnly(page.contentType))
    : null;
  const fromMarkup = normaliseLabel(markupLabel ?? "");
  // A UTF-16 declaration inside ASCII-compatible markup cannot be true; browsers read it as UTF-8.
  if (fromMarkup) declarations.push({ encoding: isUtf16(fromMarkup) ? "utf-8" : fromMarkup, source: "meta" });

  let fallback: DecodedPage | undefined;
  for (const declaration of declarations) {
    if (declaration.encoding !== "utf-8" && !isUtf16(declaration.encoding) && hasUtf8Sequences(body)) {
      continue; // a legacy label on valid multi-byte UTF-8 is a mislabelled UTF-8 page
    }
    const text = decode(body, declaration.encoding);
    const result = decoded(text, declaration.encoding, declaration.source);
    if (!tooManyReplacements(text)) return result;
    fallback ??= result;
  }

  const detection = detectEncoding(body);
  if (detection) {
    return decoded(
      decode(body, detection.encoding),
      detection.encoding,
      detection.trivial ? "default" : "detected",
    );
  }
  // A declaration the bytes contradict still beats refusing the page outright.
  if (fallback) return fallback;
  throw new ShirabeError(
    `${page.input}: cannot tell the text encoding of this page; pass --encoding <label> (e.g. shift_jis)`,
    { code: "unknown-encoding", kind: "input", input: page.input },
  );
}

function readsMarkup(contentType: string): boolean {
  return contentType === "" || /html|xml/i.test(contentType);
}

function isXmlOnly(contentType: string): boolean {
  return /xml/i.test(contentType) && !/html/i.test(contentType);
}

function hasUtf8Sequences(body: Uint8Array): boolean {
  return body.some((byte) => byte >= 0x80) && isValidUtf8(body);
}

function tooManyReplacements(text: string): boolean {
  let replacements = 0;
  let nonAscii = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code > 0x7f) nonAscii++;
    if (code === 0xfffd) replacements++;
  }
  return replacements > TOLERATED_REPLACEMENTS && replacements > nonAscii * MAX_REPLACEMENT_SHARE;
}
