// Loads the extraction dev set: gzipped pages as served (decoded by the decode stage), plus hand-checked
// article bodies.
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { gunzipSync } from "node:zlib";
import { decodePage } from "../../src/stages/decode/index.js";
import type { DecodedPage, Page } from "../../src/types.js";

/** The dev set sits in shared/, beside the repository (as on developers' machines and in CI). */
export const DEV_SET =
  process.env.SHIRABE_EXTRACTION_SET ?? resolve(import.meta.dirname, "../../../shared/bench/extraction-dev");

export interface BenchPage {
  id: string;
  page: DecodedPage;
  truth: string;
}

export function loadPages(dir = DEV_SET): BenchPage[] {
  const truth = JSON.parse(readFileSync(join(dir, "ground-truth.json"), "utf8")) as Record<
    string,
    { articleBody: string; url: string }
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
      return { id, page: decodePage(raw), truth: entry.articleBody };
    });
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
