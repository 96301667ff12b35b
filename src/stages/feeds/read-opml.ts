// OPML (what feed readers export) → the feed addresses it lists, folders flattened.
import { createRequire } from "node:module";
import { ShirabeError } from "../../errors.js";

// feedsmith takes about 0.1 s of CPU to load; loaded on first use so commands that read no feed skip it.
const feedsmith = () => createRequire(import.meta.url)("feedsmith") as typeof import("feedsmith");

export interface OpmlFeed {
  url: string;
  title: string;
}

interface Outline {
  text?: string;
  title?: string;
  xmlUrl?: string;
  outlines?: Outline[];
}

export function isOpml(text: string): boolean {
  return /^(?:\s|<\?xml[^>]*\?>|<!--[\s\S]*?-->)*<opml[\s>]/i.test(text.slice(0, 4096));
}

export function readOpml(text: string, source: string): OpmlFeed[] {
  let outlines: Outline[];
  try {
    outlines = (feedsmith().parseOpml(text) as { body?: { outlines?: Outline[] } }).body?.outlines ?? [];
  } catch (error) {
    throw new ShirabeError(`${source}: not a readable OPML file (${(error as Error).message})`, {
      code: "bad-opml",
      kind: "input",
      input: source,
      cause: error,
    });
  }
  const feeds: OpmlFeed[] = [];
  const walk = (list: Outline[]) => {
    for (const outline of list) {
      if (outline.xmlUrl?.trim()) {
        feeds.push({ url: outline.xmlUrl.trim(), title: outline.title ?? outline.text ?? outline.xmlUrl });
      }
      walk(outline.outlines ?? []);
    }
  };
  walk(outlines);
  return feeds;
}
