// Loads the extraction sets: gzipped pages as served (decoded by the decode stage), plus their article
// bodies. The Zyte dev half (91 pages) and the wide dev set (2,522 pages from eleven data sets) share one
// layout; the wide set's ground truth also names each page's data set and language.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { gunzipSync } from "node:zlib";
import { decodePage } from "../../src/stages/decode/index.js";
import type { DecodedPage, Page } from "../../src/types.js";

/** The sets sit in shared/, beside the repository (a worktree one level deeper finds it one further up). */
const SHARED =
  [
    resolve(import.meta.dirname, "../../../shared/bench"),
    resolve(import.meta.dirname, "../../../../shared/bench"),
  ].find((dir) => existsSync(dir)) ?? resolve(import.meta.dirname, "../../../shared/bench");

export const DEV_SET = process.env.SHIRABE_EXTRACTION_SET ?? join(SHARED, "extraction-dev");
export const WIDE_SET = process.env.SHIRABE_EXTRACTION_WIDE_SET ?? join(SHARED, "extraction-wide-dev");

export interface BenchPage {
  id: string;
  page: DecodedPage;
  truth: string;
  /** "zyte" for the Zyte set; the wide set's own data-set name otherwise. */
  dataset: string;
  /** Language of the ground truth as the set records it ("" where it does not). */
  lang: string;
  /** Which half of our own split the page falls in (see `halfOf`). */
  half: Half;
}

export type Half = "tune" | "check";

/**
 * Our split of the dev pages, by a hash of the page id: rules are tuned on one half and confirmed on the
 * other, so a gain that only fits the tuned pages shows up as a gap between the two.
 */
export function halfOf(id: string): Half {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % 2 === 0 ? "tune" : "check";
}

interface TruthEntry {
  articleBody: string;
  url: string;
  lang?: string;
  dataset?: string;
}

export function loadPages(dir = DEV_SET, dataset = "zyte"): BenchPage[] {
  const truth = JSON.parse(readFileSync(join(dir, "ground-truth.json"), "utf8")) as Record<
    string,
    TruthEntry
  >;
  const files = new Set(readdirSync(join(dir, "html")));
  return Object.entries(truth)
    .filter(([id]) => files.has(`${id}.html.gz`))
    .map(([id, entry]) => {
      const raw: Page = {
        input: entry.url,
        url: entry.url,
        status: 200,
        headers: {},
        contentType: "text/html",
        body: gunzipSync(readFileSync(join(dir, "html", `${id}.html.gz`))),
        fetchedAt: new Date(0).toISOString(),
        fromCache: false,
        redirects: [],
      };
      return {
        id,
        page: decodePage(raw),
        truth: entry.articleBody,
        dataset: entry.dataset ?? dataset,
        lang: entry.lang ?? "",
        half: halfOf(id),
      };
    });
}

/** The wide set, or none where it is not present. */
export function loadWidePages(dir = WIDE_SET): BenchPage[] {
  return existsSync(dir) ? loadPages(dir, "wide") : [];
}

/** Peer extractors' published outputs, keyed by peer name then page id. */
export function loadPeers(dir = DEV_SET): Record<string, Record<string, string>> {
  const peers: Record<string, Record<string, string>> = {};
  for (const file of readdirSync(dir)) {
    const match = /^peer-(.+)\.json$/.exec(file);
    if (!match?.[1]) continue;
    const data = JSON.parse(readFileSync(join(dir, file), "utf8")) as {
      output: Record<string, { articleBody?: string | null }>;
    };
    peers[match[1]] = Object.fromEntries(
      Object.entries(data.output).map(([id, o]) => [id, o.articleBody ?? ""]),
    );
  }
  return peers;
}
