// The local research corpus, kept in the same SQLite file as the page cache and reports (migration 2).
// Matching runs on NFKC-lower-cased text through a trigram FTS5 index, so Japanese and Chinese need no
// word segmenter; query terms shorter than a trigram (one or two kanji) are matched with LIKE instead.
import type Database from "better-sqlite3";
import type { CorpusHit, CorpusSearch, CorpusSearchOptions } from "../../ports/search.js";
import { bm25TermScore } from "../../text/bm25.js";
import { guardStore, openDatabase } from "./_database.js";

/** The trigram tokenizer indexes runs of 3 characters; shorter terms cannot use the index. */
const TRIGRAM = 3;
/** Short-term queries scan with LIKE; this many matching passages at most are scored. */
const MAX_SCAN_CANDIDATES = 5_000;

export interface CorpusDocumentInput {
  /** URL or absolute file path; adding the same location again replaces the document. */
  location: string;
  title: string;
  siteName: string | null;
  lang: string | null;
  publishedAt: string | null;
  /** e.g. "text/html", "application/pdf". */
  contentType: string;
  passages: Array<{ text: string; page?: number | null }>;
}

export interface CorpusDocument {
  id: number;
  location: string;
  title: string;
  siteName: string | null;
  lang: string | null;
  publishedAt: string | null;
  contentType: string;
  addedAt: string;
  passages: number;
}

export interface Corpus extends CorpusSearch {
  /** Adds or replaces a document with its passages in one transaction. */
  addDocument(document: CorpusDocumentInput, now?: Date): { id: number; replaced: boolean };
  listDocuments(): CorpusDocument[];
  /** By location or numeric id; true when something was removed. */
  removeDocument(locationOrId: string): boolean;
  close(): void;
}

interface DocumentRow {
  id: number;
  location: string;
  title: string;
  site_name: string | null;
  lang: string | null;
  published_at: string | null;
  content_type: string;
  added_at: string;
  passages: number;
}

interface HitRow {
  location: string;
  title: string;
  text: string;
  folded: string;
  position: number;
  page: number | null;
  rank: number;
}

/** The form both passages and queries are matched in: full-width ASCII to half-width, lower case. */
export function foldForSearch(text: string): string {
  return text.normalize("NFKC").toLowerCase();
}

export function openCorpus(options: { path: string; busyTimeoutMs?: number }): Corpus {
  return corpusOn(openDatabase(options.path, options.busyTimeoutMs), options.path);
}

