// Markdown → Article: headings, lists, quotes, code, tables and paragraphs as blocks; inline links collected.

import { detectLang } from "../../text/language.js";
import type { Article, Block, DecodedPage, Link } from "../../types.js";
import { articleText, hostOf, toIsoDate } from "./article-text.js";

const HEADING = /^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const LIST_ITEM = /^(\s*)([-*+]|\d{1,9}[.)])\s+(.*)$/;
const FENCE = /^ {0,3}(```+|~~~+)/;
const TABLE_SEPARATOR = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;
const REFERENCE = /^ {0,3}\[([^\]]+)\]:\s*<?(\S+?)>?(?:\s+["'(].*["')])?\s*$/;

interface Inline {
  text: string;
  links: Link[];
}

function resolve(url: string, base: string): string | null {
  try {
    const absolute = new URL(url, base);
    if (absolute.protocol === "http:" || absolute.protocol === "https:") return absolute.href;
    // As for HTML: a local document may point at files beside it, a fetched one may not.
    return absolute.protocol === "file:" && base.startsWith("file:") ? absolute.href : null;
  } catch {
    return null;
  }
}

/** Strips inline markup, keeping link text and collecting link targets. */
function renderInline(source: string, base: string, references: Map<string, string>): Inline {
  const links: Link[] = [];
  const addLink = (text: string, target: string) => {
    const url = resolve(target, base);
    if (url) links.push({ url, text });
    return text;
  };
  // No scan may run past the next "[" (or "<" for tags): a page of unclosed brackets would otherwise make
  // every bracket scan to the end of the text, and take hours on a 2 MiB file.
  const text = source
    .replace(/!\[([^\][]*)\]\([^)[]*\)/g, "")
    .replace(
      /\[([^\][]+)\]\(\s*<?([^)\s>[]+)>?(?:\s+["'][^"'[]*["'])?\s*\)/g,
      (_, label: string, target: string) => addLink(label, target),
    )
    .replace(/\[([^\][]+)\]\[([^\][]*)\]/g, (whole, label: string, ref: string) => {
      const target = references.get((ref || label).toLowerCase());
      return target ? addLink(label, target) : whole;
    })
    .replace(/<(https?:\/\/[^<>\s]+)>/g, (_, url: string) => addLink(url, url))
    .replace(/<\/?[a-z][^<>]*>/gi, "")
    .replace(/(\*\*|__)(.+?)\1/g, "$2")
    .replace(/(^|[^\w*])[*_]([^*_\s][^*_]*?)[*_](?=[^\w*]|$)/g, "$1$2")
    .replace(/`([^`]+)`/g, "$1")
    .replace(/\\([\\`*_{}[\]()#+\-.!>|])/g, "$1")
    .replace(/\s+/g, " ")
    .trim();
  return { text, links };
}

function splitRow(line: string): string[] {
  return line
    .trim()
    .replace(/^\||\|$/g, "")
    .split("|")
    .map((cell) => cell.trim());
}

/** Front matter (--- YAML ---) fields we use: title, date, author. */
function frontMatter(lines: string[]): { fields: Map<string, string>; end: number } {
  const fields = new Map<string, string>();
  if (lines[0]?.trim() !== "---") return { fields, end: 0 };
  const close = lines.findIndex((line, index) => index > 0 && /^(---|\.\.\.)\s*$/.test(line));
  if (close < 0) return { fields, end: 0 };
  for (const line of lines.slice(1, close)) {
    const match = /^(\w+):\s*(.+)$/.exec(line);
    if (match?.[1] && match[2])
      fields.set(match[1].toLowerCase(), match[2].replace(/^["']|["']$/g, "").trim());
  }
  return { fields, end: close + 1 };
}

export function extractMarkdown(page: DecodedPage): Article {
  const lines = page.text.replace(/\r\n?/g, "\n").split("\n");
  const { fields, end } = frontMatter(lines);
  const references = new Map<string, string>();
  for (const line of lines) {
    const match = REFERENCE.exec(line);
    if (match?.[1] && match[2]) references.set(match[1].toLowerCase(), match[2]);
  }
  const blocks: Block[] = [];
  const links: Link[] = [];
  const inline = (source: string) => {
    const rendered = renderInline(source, page.url, references);
    for (const link of rendered.links) links.push(link);
    return rendered.text;
  };

  let i = end;
  const at = (index: number) => lines[index] ?? "";
  while (i < lines.length) {
    const line = at(i);
    if (!line.trim() || REFERENCE.test(line)) {
      i++;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence?.[1]) {
      const marker = fence[1];
      const body: string[] = [];
      i++;
      while (i < lines.length && !at(i).trim().startsWith(marker)) body.push(at(i++));
      i++;
      if (body.length) blocks.push({ type: "code", text: body.join("\n") });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading?.[1]) {
      blocks.push({ type: "heading", level: heading[1].length, text: inline(heading[2] ?? "") });
      i++;
      continue;
    }
    if (/^\s*>/.test(line)) {
      const body: string[] = [];
      while (i < lines.length && /^\s*>/.test(at(i))) body.push(at(i++).replace(/^\s*>\s?/, ""));
      const text = inline(body.join(" "));
      if (text) blocks.push({ type: "quote", text });
      continue;
    }
    if (LIST_ITEM.test(line)) {
      const ordered = /^\s*\d/.test(line);
      const items: string[] = [];
      while (i < lines.length && at(i).trim()) {
        const item = LIST_ITEM.exec(at(i));
        if (item) items.push(item[3] ?? "");
        else items[items.length - 1] += ` ${at(i).trim()}`;
        i++;
      }
      blocks.push({ type: "list", ordered, items: items.map(inline).filter(Boolean) });
      continue;
    }
    if (line.includes("|") && TABLE_SEPARATOR.test(at(i + 1))) {
      const rows = [splitRow(line)];
      i += 2;
      while (i < lines.length && at(i).includes("|")) rows.push(splitRow(at(i++)));
      blocks.push({ type: "table", rows: rows.map((row) => row.map(inline)) });
      continue;
    }
    const body: string[] = [];
    while (i < lines.length && at(i).trim() && !startsBlock(at(i))) body.push(at(i++));
    const setext = /^\s*(=+|-+)\s*$/.exec(at(i));
    if (setext?.[1] && body.length) {
      blocks.push({
        type: "heading",
        level: setext[1].startsWith("=") ? 1 : 2,
        text: inline(body.join(" ")),
      });
      i++;
      continue;
    }
    const text = inline(body.join(" "));
    if (text) blocks.push({ type: "paragraph", text });
  }

  // The first level-1 heading names the document (and leaves the body); without one, the first heading
  // or the first line stands in, and stays in the body.
  const titleIndex = blocks.findIndex((block) => block.type === "heading" && block.level === 1);
  const titleBlock = blocks[titleIndex];
  const heading = titleBlock?.type === "heading" ? titleBlock.text : null;
  if (heading !== null && (fields.get("title") ?? heading) === heading) blocks.splice(titleIndex, 1);
  const firstHeading = blocks.find((block) => block.type === "heading");
  const firstLine = renderInline(
    lines.slice(end).find((line) => line.trim()) ?? "",
    page.url,
    references,
  ).text;
  const title =
    fields.get("title") ?? heading ?? (firstHeading?.type === "heading" ? firstHeading.text : firstLine);
  const text = articleText(blocks);
  const seen = new Set<string>();
  return {
    url: page.url,
    canonicalUrl: null,
    title,
    siteName: hostOf(page.url),
    author: fields.get("author") ?? null,
    publishedAt: toIsoDate(fields.get("date")),
    lang: fields.get("lang") ?? detectLang(text || title),
    blocks,
    text,
    links: links.filter((link) => !seen.has(link.url) && seen.add(link.url)),
  };
}

function startsBlock(line: string): boolean {
  return HEADING.test(line) || FENCE.test(line) || /^\s*>/.test(line) || LIST_ITEM.test(line);
}
