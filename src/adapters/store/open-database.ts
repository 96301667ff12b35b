// What every table group on the one SQLite file shares: opening and migrating it, and turning driver
// errors into messages that say what the user can do.
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { type ErrorCode, ShirabeError } from "../../errors.js";
import { migrate, SCHEMA_VERSION, schemaVersion } from "./migrations.js";
import { defineReportViewFunction } from "./report-view.js";

function sqliteCode(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" ? code : "";
}

/** Maps a driver error to what the user can do about it. */
function storeError(path: string, error: unknown): ShirabeError {
  if (error instanceof ShirabeError) return error;
  const code = sqliteCode(error);
  const detail = error instanceof Error ? error.message : String(error);
  const fail = (message: string, storeCode: ErrorCode, retryable = false) =>
    new ShirabeError(`${path}: ${message}`, {
      code: storeCode,
      kind: "store",
      input: path,
      retryable,
      cause: error,
    });
  if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) {
    return fail(
      "the database is locked by another process; wait for it to finish and try again",
      "store-locked",
      true,
    );
  }
  if (code === "SQLITE_NOTADB" || code.startsWith("SQLITE_CORRUPT") || error instanceof SyntaxError) {
    return fail(
      `the database is corrupt or not a Shirabe database (${detail}); move the file aside and run again to start a fresh one`,
      "store-corrupt",
    );
  }
  if (code.startsWith("SQLITE_CANTOPEN")) {
    return fail(
      "cannot open the database; check the path and its permissions or choose another --data-dir",
      "store-unavailable",
    );
  }
  if (code.startsWith("SQLITE_READONLY")) {
    return fail("the database is read-only; check the file's permissions", "store-readonly");
  }
  if (code === "SQLITE_FULL") return fail("the disk is full; free some space and try again", "store-full");
  if (code.startsWith("SQLITE_")) return fail(`database error: ${detail}`, "store-failed");
  // Not the database's fault: a record that cannot be stored (e.g. unserialisable) is a bug upstream.
  return new ShirabeError(`${path}: could not store the record: ${detail}`, {
    code: "store-failed",
    kind: "internal",
    input: path,
    cause: error,
  });
}

/** Opens (creating if needed) and migrates the database; every failure is a store error naming the file. */
export function openDatabase(path: string, busyTimeoutMs = 5_000): Database.Database {
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch (error) {
    throw new ShirabeError(`${path}: cannot create the folder for the database; choose another --data-dir`, {
      code: "store-unavailable",
      kind: "store",
      input: path,
      cause: error,
    });
  }
  let db: Database.Database | undefined;
  try {
    db = new Database(path);
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
    // Reading the version is the first access to the file, so a corrupt file fails here, before any write.
    const version = schemaVersion(db);
    if (version > SCHEMA_VERSION) {
      throw new ShirabeError(
        `${path}: the database has schema version ${version}, newer than this Shirabe understands (${SCHEMA_VERSION}); upgrade Shirabe or choose another --data-dir`,
        { code: "store-too-new", kind: "store", input: path },
      );
    }
    if (db.pragma("journal_mode", { simple: true }) !== "wal") db.pragma("journal_mode = WAL");
    db.pragma("foreign_keys = ON");
    defineReportViewFunction(db);
    migrate(db);
    // A migration that rewrote every report leaves those pages in the write-ahead log, where each read
    // must look them up; folding the log into the file once makes a listing of 1,000 ~40 % cheaper.
    // Best effort: with other readers open it checkpoints what it can and leaves the rest to SQLite.
    if (version < SCHEMA_VERSION) db.pragma("wal_checkpoint(TRUNCATE)");
    return db;
  } catch (error) {
    db?.close();
    throw storeError(path, error);
  }
}

/** Wraps store operations so a driver error surfaces as a store error naming the file. */
export function guardStore(path: string) {
  return <Args extends unknown[], Result>(action: (...args: Args) => Result) =>
    (...args: Args): Result => {
      try {
        return action(...args);
      } catch (error) {
        throw storeError(path, error);
      }
    };
}
