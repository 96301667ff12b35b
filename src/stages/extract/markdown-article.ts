// Markdown → Article through a CommonMark + GFM parser (micromark via mdast-util-from-markdown):
// headings (ATX and setext), paragraphs, lists, quotes (lazy lines too), code, tables and footnotes
// become blocks; inline, reference, autolink and footnote links are collected. Front matter gives the
// title, date, author and language.
import { createRequire } from "node:module";
import type { CompileContext, fromMarkdown } from "mdast-util-from-markdown";
import { detectLang } from "../../text/language.js";
import type { Article, Block, DecodedPage, Link } from "../../types.js";
import { articleText, hostOf, toIsoDate } from "./article-text.js";

// The syntax tree's node types, named from the parser's own exports (the mdast typings are not ours to import).
type Root = ReturnType<typeof fromMarkdown>;
type Nodes = Exclude<CompileContext["stack"][number], { type: "fragment" }>;
type Parents = Extract<Nodes, { children: unknown }>;

interface MarkdownParser {
  fromMarkdown: typeof fromMarkdown;
  gfm: typeof import("micromark-extension-gfm").gfm;
  gfmFromMarkdown: typeof import("mdast-util-gfm").gfmFromMarkdown;
}

let parserModules: MarkdownParser | undefined;

/**
 * The parser and its GFM extensions are ~70 ms of CPU to load and only Markdown input needs them, so
 * they load on the first Markdown page. They are ESM-only; the extract stage is synchronous, so they are
 * required (Node ≥ 20.19 loads ES modules through require).
 */
