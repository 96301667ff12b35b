// Encoding labels → WHATWG encoding names, as Node's TextDecoder (full ICU) understands them.

/** Labels seen in the wild that the WHATWG label table does not list. */
const EXTRA_LABELS: Record<string, string> = {
  cp932: "shift_jis",
  "windows-932": "shift_jis",
  "x-ms-cp932": "shift_jis",
  shiftjis: "shift_jis",
  eucjp: "euc-jp",
  euc_jp: "euc-jp",
  cp936: "gbk",
  "windows-936": "gbk",
  gb_2312: "gbk",
  "gb-2312": "gbk",
  cp949: "euc-kr",
  "windows-949": "euc-kr",
  uhc: "euc-kr",
  euckr: "euc-kr",
  euc_kr: "euc-kr",
  cp950: "big5",
  "windows-950": "big5",
  big5hkscs: "big5",
  cp1252: "windows-1252",
  utf_8: "utf-8",
};

/** WHATWG name for `label`, or null when the label names no encoding we can decode. */
export function normaliseLabel(label: string): string | null {
  const cleaned = label
    .trim()
    .replace(/^["']|["']$/g, "")
    .trim()
    .toLowerCase();
  if (cleaned === "") return null;
  const candidate = EXTRA_LABELS[cleaned] ?? cleaned;
  try {
    return new TextDecoder(candidate).encoding;
  } catch {
    // Unknown label, or one WHATWG maps to "replacement"/"x-user-defined", which Node cannot decode.
    return null;
  }
}

/** The raw `charset` parameter of a Content-Type header value, if any. */
export function charsetParameter(contentType: string | undefined): string | null {
  if (!contentType) return null;
  const match = /;\s*charset\s*=\s*("[^"]*"|'[^']*'|[^;\s]+)/i.exec(contentType);
  return match?.[1] ?? null;
}

export function isUtf16(encoding: string): boolean {
  return encoding === "utf-16le" || encoding === "utf-16be";
}
