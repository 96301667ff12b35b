// Syndicated copies of one wire story, served by the fixture site and read by the real pipeline stages,
// must become one source; a different article on the same topic and a translation must not.
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpClient, readArticle } from "../../../src/index.js";
import {
  containment,
  fingerprint,
  mergeNearDuplicates,
  nearDuplicateGroups,
} from "../../../src/stages/research/dedupe.js";
import type { Source } from "../../../src/types.js";
import { type FixtureSite, startFixtureSite } from "../../support/fixture-site.js";

const CLUSTER = resolve(import.meta.dirname, "../../fixtures/research/syndicated");
const SLUGS = [
  "wire-original",
  "reprint-herald",
  "other-angle",
  "reprint-daily",
  "ja-original",
  "ja-reprint",
];

describe("near-duplicate merging", () => {
  let site: FixtureSite;
  const articles = new Map<string, Source["article"]>();

  beforeAll(async () => {
    site = await startFixtureSite({ pagesDir: CLUSTER });
    const http = createHttpClient({ allowPrivateNetwork: true });
    for (const slug of SLUGS) {
      const { article } = await readArticle(`${site.url}/pages/${slug}`, { http });
      articles.set(slug, article);
    }
  });
  afterAll(() => site.close());

  const sourcesFrom = (slugs: string[], articleSlug?: string): Source[] =>
    slugs.map((slug, index) => ({
      id: `s${index}`,
      role: slug === articleSlug ? "article" : "cited",
      input: slug,
      article: articles.get(slug) as Source["article"],
    }));

  it("folds reprints into the earliest published copy and keeps distinct stories", () => {
    const { sources, merged } = mergeNearDuplicates(sourcesFrom(SLUGS));
    expect(sources.map((source) => source.input)).toEqual(["wire-original", "other-angle", "ja-original"]);
    expect(merged).toEqual([
      { kept: "s0", copies: ["reprint-herald", "reprint-daily"] },
      { kept: "s4", copies: ["ja-reprint"] },
    ]);
  });

  it("never drops the report's own article, even when it is the reprint", () => {
    const { sources } = mergeNearDuplicates(sourcesFrom(SLUGS, "reprint-daily"));
    expect(sources.map((source) => source.input)).toContain("reprint-daily");
    expect(sources.map((source) => source.input)).not.toContain("wire-original");
  });

  it("scores a shortened reprint as mostly contained and another article on the topic as not", () => {
    const text = (slug: string) => articles.get(slug)?.text ?? "";
    expect(
      containment(fingerprint(text("wire-original")), fingerprint(text("reprint-herald"))),
    ).toBeGreaterThan(0.8);
    expect(containment(fingerprint(text("wire-original")), fingerprint(text("other-angle")))).toBeLessThan(
      0.2,
    );
    expect(containment(fingerprint(text("ja-original")), fingerprint(text("wire-original")))).toBeLessThan(
      0.1,
    );
  });

  it("does not call two very short texts copies", () => {
    expect(nearDuplicateGroups(["Breaking news.", "Breaking news."])).toEqual([]);
    expect(nearDuplicateGroups([])).toEqual([]);
  });
});
