import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SCHEMA_VERSION } from "../../../src/adapters/store/migrations.js";
import { defaultDataDir, openStore, type SqliteStore } from "../../../src/adapters/store/sqlite.js";
import { ShirabeError } from "../../../src/errors.js";
import type { RunRecord } from "../../../src/ports/store.js";
import type { Page, Report } from "../../../src/types.js";

let dir: string;
let path: string;
const opened: SqliteStore[] = [];

function open(busyTimeoutMs = 100): SqliteStore {
  const store = openStore({ path, busyTimeoutMs });
  opened.push(store);
  return store;
}

function closeAll(): void {
  for (const store of opened.splice(0)) {
    try {
      store.close();
    } catch {
      // Already closed by the test.
    }
  }
}

function failure(action: () => unknown): ShirabeError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(ShirabeError);
    return error as ShirabeError;
  }
  throw new Error("expected the store to fail");
}

function report(id: string, title: string, url: string, createdAt: string): Report {
  const claim = { text: "The council approved the budget.", passageIds: ["s0:0"] };
  return {
    id,
    lang: "en",
    engine: "extractive",
    createdAt,
    title,
    introduction: [{ claims: [claim] }],
    sections: [{ heading: "Budget", paragraphs: [{ claims: [claim] }], subsections: [] }],
    conclusion: [],
    references: [{ n: 1, sourceId: "s0", url, title }],
    original: { title, url },
    sources: [],
    passages: [
      { id: "s0:0", sourceId: "s0", text: claim.text, start: 0, end: claim.text.length, lang: "en" },
    ],
    grounding: { claims: 2, supported: 2, repaired: 0, dropped: 0 },
    failures: [],
  };
}

function run(id: string, reportValue: Report | null): RunRecord {
  return {
    id,
    input: reportValue?.original.url ?? "https://news.example.com/failed",
    startedAt: "2026-03-01T09:00:00.000Z",
    finishedAt: "2026-03-01T09:00:05.000Z",
    status: reportValue ? "done" : "failed",
    options: { lang: "en", depth: 1 },
    log: [{ at: "2026-03-01T09:00:01.000Z", stage: "fetch", level: "info", message: "fetched" }],
    report: reportValue,
  };
}

const PAGE: Page = {
  input: "https://news.example.com/a",
  url: "https://news.example.com/a?final",
  status: 200,
  headers: { etag: '"abc"', "content-type": "text/html; charset=shift_jis" },
  contentType: "text/html",
  body: Buffer.from([0x82, 0xa0, 0x00, 0xff, 0x3c]),
  fetchedAt: "2026-03-01T09:00:00.000Z",
  fromCache: false,
  redirects: ["https://news.example.com/old"],
};

function rawCount(table: string): number {
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "shirabe-store-"));
  path = join(dir, "data", "shirabe.db");
});

afterEach(() => {
  closeAll();
  rmSync(dir, { recursive: true, force: true });
});