function corpusOn(db: Database.Database, path: string): Corpus {
  const guarded = guardStore(path);

  const findDocument = db.prepare<[string], { id: number }>(
    "SELECT id FROM corpus_documents WHERE location = ?",
  );
  const insertDocument = db.prepare(
    `INSERT INTO corpus_documents (location, title, site_name, lang, published_at, content_type, added_at)
     VALUES (@location, @title, @siteName, @lang, @publishedAt, @contentType, @addedAt)`,
  );
  const updateDocument = db.prepare(
    `UPDATE corpus_documents SET title = @title, site_name = @siteName, lang = @lang,
       published_at = @publishedAt, content_type = @contentType, added_at = @addedAt WHERE id = @id`,
  );
  const insertPassage = db.prepare(
    "INSERT INTO corpus_passages (document_id, position, page, text, folded) VALUES (?, ?, ?, ?, ?)",
  );
  // Explicit, not left to ON DELETE CASCADE, so the FTS delete trigger sees every removed row.
  const deletePassages = db.prepare("DELETE FROM corpus_passages WHERE document_id = ?");
  const deleteDocument = db.prepare("DELETE FROM corpus_documents WHERE id = ?");
  const selectDocuments = db.prepare<[], DocumentRow>(
    `SELECT d.id, d.location, d.title, d.site_name, d.lang, d.published_at, d.content_type, d.added_at,
       (SELECT COUNT(*) FROM corpus_passages p WHERE p.document_id = d.id) AS passages
     FROM corpus_documents d ORDER BY d.added_at DESC, d.id DESC`,
  );

  const add = db.transaction((document: CorpusDocumentInput, now: Date) => {
    const existing = findDocument.get(document.location);
    const fields = {
      location: document.location,
      title: document.title,
      siteName: document.siteName,
      lang: document.lang,
      publishedAt: document.publishedAt,
      contentType: document.contentType,
      addedAt: now.toISOString(),
    };
    let id: number;
    if (existing) {
      id = existing.id;
      deletePassages.run(id);
      updateDocument.run({ ...fields, id });
    } else {
      id = Number(insertDocument.run(fields).lastInsertRowid);
    }
    document.passages.forEach((passage, position) => {
      insertPassage.run(id, position, passage.page ?? null, passage.text, foldForSearch(passage.text));
    });
    return { id, replaced: existing !== undefined };
  });

  const remove = db.transaction((locationOrId: string) => {
    const byLocation = findDocument.get(locationOrId);
    const id = byLocation?.id ?? (/^\d+$/.test(locationOrId) ? Number(locationOrId) : null);
    if (id === null) return false;
    deletePassages.run(id);
    return deleteDocument.run(id).changes > 0;
  });

  function search(query: string, limit: number, any: boolean): CorpusHit[] {
    const terms = [...new Set(foldForSearch(query).split(/\s+/).filter(Boolean))];
    if (terms.length === 0) return [];
    const indexed = terms.filter((term) => [...term].length >= TRIGRAM);
    const short = terms.filter((term) => [...term].length < TRIGRAM);
    // With "any", short terms only count when there is no longer one to use the index for.
    const filters = any && indexed.length > 0 ? [] : short;
    const likeClauses = filters.map(() => "p.folded LIKE ? ESCAPE '\\'");
    const likeArgs = filters.map((term) => `%${term.replace(/[\\%_]/g, (char) => `\\${char}`)}%`);
    const columns = "d.location, d.title, p.text, p.folded, p.position, p.page";
    if (indexed.length > 0) {
      const match = indexed.map((term) => `"${term.replaceAll('"', '""')}"`).join(any ? " OR " : " AND ");
      const rows = db
        .prepare<unknown[], HitRow>(
          `SELECT ${columns}, bm25(corpus_fts) AS rank FROM corpus_fts
           JOIN corpus_passages p ON p.id = corpus_fts.rowid JOIN corpus_documents d ON d.id = p.document_id
           WHERE corpus_fts MATCH ? ${likeClauses.map((clause) => `AND ${clause}`).join(" ")}
           ORDER BY rank LIMIT ?`,
        )
        .all(match, ...likeArgs, limit);
      // bm25() is lower-is-better; hits report higher-is-better.
      return rows.map((row) => toHit(row, -row.rank));
    }
    const rows = db
      .prepare<unknown[], HitRow>(
        `SELECT ${columns}, 0 AS rank FROM corpus_passages p JOIN corpus_documents d ON d.id = p.document_id
         WHERE ${likeClauses.join(any ? " OR " : " AND ")} LIMIT ?`,
      )
      .all(...likeArgs, MAX_SCAN_CANDIDATES);
    return scoreShortMatches(rows, short).slice(0, limit);
  }

  return {
    addDocument: guarded((document: CorpusDocumentInput, now: Date = new Date()) => add(document, now)),
    listDocuments: guarded(() =>
      selectDocuments.all().map((row) => ({
        id: row.id,
        location: row.location,
        title: row.title,
        siteName: row.site_name,
        lang: row.lang,
        publishedAt: row.published_at,
        contentType: row.content_type,
        addedAt: row.added_at,
        passages: row.passages,
      })),
    ),
    removeDocument: guarded((locationOrId: string) => remove(locationOrId)),
    searchCorpus: guarded((query: string, searchOptions: CorpusSearchOptions = {}) =>
      search(query, Math.max(1, searchOptions.limit ?? 10), searchOptions.match === "any"),
    ),
    close: guarded(() => {
      db.close();
    }),
  };
}

function toHit(row: HitRow, score: number): CorpusHit {
  return {
    location: row.location,
    title: row.title,
    passage: row.text,
    position: row.position,
    page: row.page,
    score,
  };
}

/**
 * BM25 over the candidates a LIKE scan found, so one- and two-character queries rank like longer ones:
 * more occurrences in a shorter passage first, rarer terms weigh more.
 */
function scoreShortMatches(rows: HitRow[], terms: string[]): CorpusHit[] {
  if (rows.length === 0) return [];
  const lengths = rows.map((row) => [...row.folded].length);
  const averageLength = lengths.reduce((sum, length) => sum + length, 0) / rows.length;
  const counts = rows.map((row) => terms.map((term) => row.folded.split(term).length - 1));
  const scored = rows.map((row, index) => {
    const length = lengths[index] ?? averageLength;
    const score = terms.reduce((sum, _term, termIndex) => {
      const frequency = counts[index]?.[termIndex] ?? 0;
      return sum + bm25TermScore(frequency, length, averageLength);
    }, 0);
    return toHit(row, score);
  });
  return scored.sort((a, b) => b.score - a.score || a.location.localeCompare(b.location));
}
