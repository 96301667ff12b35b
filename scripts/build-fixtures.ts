// Builds the legacy-encoded fixture pages from their UTF-8 templates, so the prose stays reviewable in
// git while the served bytes are what real Japanese, Chinese and Korean sites send.
// Run: npx tsx scripts/build-fixtures.ts   (rewrites test/fixtures/pages/<slug>/source.html)

import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import iconv from "iconv-lite";
import { decodeBytes } from "../src/stages/decode/decode-text.js";

const PAGES_DIR = fileURLToPath(new URL("../test/fixtures/pages/", import.meta.url));

/** Pages whose source.html is template.html re-encoded; every other page's source.html is hand-written. */
const ENCODED_PAGES: Record<string, string> = {
  "en-blog-windows-1252": "windows-1252",
  "ja-news-shift-jis": "shift_jis",
  "ja-culture-euc-jp": "euc-jp",
  "ja-column-iso-2022-jp": "iso-2022-jp",
  "ja-local-undeclared": "shift_jis",
  "zh-news-gbk": "gbk",
  "zh-museum-gb18030": "gb18030",
  "zh-tw-news-big5": "big5",
  "ko-news-euc-kr": "euc-kr",
  "report-source-ja": "shift_jis",
  "en-tech-bom": "utf-8-bom",
};

function encode(text: string, encoding: string): Uint8Array {
  if (encoding === "iso-2022-jp") return encodeIso2022Jp(text);
  if (encoding === "utf-8-bom") return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
  return iconv.encode(text, encoding);
}

/** iconv-lite has no ISO-2022-JP encoder: EUC-JP's JIS X 0208 pairs minus 0x80, between escapes. */
function encodeIso2022Jp(text: string): Uint8Array {
  const euc = iconv.encode(text, "euc-jp");
  const out: number[] = [];
  let inJis = false;
  for (let index = 0; index < euc.length; index++) {
    const byte = euc[index] ?? 0;
    if (byte === 0x8e || byte === 0x8f)
      throw new Error("ISO-2022-JP fixture uses a character outside JIS X 0208");
    if (byte >= 0xa1) {
      if (!inJis) out.push(0x1b, 0x24, 0x42); // ESC $ B
      inJis = true;
      out.push(byte - 0x80, (euc[index + 1] ?? 0) - 0x80);
      index++;
    } else {
      if (inJis) out.push(0x1b, 0x28, 0x42); // ESC ( B
      inJis = false;
      out.push(byte);
    }
  }
  if (inJis) out.push(0x1b, 0x28, 0x42);
  return Uint8Array.from(out);
}

for (const [slug, encoding] of Object.entries(ENCODED_PAGES)) {
  const template = readFileSync(join(PAGES_DIR, slug, "template.html"), "utf8");
  const bytes = encode(template, encoding);
  // Encoders replace characters they cannot represent with "?"; a fixture must survive the round trip.
  const whatwg = encoding === "utf-8-bom" ? "utf-8" : encoding;
  if (decodeBytes(bytes, whatwg) !== template) {
    throw new Error(`${slug}: template does not survive a round trip through ${encoding}`);
  }
  writeFileSync(join(PAGES_DIR, slug, "source.html"), bytes);
  console.log(`${slug}: ${bytes.length} bytes of ${encoding}`);
}