describe("openStore: schema", () => {
  it("creates the folder and migrates a new file to the current schema in WAL mode", () => {
    open().close();
    const db = new Database(path, { readonly: true });
    try {
      expect(db.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
      expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
      const tables = db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .all()
        .map((row) => (row as { name: string }).name);
      expect(tables).toEqual(expect.arrayContaining(["pages", "reports", "runs"]));
    } finally {
      db.close();
    }
  });

  it("keeps pages, runs and reports across reopening", () => {
    const first = open();
    const saved = report("r1", "Budget approved", "https://news.example.com/a", "2026-03-01T09:00:05.000Z");
    first.saveRun(run("run1", saved));
    first.putPage("https://news.example.com/a", PAGE);
    first.close();

    const second = open();
    expect(second.getReport("r1")).toEqual(saved);
    const page = second.getPage("https://news.example.com/a");
    expect(page).toMatchObject({ ...PAGE, body: expect.anything(), fromCache: true });
    expect(Buffer.from(page?.body ?? []).equals(Buffer.from(PAGE.body))).toBe(true);
    expect(second.getPage("https://news.example.com/other")).toBeNull();
  });

  it("refuses a database written by a newer Shirabe", () => {
    open().close();
    const db = new Database(path);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    const error = failure(() => open());
    expect(error.code).toBe("store-too-new");
    expect(error.kind).toBe("store");
    expect(error.message).toContain(path);
    expect(error.message).toContain("upgrade Shirabe");
  });
});

describe("openStore: damaged and busy files", () => {
  it.each([
    ["random bytes", randomBytes(8192)],
    ["a text file", Buffer.from("these are my notes, not a database\n".repeat(50))],
  ])("reports %s as corrupt without overwriting it", (_name, content) => {
    open().close();
    rmSync(path);
    writeFileSync(path, content);
    const error = failure(() => open());
    expect(error.code).toBe("store-corrupt");
    expect(error.kind).toBe("store");
    expect(error.message).toContain(path);
    expect(error.message).toContain("move the file aside");
    expect(readFileSync(path).equals(content)).toBe(true);
  });

  it("reports a write lock held by another connection as locked, and still reads", () => {
    const store = open();
    store.saveRun(run("run1", report("r1", "Budget", "https://news.example.com/a", "2026-03-01T09:00:00Z")));
    const other = new Database(path);
    other.exec("BEGIN IMMEDIATE");
    try {
      const error = failure(() => store.saveRun(run("run2", null)));
      expect(error.code).toBe("store-locked");
      expect(error.kind).toBe("store");
      expect(error.retryable).toBe(true);
      expect(error.message).toContain(path);
      expect(store.getReport("r1")?.title).toBe("Budget");
      expect(failure(() => store.putPage("https://news.example.com/a", PAGE)).code).toBe("store-locked");
    } finally {
      other.exec("ROLLBACK");
      other.close();
    }
    store.saveRun(run("run2", null));
    expect(rawCount("runs")).toBe(2);
  });

  it("reports a write lock held by another process as locked", async () => {
    const store = open();
    // The child takes the write lock, says so, and holds it until its stdin closes.
    const holder = spawn(
      process.execPath,
      [
        "-e",
        `const db = new (require("better-sqlite3"))(process.argv[1]);
         db.exec("BEGIN IMMEDIATE"); process.stdout.write("locked\\n");
         process.stdin.on("end", () => { db.exec("ROLLBACK"); db.close(); }); process.stdin.resume();`,
        path,
      ],
      { cwd: process.cwd(), stdio: ["pipe", "pipe", "inherit"] },
    );
    await new Promise<void>((ready) => holder.stdout.once("data", () => ready()));
    try {
      const error = failure(() => store.saveRun(run("run-while-locked", null)));
      expect(error.code).toBe("store-locked");
      expect(error.message).toContain(path);
    } finally {
      const exited = new Promise((done) => holder.once("exit", done));
      holder.stdin.end();
      await exited;
    }
    store.saveRun(run("run-after-unlock", null));
    expect(rawCount("runs")).toBe(1);
  });

  it("reports a lock held while a new file needs migrating as locked", () => {
    const locker = new Database(join(dir, "fresh.db"));
    locker.exec("BEGIN IMMEDIATE");
    try {
      const error = failure(() => openStore({ path: join(dir, "fresh.db"), busyTimeoutMs: 100 }));
      expect(error.code).toBe("store-locked");
      expect(error.message).toContain("fresh.db");
    } finally {
      locker.exec("ROLLBACK");
      locker.close();
    }
  });
});

describe("ReportStore", () => {
  it("saves a run and its report in one transaction: a report that cannot be serialised leaves nothing", () => {
    const store = open();
    const broken = report(
      "r-bad",
      "Broken",
      "https://news.example.com/bad",
      "2026-03-01T09:00:00Z",
    ) as Report & {
      extra?: unknown;
    };
    broken.extra = 10n;
    const error = failure(() => store.saveRun(run("run-bad", broken)));
    expect(error.code).toBe("store-failed");
    expect(store.getReport("r-bad")).toBeNull();
    expect(rawCount("runs")).toBe(0);
    expect(rawCount("reports")).toBe(0);
  });

  it("keeps a failed run without a report", () => {
    const store = open();
    store.saveRun(run("run-failed", null));
    expect(rawCount("runs")).toBe(1);
    expect(store.listReports()).toEqual([]);
  });

  it("lists newest first, searches title and URL, limits and deletes", () => {
    const store = open();
    const reports = [
      report("r1", "Budget approved", "https://news.example.com/budget", "2026-03-01T09:00:00Z"),
      report("r2", "予算案が可決", "https://www.nikkei.example/article/123", "2026-03-03T09:00:00Z"),
      report(
        "r3",
        "Flood warnings 100% lifted",
        "https://weather.example.org/floods",
        "2026-03-02T09:00:00Z",
      ),
    ];
    reports.forEach((each, index) => {
      store.saveRun(run(`run${index}`, each));
    });

    expect(store.listReports().map((summary) => summary.id)).toEqual(["r2", "r3", "r1"]);
    expect(store.listReports()[0]).toEqual({
      id: "r2",
      title: "予算案が可決",
      lang: "en",
      engine: "extractive",
      createdAt: "2026-03-03T09:00:00Z",
      originalUrl: "https://www.nikkei.example/article/123",
    });
    expect(store.listReports({ query: "budget" }).map((summary) => summary.id)).toEqual(["r1"]);
    expect(store.listReports({ query: "予算" }).map((summary) => summary.id)).toEqual(["r2"]);
    expect(store.listReports({ query: "nikkei.example" }).map((summary) => summary.id)).toEqual(["r2"]);
    expect(store.listReports({ query: "100%" }).map((summary) => summary.id)).toEqual(["r3"]);
    expect(store.listReports({ query: "%" }).map((summary) => summary.id)).toEqual(["r3"]);
    expect(store.listReports({ query: "nothing like this" })).toEqual([]);
    expect(store.listReports({ limit: 2 }).map((summary) => summary.id)).toEqual(["r2", "r3"]);

    expect(store.deleteReport("r3")).toBe(true);
    expect(store.deleteReport("r3")).toBe(false);
    expect(store.getReport("r3")).toBeNull();
    expect(store.listReports().map((summary) => summary.id)).toEqual(["r2", "r1"]);
    // The run that made it (its input and log) goes with it; the others stay.
    expect(store.getRun("run2")).toBeNull();
    expect(store.getRun("run0")?.report?.id).toBe("r1");
    expect(rawCount("runs")).toBe(2);
  });
});

describe("defaultDataDir", () => {
  it("uses XDG_DATA_HOME when it is an absolute path", () => {
    expect(defaultDataDir({ XDG_DATA_HOME: "/data/xdg" }, "/home/ana")).toBe("/data/xdg/shirabe");
  });

  it("falls back to ~/.local/share when XDG_DATA_HOME is unset, empty or relative", () => {
    expect(defaultDataDir({}, "/home/ana")).toBe("/home/ana/.local/share/shirabe");
    expect(defaultDataDir({ XDG_DATA_HOME: "" }, "/home/ana")).toBe("/home/ana/.local/share/shirabe");
    expect(defaultDataDir({ XDG_DATA_HOME: "relative/dir" }, "/home/ana")).toBe(
      "/home/ana/.local/share/shirabe",
    );
  });
});
