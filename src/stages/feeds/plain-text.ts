// Feed titles and summaries often carry HTML (escaped or in CDATA). Everything read from a feed is shown
// as text, so tags are dropped and entities decoded here; the renderers escape it again on output.

const NAMED: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  hellip: "…",
  mdash: "—",
  ndash: "–",
  lsquo: "‘",
  rsquo: "’",
  ldquo: "“",
  rdquo: "”",
};

/** At most this many characters of a summary are kept: it is for filters and listings, not for reading. */
const MAX_LENGTH = 2_000;

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith("#")) {
      const code =
        name[1] === "x" || name[1] === "X" ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[name.toLowerCase()] ?? whole;
  });
}

export function plainText(html: string): string {
  const withoutTags = html
    .slice(0, MAX_LENGTH * 4)
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, " ")
    .replace(/<[^>]*>/g, " ");
  // Decoded once more than the XML parser did, then stripped again: "&lt;b&gt;" in a title is markup too.
  return decodeEntities(withoutTags)
    .replace(/<[^>]*>/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, MAX_LENGTH);
}