function markdownParser(): MarkdownParser {
  if (!parserModules) {
    const require = createRequire(import.meta.url);
    parserModules = {
      fromMarkdown: require("mdast-util-from-markdown").fromMarkdown,
      gfm: require("micromark-extension-gfm").gfm,
      gfmFromMarkdown: require("mdast-util-gfm").gfmFromMarkdown,
    };
  }
  return parserModules;
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

/** Front matter (--- YAML ---) fields we use: title, date, author, lang. */
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

function parse(markdown: string): Root {
  const parser = markdownParser();
  return parser.fromMarkdown(defuse(markdown), {
    extensions: [parser.gfm()],
    mdastExtensions: [parser.gfmFromMarkdown()],
  });
}

/** Quote and list markers opening one line beyond this depth are dropped (the text stays). */
const MAX_NESTING = 16;
const CONTAINER = String.raw`(?:[ \t]{0,3}>[ \t]?|[ \t]{0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+)`;
const DEEP_CONTAINERS = new RegExp(`^(${CONTAINER}{${MAX_NESTING}})${CONTAINER}+`, "gm");
/**
 * The parser spends ~40 µs on each "[", "<" or "\\" (link, tag and escape openers), so a hostile file of
 * them takes minutes; past this many the document is read as plain paragraphs instead.
 */
const MAX_OPENERS = 10_000;

/** Quotes and lists nested thousands deep overflow the parser's stack; they are cut to MAX_NESTING. */
function defuse(markdown: string): string {
  return markdown.replace(DEEP_CONTAINERS, "$1");
}

/** A document with more link, tag and escape openers than anyone writes: paragraphs of its plain text. */
function overloaded(markdown: string): boolean {
  let openers = 0;
  for (let at = 0; at < markdown.length; at++) {
    const code = markdown.charCodeAt(at);
    if ((code === 0x5b || code === 0x3c || code === 0x5c) && ++openers > MAX_OPENERS) return true;
  }
  return false;
}

/** The fallback reading of an overloaded document: blank-line paragraphs, markers and brackets kept. */
function plainBlocks(markdown: string): Block[] {
  return markdown
    .split(/\n[ \t]*\n/)
    .map((chunk) => chunk.replace(/\s+/g, " ").trim())
    .filter(Boolean)
    .map((text) => ({ type: "paragraph", text }));
}

/** Link targets of `[text][ref]` and `[^note]` by their normalised identifiers. */
interface Definitions {
  links: Map<string, string>;
}

/**
 * The plain text of a node, collecting its links. Iterative, not recursive: a page can nest quotes or
 * lists thousands deep, and the text is untrusted.
 */
function inlineText(node: Nodes, base: string, definitions: Definitions, links: Link[]): string {
  let text = "";
  const stack: Array<Nodes | { close: Link; start: number }> = [node];
  while (stack.length > 0) {
    const item = stack.pop() as Nodes | { close: Link; start: number };
    if ("close" in item) {
      item.close.text = text.slice(item.start).replace(/\s+/g, " ").trim();
      continue;
    }
    switch (item.type) {
      case "text":
      case "inlineCode":
        text += item.value;
        continue;
      case "break":
        text += " ";
        continue;
      case "html":
        // Inline tags carry no text; a block of HTML keeps the words between its tags.
        text += item.value.replace(/<[^<>]*>/g, " ");
        continue;
      case "image":
      case "imageReference":
      case "footnoteReference":
      case "definition":
      case "footnoteDefinition":
        continue;
      case "link":
      case "linkReference": {
        const target = item.type === "link" ? item.url : definitions.links.get(item.identifier);
        const url = target === undefined ? null : resolve(target, base);
        if (url) {
          const link = { url, text: "" };
          links.push(link);
          stack.push({ close: link, start: text.length });
        }
        break;
      }
    }
    if ("children" in item) {
      // Block children of a quote or list item are separate lines of text, read with a space between.
      for (let i = item.children.length - 1; i >= 0; i--) {
        stack.push(item.children[i] as Nodes);
        if (i > 0 && !isPhrasing(item)) stack.push({ type: "text", value: " " });
      }
    }
  }
  return text.replace(/\s+/g, " ").trim();
}

function isPhrasing(node: Parents): boolean {
  return /^(?:paragraph|heading|emphasis|strong|delete|link|linkReference|tableCell)$/.test(node.type);
}

/** Blocks in document order; footnotes last, as an ordered list, the way a page shows them. */
function blocksOf(root: Root, base: string, links: Link[]): Block[] {
  const definitions: Definitions = { links: new Map() };
  const footnotes: Nodes[] = [];
  for (const node of root.children) {
    if (node.type === "definition") definitions.links.set(node.identifier, node.url);
    if (node.type === "footnoteDefinition") footnotes.push(node);
  }
  const text = (node: Nodes) => inlineText(node, base, definitions, links);
  const blocks: Block[] = [];
  const stack: Nodes[] = [...root.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as Nodes;
    switch (node.type) {
      case "heading": {
        const value = text(node);
        if (value) blocks.push({ type: "heading", level: node.depth, text: value });
        break;
      }
      case "paragraph":
      case "html": {
        const value = text(node);
        if (value) blocks.push({ type: "paragraph", text: value });
        break;
      }
      case "blockquote": {
        const value = text(node);
        if (value) blocks.push({ type: "quote", text: value });
        break;
      }
      case "list":
        blocks.push({ type: "list", ordered: node.ordered === true, items: listItems(node, text) });
        break;
      case "code":
        if (node.value) blocks.push({ type: "code", text: node.value });
        break;
      case "table":
        blocks.push({ type: "table", rows: node.children.map((row) => row.children.map(text)) });
        break;
    }
  }
  // A note's paragraphs are read like a quote's: its definition node itself is skipped where it sits.
  const notes = footnotes
    .map((note) => ("children" in note ? text({ type: "blockquote", children: note.children } as Nodes) : ""))
    .filter(Boolean);
  if (notes.length > 0) blocks.push({ type: "list", ordered: true, items: notes });
  return blocks.filter((block) => block.type !== "list" || block.items.length > 0);
}

/** Items of a list, nested lists flattened into it in reading order (as the old line reader did). */
function listItems(list: Nodes, text: (node: Nodes) => string): string[] {
  const items: string[] = [];
  const stack: Nodes[] = [list];
  while (stack.length > 0) {
    const node = stack.pop() as Nodes;
    if (node.type === "list") {
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes);
      continue;
    }
    if (node.type !== "listItem") continue;
    const nested = node.children.filter((child) => child.type === "list");
    const own = text({ ...node, children: node.children.filter((child) => child.type !== "list") });
    if (own) items.push(own);
    for (let i = nested.length - 1; i >= 0; i--) stack.push(nested[i] as Nodes);
  }
  return items;
}

export function extractMarkdown(page: DecodedPage): Article {
  const lines = page.text.replace(/\r\n?/g, "\n").split("\n");
  const { fields, end } = frontMatter(lines);
  const body = lines.slice(end).join("\n");
  const links: Link[] = [];
  const blocks = overloaded(body) ? plainBlocks(body) : blocksOf(parse(body), page.url, links);

  // The first level-1 heading names the document (and leaves the body); without one, the first heading
  // or the first line stands in, and stays in the body.
  const titleIndex = blocks.findIndex((block) => block.type === "heading" && block.level === 1);
  const titleBlock = blocks[titleIndex];
  const heading = titleBlock?.type === "heading" ? titleBlock.text : null;
  if (heading !== null && (fields.get("title") ?? heading) === heading) blocks.splice(titleIndex, 1);
  const firstHeading = blocks.find((block) => block.type === "heading");
  const firstLine = () => {
    const line = lines.slice(end).find((candidate) => candidate.trim()) ?? "";
    if (overloaded(line)) return line.trim();
    return inlineText(parse(line), page.url, { links: new Map() }, []);
  };
  const title =
    fields.get("title") ?? heading ?? (firstHeading?.type === "heading" ? firstHeading.text : firstLine());
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
