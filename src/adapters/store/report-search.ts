// Full-text search over stored reports: a trigram FTS5 index (like the corpus's, so Japanese needs no
// word segmenter) over each report's title and sentences, folded like corpus text. Terms shorter than a
// trigram fall back to LIKE over the same folded text.
import type Database from "better-sqlite3";
import type { Report } from "../../types.js";
import { foldForSearch, TRIGRAM } from "./corpus-query.js";

/** The folded text a report is found by: its title and every sentence of its body. */
function searchableText(report: Report): string {
  const paragraphs = [
    ...report.introduction,
    ...report.sections.flatMap((section) => [
      ...section.paragraphs,
      ...section.subsections.flatMap((sub) => sub.paragraphs),
    ]),
    ...report.conclusion,
  ];
  const headings = report.sections.flatMap((section) => [
    section.heading,
    ...section.subsections.map((s) => s.heading),
  ]);
  const sentences = paragraphs.flatMap((paragraph) => paragraph.claims.map((claim) => claim.text));
  return foldForSearch([report.title, ...headings, ...sentences].join("\n"));
}

export interface ReportSearch {
  index(report: Report): void;
  unindex(id: string): void;
  /** Ids of the reports whose text holds every term, each with a snippet around the first match. */
  find(query: string): Map<string, string>;
}

export function reportSearchOn(db: Database.Database): ReportSearch {
  const remove = db.prepare("DELETE FROM report_search WHERE report_id = ?");
  const insert = db.prepare("INSERT INTO report_search (report_id, folded) VALUES (?, ?)");
  // A query's statement depends only on how many short terms it has; preparing costs more than an FTS hit.
  const statements = new Map<
    string,
    Database.Statement<unknown[], { report_id: string; snippet?: string; folded?: string }>
  >();
  const prepared = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
  return {
    index(report) {
      remove.run(report.id);
      insert.run(report.id, searchableText(report));
    },
    unindex(id) {
      remove.run(id);
    },
    find(query) {
      const terms = [...new Set(foldForSearch(query).split(/\s+/).filter(Boolean))];
      if (terms.length === 0) return new Map();
      const indexed = terms.filter((term) => [...term].length >= TRIGRAM);
      const short = terms.filter((term) => [...term].length < TRIGRAM);
      const likes = short.map(() => "folded LIKE ? ESCAPE '\\'");
      const likeArgs = short.map((term) => `%${term.replace(/[\\%_]/g, (char) => `\\${char}`)}%`);
      if (indexed.length > 0) {
        const match = indexed.map((term) => `"${term.replaceAll('"', '""')}"`).join(" AND ");
        const rows = prepared(
          `SELECT report_id, snippet(report_search, 1, '', '', '…', 12) AS snippet FROM report_search
             WHERE report_search MATCH ? ${likes.map((clause) => `AND ${clause}`).join(" ")}`,
        ).all(match, ...likeArgs);
        return new Map(rows.map((row) => [row.report_id, row.snippet ?? ""]));
      }
      const rows = prepared(`SELECT report_id, folded FROM report_search WHERE ${likes.join(" AND ")}`).all(
        ...likeArgs,
      );
      return new Map(rows.map((row) => [row.report_id, around(row.folded ?? "", short[0] as string)]));
    },
  };
}

/** A few characters either side of the first occurrence of `term`. */
function around(text: string, term: string): string {
  const at = text.indexOf(term);
  const start = Math.max(0, at - 20);
  return `${start > 0 ? "…" : ""}${text.slice(start, at + term.length + 20).replace(/\s+/g, " ")}…`;
}
