// Article text helpers shared by the HTML, Markdown and plain-text readers: block text, host, dates.
import type { Block } from "../../types.js";

/** The plain text of one block: list items one per line, table cells tab-separated. */
export function blockText(block: Block): string {
  switch (block.type) {
    case "list":
      return block.items.join("\n");
    case "table":
      return block.rows.map((row) => row.join("\t")).join("\n");
    default:
      return block.text;
  }
}

export function articleText(blocks: Block[]): string {
  return blocks.map(blockText).join("\n\n");
}

/** Host without "www.", or null for URLs without one (file:). */
export function hostOf(url: string): string | null {
  try {
    const host = new URL(url).hostname;
    return host ? host.replace(/^www\./, "") : null;
  } catch {
    return null;
  }
}

/** A date in the URL path such as /2025/02/04/, /2025-02-04 or /20250204/, as YYYY-MM-DD. */
export function dateFromUrl(url: string): string | null {
  const match = /\/((?:19|20)\d{2})[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?=[/._-]|$)/.exec(url);
  return match ? `${match[1]}-${match[2]}-${match[3]}` : null;
}

/** Normalises a date string to ISO 8601, keeping date-only values date-only; null when unparseable. */
export function toIsoDate(value: string | null | undefined): string | null {
  const raw = value?.trim();
  if (!raw) return null;
  const leadingYear = Number(raw.slice(0, 4));
  if (/^\d{4}-/.test(raw) && (leadingYear < 1990 || leadingYear > 2100)) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(raw)) return raw;
  const isoLike = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|[+-]\d{2}:?\d{2})?$/.exec(
    raw,
  );
  if (isoLike) {
    const zone = isoLike[3] ? isoLike[3].replace(/^([+-]\d{2})(\d{2})$/, "$1:$2") : "";
    return `${isoLike[1]}T${isoLike[2]}${zone}`;
  }
  const time = Date.parse(raw);
  if (Number.isNaN(time)) return null;
  const year = new Date(time).getUTCFullYear();
  return year >= 1990 && year <= 2100 ? new Date(time).toISOString() : null;
}
