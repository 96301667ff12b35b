// Regenerates test/fixtures/pages/<slug>/expected.json from what decode + extract produce today.
// Computed fields are refreshed; the hand-written ones (mustContain, mustNotContain) are kept.
// Review the result as a diff: a changed golden is either a fix or a regression, never noise.
// Run: npx tsx scripts/regen-expected.ts [slug…]

import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { decodePage } from "../src/stages/decode/index.js";
import { extractArticle } from "../src/stages/extract/index.js";
import { fixtureSlugs, loadFixturePage, PAGES_DIR } from "../test/support/fixture-pages.js";

/** How much of the text's start and end the golden pins down. */
const EDGE_CHARACTERS = 80;

function computed(slug: string) {
  const decoded = decodePage(loadFixturePage(slug));
  const article = extractArticle(decoded);
  return {
    charset: decoded.charset,
    charsetSource: decoded.charsetSource,
    title: article.title,
    siteName: article.siteName,
    author: article.author,
    publishedAt: article.publishedAt,
    lang: article.lang,
    canonicalUrl: article.canonicalUrl,
    links: article.links,
    textStartsWith: [...article.text].slice(0, EDGE_CHARACTERS).join(""),
    textEndsWith: [...article.text].slice(-EDGE_CHARACTERS).join(""),
    blockTypes: article.blocks.map((block) => block.type),
  };
}

const requested = process.argv.slice(2);
for (const slug of requested.length > 0 ? requested : fixtureSlugs()) {
  const path = join(PAGES_DIR, slug, "expected.json");
  const previous = existsSync(path) ? JSON.parse(readFileSync(path, "utf8")) : {};
  const fresh = computed(slug);
  const changed = Object.keys(fresh).filter(
    (key) => JSON.stringify(previous[key]) !== JSON.stringify(fresh[key as keyof typeof fresh]),
  );
  const expected = {
    ...fresh,
    mustContain: previous.mustContain ?? [],
    mustNotContain: previous.mustNotContain ?? [],
  };
  writeFileSync(path, `${JSON.stringify(expected, null, 2)}\n`);
  console.log(`${slug}: ${changed.length === 0 ? "unchanged" : `changed ${changed.join(", ")}`}`);
}
