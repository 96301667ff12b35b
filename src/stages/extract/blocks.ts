// Turns a cleaned tree into structured blocks, remembering for each block the element it came from and
// how much of its text is link text, so the scorer can find the article's container.
import { Text } from "domhandler";
import type { Block, Link } from "../../types.js";
import { type AnyNode, attr, collapse, type Element, isElement, textOf } from "./dom.js";

export interface SourcedBlock {
  block: Block;
  /** The element whose content produced the block (the <p>, <ul>, or the <div> holding loose text). */
  owner: Element;
  chars: number;
  linkChars: number;
  links: Link[];
}

/** Block-level tags; anything else (incl. custom elements) flows inline unless it holds blocks. */
const BLOCK = new Set([
  "address",
  "article",
  "aside",
  "blockquote",
  "body",
  "center",
  "dd",
  "details",
  "dialog",
  "dir",
  "div",
  "dl",
  "dt",
  "fieldset",
  "figure",
  "footer",
  "form",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hgroup",
  "hr",
  "li",
  "main",
  "nav",
  "ol",
  "p",
  "pre",
  "section",
  "summary",
  "table",
  "tbody",
  "td",
  "tfoot",
  "th",
  "thead",
  "tr",
  "ul",
]);

const HEADING = /^h([1-6])$/;

function resolve(href: string, base: string): string | null {
  const trimmed = href.trim();
  if (!trimmed || trimmed.startsWith("#") || /^(javascript|mailto|tel|data):/i.test(trimmed)) return null;
  try {
    const url = new URL(trimmed, base);
    if (url.protocol === "http:" || url.protocol === "https:") return url.href;
    // A saved page's relative links point at files beside it; only a local page may link to files.
    return url.protocol === "file:" && base.startsWith("file:") ? url.href : null;
  } catch {
    return null;
  }
}

/** An <a> with an href; a named anchor (`<a name="top">`, sometimes left open around a whole page) is not. */
function isLink(element: Element): boolean {
  return element.name === "a" && "href" in element.attribs;
}

/** Links and link-text length inside a subtree. */
function linksIn(node: AnyNode, base: string, into: Link[]): number {
  if (!isElement(node)) return 0;
  if (isLink(node)) {
    const text = collapse(textOf(node));
    const url = resolve(attr(node, "href"), base);
    if (url) into.push({ url, text });
    return text.length;
  }
  let chars = 0;
  for (const child of node.children) chars += linksIn(child, base, into);
  return chars;
}

function hasBlockContent(element: Element): boolean {
  for (const child of element.children) {
    if (!isElement(child)) continue;
    if (BLOCK.has(child.name) || hasBlockContent(child)) return true;
  }
  return false;
}

/** Longer than this, or broken into lines, a cell holds running text: the table lays out a page. */
const MAX_DATA_CELL_CHARS = 200;

function countBreaks(element: Element): number {
  let breaks = 0;
  for (const child of element.children) {
    if (isElement(child)) breaks += child.name === "br" ? 1 : countBreaks(child);
  }
  return breaks;
}

/** A table is data when its cells hold only short inline content; otherwise it is page layout. */
function isDataTable(table: Element): boolean {
  const stack: Element[] = [table];
  while (stack.length) {
    const element = stack.pop() as Element;
    for (const child of element.children) {
      if (!isElement(child)) continue;
      if (child.name === "td" || child.name === "th") {
        if (hasBlockContent(child) || countBreaks(child) > 1) return false;
        if (collapse(textOf(child)).length > MAX_DATA_CELL_CHARS) return false;
      } else stack.push(child);
    }
  }
  return true;
}

function tableRows(table: Element): string[][] {
  const rows: string[][] = [];
  const visit = (element: Element) => {
    for (const child of element.children) {
      if (!isElement(child)) continue;
      if (child.name === "tr") {
        const cells = child.children
          .filter((cell): cell is Element => isElement(cell) && (cell.name === "td" || cell.name === "th"))
          .map((cell) => collapse(textOf(cell)));
        if (cells.some(Boolean)) rows.push(cells);
      } else if (child.name !== "table") visit(child);
    }
  };
  visit(table);
  return rows;
}

