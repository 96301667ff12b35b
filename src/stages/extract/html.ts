// HTML → Article: read metadata from the intact page, strip boilerplate, find the article's container.
import { parseDocument } from "htmlparser2";
import type { Article, DecodedPage, Link } from "../../types.js";
import { buildBlocks, type SourcedBlock } from "./_blocks.js";
import { clean } from "./_clean.js";
import { collapse, findFirst } from "./_dom.js";
import { readMetadata } from "./_metadata.js";
import { chooseContainer, selectBlocks } from "./_select.js";
import { articleText, detectLang } from "./_text.js";

function uniqueLinks(blocks: SourcedBlock[], pageUrl: string): Link[] {
  const self = pageUrl.replace(/#.*$/, "");
  const seen = new Set<string>([self]);
  const links: Link[] = [];
  for (const block of blocks) {
    for (const link of block.links) {
      const key = link.url.replace(/#.*$/, "");
      if (seen.has(key)) continue;
      seen.add(key);
      links.push(link);
    }
  }
  return links;
}

export function extractHtml(page: DecodedPage): Article {
  const document = parseDocument(page.text, { decodeEntities: true, lowerCaseTags: true });
  const metadata = readMetadata(document, page.url);
  clean(document);
  const body = findFirst(document, (element) => element.name === "body");
  const all = body ? buildBlocks(body, metadata.baseUrl) : [];
  const container = chooseContainer(all);
  const titleKey = collapse(metadata.title).toLowerCase();
  const kept = (container ? selectBlocks(all, container) : []).filter(
    (block) => !(block.block.type === "heading" && block.block.text.toLowerCase() === titleKey),
  );
  const blocks = kept.map((block) => block.block);
  const text = articleText(blocks);
  return {
    url: page.url,
    canonicalUrl: metadata.canonicalUrl,
    title: metadata.title,
    siteName: metadata.siteName,
    author: metadata.author,
    publishedAt: metadata.publishedAt,
    lang: metadata.lang ?? detectLang(text || metadata.title),
    blocks,
    text,
    links: uniqueLinks(kept, page.url),
  };
}
