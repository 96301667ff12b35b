// Every fixture page, decoded and extracted, against its reviewed expected.json
// (regenerate with `npx tsx scripts/regen-expected.ts` and review the diff).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { decodePage } from "../../../src/stages/decode/decode-page.js";
import { extractArticle } from "../../../src/stages/extract/index.js";
import type { Block, Link } from "../../../src/types.js";
import { fixtureSlugs, loadFixturePage, PAGES_DIR } from "../../support/fixture-pages.js";

interface Expected {
  charset: string;
  charsetSource: string;
  title: string;
  siteName: string | null;
  author: string | null;
  publishedAt: string | null;
  lang: string | null;
  canonicalUrl: string | null;
  links: Link[];
  textStartsWith: string;
  textEndsWith: string;
  blockTypes: Block["type"][];
  mustContain: string[];
  mustNotContain: string[];
}

describe("golden fixture pages", () => {
  for (const slug of fixtureSlugs()) {
    describe(slug, () => {
      const path = join(PAGES_DIR, slug, "expected.json");

      it("has a reviewed expected.json with hand-picked sentences", () => {
        expect(existsSync(path)).toBe(true);
        const expected: Expected = JSON.parse(readFileSync(path, "utf8"));
        expect(expected.mustContain.length).toBeGreaterThan(0);
        expect(expected.mustNotContain.length).toBeGreaterThan(0);
      });
      if (!existsSync(path)) return;

      const expected: Expected = JSON.parse(readFileSync(path, "utf8"));
      const decoded = decodePage(loadFixturePage(slug));
      const article = extractArticle(decoded);

      it("decodes with the right charset, for the right reason", () => {
        expect({ charset: decoded.charset, charsetSource: decoded.charsetSource }).toEqual({
          charset: expected.charset,
          charsetSource: expected.charsetSource,
        });
        expect(article.text).not.toContain("\ufffd");
      });

      it("extracts title and metadata", () => {
        const { title, siteName, author, publishedAt, lang, canonicalUrl } = article;
        expect({ title, siteName, author, publishedAt, lang, canonicalUrl }).toEqual({
          title: expected.title,
          siteName: expected.siteName,
          author: expected.author,
          publishedAt: expected.publishedAt,
          lang: expected.lang,
          canonicalUrl: expected.canonicalUrl,
        });
      });

      it("keeps the article body and only the body", () => {
        expect(article.text.startsWith(expected.textStartsWith), article.text.slice(0, 120)).toBe(true);
        expect(article.text.endsWith(expected.textEndsWith), article.text.slice(-120)).toBe(true);
        for (const sentence of expected.mustContain) expect(article.text).toContain(sentence);
        for (const boilerplate of expected.mustNotContain) expect(article.text).not.toContain(boilerplate);
      });

      it("keeps the body's structure", () => {
        expect(article.blocks.map((block) => block.type)).toEqual(expected.blockTypes);
      });

      it("collects the links inside the body, absolute, and none from outside it", () => {
        expect(article.links).toEqual(expected.links);
      });
    });
  }
});