/** Blocks that make a list item a section of its own (a post in a list of posts), not a line. */
const SECTION_BLOCKS = new Set([
  "p",
  "div",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "blockquote",
  "table",
  "pre",
]);

/** Whether the list's items hold paragraphs or divisions (nested lists do not count): read it as a container. */
function itemsHoldBlocks(list: Element): boolean {
  const stack: Element[] = [list];
  while (stack.length) {
    const element = stack.pop() as Element;
    for (const child of element.children) {
      if (!isElement(child)) continue;
      if (SECTION_BLOCKS.has(child.name)) return true;
      if (child.name !== "ul" && child.name !== "ol") stack.push(child);
    }
  }
  return false;
}

function listItems(list: Element): string[] {
  return list.children
    .filter((child): child is Element => isElement(child) && child.name === "li")
    .map((item) => collapse(textOf(item)))
    .filter(Boolean);
}

export function buildBlocks(root: Element, base: string): SourcedBlock[] {
  const out: SourcedBlock[] = [];
  let inline: AnyNode[] = [];
  let inlineOwner: Element = root;
  // Blocks inside an <a> that wraps block content (teaser cards) are link text through and through.
  let insideLink = 0;

  const push = (block: Block, owner: Element, source: AnyNode | AnyNode[]) => {
    const links: Link[] = [];
    let linkChars = 0;
    for (const node of Array.isArray(source) ? source : [source]) linkChars += linksIn(node, base, links);
    const chars = "text" in block ? block.text.length : collapse(textOf(owner)).length;
    out.push({ block, owner, chars, linkChars: insideLink > 0 ? chars : linkChars, links });
  };

  const flush = () => {
    lineBreak = false;
    if (inline.length === 0) return;
    const text = collapse(inline.map(textOf).join(""));
    if (text) push({ type: "paragraph", text }, inlineOwner, inline);
    inline = [];
  };

  // One <br> breaks a line inside a paragraph (hard-wrapped text); two in a row end the paragraph.
  let lineBreak = false;
  const visit = (element: Element) => {
    for (const child of element.children) {
      if (!isElement(child)) {
        if (child.type === "text" && child.data.trim()) lineBreak = false;
        if (child.type === "text") {
          if (inline.length === 0) inlineOwner = element;
          inline.push(child);
        }
        continue;
      }
      const name = child.name;
      if (name === "br") {
        if (inline.length > 0 && !lineBreak) {
          lineBreak = true;
          inline.push(new Text(" "));
        } else flush();
        continue;
      }
      lineBreak = false;
      if (!BLOCK.has(name) && !hasBlockContent(child)) {
        // An inline wrapper around lines (<font>…<br>…</font>): its breaks still split the text.
        if (name !== "a" && countBreaks(child) > 0) {
          visit(child);
          continue;
        }
        if (inline.length === 0) inlineOwner = element;
        inline.push(child);
        continue;
      }
      flush();
      const heading = HEADING.exec(name);
      if (heading) {
        const text = collapse(textOf(child));
        if (text) push({ type: "heading", level: Number(heading[1]), text }, child, child);
      } else if ((name === "ul" || name === "ol") && !itemsHoldBlocks(child)) {
        const items = listItems(child);
        if (items.length) push({ type: "list", ordered: name === "ol", items }, child, child);
      } else if (name === "table" && isDataTable(child)) {
        const rows = tableRows(child);
        if (rows.length) push({ type: "table", rows }, child, child);
      } else if (name === "pre") {
        const text = textOf(child).replace(/^\n+|\s+$/g, "");
        if (text) push({ type: "code", text }, child, child);
      } else if (name === "blockquote") {
        const text = collapse(textOf(child));
        if (text) push({ type: "quote", text }, child, child);
      } else {
        const link = isLink(child);
        if (link) insideLink++;
        visit(child);
        flush();
        if (link) insideLink--;
      }
    }
  };
  visit(root);
  flush();
  return out;
}
