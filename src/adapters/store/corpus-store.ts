// The local research corpus, kept in the same SQLite file as the page cache and reports (migration 2).
// Matching runs on NFKC-lower-cased text through a trigram FTS5 index, so Japanese and Chinese need no
// word segmenter; when a query has no term of three characters (one or two kanji) passages are scanned
// with LIKE instead. The query is parsed in corpus-query.ts and the passages found ranked in
// corpus-ranking.ts.
import type Database from "better-sqlite3";
import type { CorpusHit, CorpusSearch, CorpusSearchOptions } from "../../ports/search.js";
import { foldForSearch, parseCorpusQuery, type QueryTerm, TRIGRAM } from "./corpus-query.js";
import { type Candidate, type HitRow, rankCandidates, toHit } from "./corpus-ranking.js";
import { guardStore, openDatabase } from "./open-database.js";

/**
 * Passages scored per query at most. The index finds candidates in storage order, so past this many a
 * very common term's later passages are not seen; the cap keeps a query on a large corpus well under
 * 50 ms.
 */
const MAX_CANDIDATES = 2_000;

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

/** A stored document as listed: what was added, with its id, when, and how many passages it has. */
export interface CorpusDocument extends Omit<CorpusDocumentInput, "passages"> {
  id: number;
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
    passageCount = null;
    return { id, replaced: existing !== undefined };
  });

  const remove = db.transaction((locationOrId: string) => {
    const byLocation = findDocument.get(locationOrId);
    const id = byLocation?.id ?? (/^\d+$/.test(locationOrId) ? Number(locationOrId) : null);
    if (id === null) return false;
    deletePassages.run(id);
    passageCount = null;
    return deleteDocument.run(id).changes > 0;
  });

  const countPassages = db.prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM corpus_passages");
  // The corpus size (for IDF) changes only when documents do, so it is counted once per change.
  let passageCount: number | null = null;

  function candidates(sql: string, args: unknown[]): Candidate[] {
    return db.prepare<unknown[], Candidate>(sql).all(...args);
  }
  const selectHit = db.prepare<[number], HitRow>(
    `SELECT p.id, d.location, d.title, p.text, p.position, p.page
     FROM corpus_passages p JOIN corpus_documents d ON d.id = p.document_id WHERE p.id = ?`,
  );

  function search(query: string, limit: number, all: boolean): CorpusHit[] {
    const parsed = parseCorpusQuery(query);
    if (parsed.phrases.length === 0 && parsed.terms.length === 0) return [];
    const required = all ? [...parsed.phrases, ...parsed.terms] : parsed.phrases;
    const optional = all ? [] : parsed.terms;
    const indexed = (terms: QueryTerm[]) => terms.filter((term) => [...term.match].length >= TRIGRAM);
    const short = (terms: QueryTerm[]) => terms.filter((term) => [...term.match].length < TRIGRAM);
    const like = (terms: QueryTerm[], joiner: string) => ({
      sql: terms.map(() => "p.folded LIKE ? ESCAPE '\\'").join(joiner),
      args: terms.map((term) => `%${term.match.replace(/[\\%_]/g, (char) => `\\${char}`)}%`),
    });
    const mustHave = like(short(required), " AND ");
    const columns = "p.id, p.folded";
    const fromFts =
      "FROM corpus_fts JOIN corpus_passages p ON p.id = corpus_fts.rowid WHERE corpus_fts MATCH ?";
    const extra = mustHave.sql ? ` AND ${mustHave.sql}` : "";
    const found = new Map<number, Candidate>();
    const keep = (rows: Candidate[]) => {
      for (const row of rows) found.set(row.id, row);
    };
    const indexedRequired = indexed(required);
    const indexedOptional = indexed(optional);
    if (indexedRequired.length + indexedOptional.length > 0) {
      // Passages with every indexed term first; only when they are too few, those with some of them.
      const every = [...indexedRequired, ...indexedOptional].map(ftsString).join(" AND ");
      keep(
        candidates(`SELECT ${columns} ${fromFts}${extra} LIMIT ?`, [every, ...mustHave.args, MAX_CANDIDATES]),
      );
      if (found.size < limit && indexedOptional.length > 1) {
        const some = `(${indexedOptional.map(ftsString).join(" OR ")})`;
        const match = [...indexedRequired.map(ftsString), some].join(" AND ");
        keep(
          candidates(`SELECT ${columns} ${fromFts}${extra} LIMIT ?`, [
            match,
            ...mustHave.args,
            MAX_CANDIDATES,
          ]),
        );
      }
    }
    const shortOptional = short(optional);
    const noIndex = indexedRequired.length + indexedOptional.length === 0;
    if (noIndex || (found.size < limit && shortOptional.length > 0)) {
      // One or two kanji cannot use the index: a scan, which any one of them lets a passage pass. With
      // longer terms it runs only when they found too little.
      const every = like(required, " AND ");
      const anyOf = like(shortOptional, " OR ");
      const where = [every.sql, anyOf.sql && `(${anyOf.sql})`].filter(Boolean).join(" AND ");
      keep(
        candidates(`SELECT ${columns} FROM corpus_passages p WHERE ${where} LIMIT ?`, [
          ...every.args,
          ...anyOf.args,
          MAX_CANDIDATES,
        ]),
      );
    }
    passageCount ??= countPassages.get()?.n ?? 0;
    return rankCandidates([...found.values()], parsed, passageCount, limit).flatMap(({ id, score }) => {
      const row = selectHit.get(id);
      return row ? [toHit(row, score, parsed)] : [];
    });
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
      search(query, Math.max(1, searchOptions.limit ?? 10), searchOptions.match === "all"),
    ),
    close: guarded(() => {
      db.close();
    }),
  };
}

/** A term or phrase as an FTS5 string: quoted, so its characters are never query syntax. */
function ftsString(term: QueryTerm): string {
  return `"${term.match.replaceAll('"', '""')}"`;
}
