// TextDecoder with one repair: Node 20 decodes "windows-1252" as ISO-8859-1, turning the curly quotes,
// dashes and euro sign of bytes 0x80–0x9F into invisible C1 controls. Those 32 bytes are mapped here.

/** windows-1252 bytes 0x80–0x9F; the five bytes it leaves undefined stay as their C1 control. */
const WINDOWS_1252_HIGH =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
  "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

export interface DecodeBytesOptions {
  /** Throw on malformed input instead of inserting U+FFFD. */
  fatal?: boolean;
  /** Input is a prefix: a sequence cut off at its end is not an error. */
  prefix?: boolean;
}

/** `bytes` decoded as WHATWG `encoding`; a BOM is stripped only when it matches the encoding. */
export function decodeBytes(bytes: Uint8Array, encoding: string, options: DecodeBytesOptions = {}): string {
  if (encoding === "windows-1252") {
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
      .toString("latin1")
      .replace(/[\u0080-\u009f]/g, (control) => WINDOWS_1252_HIGH[control.charCodeAt(0) - 0x80] ?? control);
  }
  // WHATWG decodes "gbk" with the GB18030 decoder (pages labelled gb2312 routinely use its characters);
  // ICU's GBK table would turn those into private-use code points.
  return new TextDecoder(encoding === "gbk" ? "gb18030" : encoding, { fatal: options.fatal ?? false }).decode(
    bytes,
    {
      stream: options.prefix ?? false,
    },
  );
}
