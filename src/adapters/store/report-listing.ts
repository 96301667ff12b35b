// Listing, searching and reading reports as readers are sent them: from the stored UTF-8 JSON of each
// report's list entry and view (report-view.ts, migration 8), so nothing is parsed or re-encoded. The
// unfiltered list reads an index alone (created_at, summary); a search also reads titles and addresses.
import type Database from "better-sqlite3";
import type { EncodedReport, ListReportsOptions } from "../../ports/store.js";
import type { ReportSearch } from "./report-search.js";

interface ViewRow {
  title: string;
  lang: string;
  engine: string;
  created_at: string;
  original_url: string;
  view: Buffer;
}

export interface ReportListing {
  /** The entries as one UTF-8 JSON array. */
  list(options: ListReportsOptions): Buffer;
  get(id: string): EncodedReport | null;
}

const COMMA = Buffer.from(",");
const EMPTY = Buffer.alloc(0);

/** `[a,b,…]` of encoded JSON values. */
function jsonArray(items: readonly Buffer[]): Buffer {
  const parts: Buffer[] = [Buffer.from("[")];
  items.forEach((item, index) => {
    if (index > 0) parts.push(COMMA);
    parts.push(item);
  });
  parts.push(Buffer.from("]"));
  return Buffer.concat(parts);
}

/** A list entry with the search snippet as its first field. */
function withSnippet(summary: Buffer, snippet: string): Buffer {
  return Buffer.concat([Buffer.from(`{"snippet":${JSON.stringify(snippet)},`), summary.subarray(1)]);
}

export function reportListingOn(db: Database.Database, search: ReportSearch): ReportListing {
  // Joined by SQLite into one value (a thousand Buffers cost more than the query). group_concat takes the
  // rows in the order the subquery yields them; the store's tests check that order.
  const selectRecent = db
    .prepare<[number], Buffer | null>(
      `SELECT CAST(group_concat(summary, ',') AS BLOB) FROM
         (SELECT summary FROM reports ORDER BY created_at DESC, rowid DESC LIMIT ?)`,
    )
    .pluck();
  const selectMatching = db.prepare<
    { pattern: string; ids: string; limit: number },
    { id: string; summary: Buffer }
  >(
    `SELECT id, summary FROM reports
     WHERE title LIKE @pattern ESCAPE '\\' OR original_url LIKE @pattern ESCAPE '\\'
       OR id IN (SELECT value FROM json_each(@ids))
     ORDER BY created_at DESC, rowid DESC LIMIT @limit`,
  );
  const selectView = db.prepare<[string], ViewRow>(
    "SELECT title, lang, engine, created_at, original_url, view FROM reports WHERE id = ?",
  );
  return {
    list(options) {
      const query = options.query?.trim() ?? "";
      const limit = options.limit ?? -1;
      if (query === "")
        return Buffer.concat([Buffer.from("["), selectRecent.get(limit) ?? EMPTY, Buffer.from("]")]);
      const pattern = `%${query.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
      // Title and address by LIKE, the text through the full-text index; a hit there carries a snippet.
      const found = options.fullText ? search.find(query) : new Map<string, string>();
      const rows = selectMatching.all({ pattern, ids: JSON.stringify([...found.keys()]), limit });
      return jsonArray(
        rows.map((row) => {
          const snippet = found.get(row.id);
          return snippet === undefined ? row.summary : withSnippet(row.summary, snippet);
        }),
      );
    },
    get(id) {
      const row = selectView.get(id);
      if (!row) return null;
      return {
        summary: {
          id,
          title: row.title,
          lang: row.lang,
          engine: row.engine,
          createdAt: row.created_at,
          originalUrl: row.original_url,
        },
        view: row.view,
      };
    },
  };
}
