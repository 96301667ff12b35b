// The charset an HTML or XML document declares in its first bytes: <meta charset>, <meta http-equiv>,
// or an XML declaration. Like a browser's prescan, it reads the bytes as ASCII before knowing the encoding.

import { charsetParameter } from "./charset-labels.js";

/** Browsers look no further than this for a declaration. */
const PRESCAN_BYTES = 4096;

// An unquoted value stops before "/>" so that <meta charset=utf-8/> reads as utf-8.
const ATTRIBUTE = /([^\s=/>"']+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+?(?=\/?(?:>|$)|\s)))?/g;

/** The raw label declared in markup, or null. `xmlOnly` skips <meta> (for non-HTML XML). */
export function declaredInMarkup(body: Uint8Array, xmlOnly = false): string | null {
  const head = Buffer.from(body.subarray(0, PRESCAN_BYTES)).toString("latin1");
  const xml = /^\s*<\?xml\s[^>]*?encoding\s*=\s*["']([^"']+)["']/i.exec(head);
  if (xml?.[1]) return xml[1];
  if (xmlOnly) return null;
  const withoutComments = head.replace(/<!--[\s\S]*?(?:-->|$)/g, "");
  for (const tag of withoutComments.matchAll(/<meta\b([^>]*)>?/gi)) {
    const attributes = parseAttributes(tag[1] ?? "");
    const charset = attributes.get("charset");
    if (charset) return charset;
    if (attributes.get("http-equiv")?.toLowerCase() === "content-type") {
      const fromContent = charsetParameter(`;${attributes.get("content") ?? ""}`);
      if (fromContent) return fromContent;
    }
  }
  return null;
}

function parseAttributes(source: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of source.matchAll(ATTRIBUTE)) {
    const name = match[1]?.toLowerCase();
    if (!name || attributes.has(name)) continue;
    attributes.set(name, (match[2] ?? "").replace(/^["']|["']$/g, ""));
  }
  return attributes;
}
