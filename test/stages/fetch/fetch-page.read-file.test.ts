import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ShirabeError } from "../../../src/errors.js";
import { readFilePage } from "../../../src/stages/fetch/fetch-page.js";

let dir: string;

async function failure(promise: Promise<unknown>): Promise<ShirabeError> {
  const error = await promise.then(
    () => new Error("expected reading to fail"),
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ShirabeError);
  return error as ShirabeError;
}

function write(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "shirabe-files-"));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("readFilePage", () => {
  it.each([
    ["article.html", "text/html"],
    ["article.HTM", "text/html"],
    ["article.xhtml", "application/xhtml+xml"],
    ["notes.md", "text/markdown"],
    ["notes.markdown", "text/markdown"],
    ["notes.txt", "text/plain"],
  ])("reads %s as %s", async (name, contentType) => {
    const path = write(name, "# Title\n\nSome text.\n");
    const page = await readFilePage(path);
    expect(page.contentType).toBe(contentType);
    expect(page.url).toBe(pathToFileURL(path).href);
    expect(page.input).toBe(path);
    expect(page.status).toBe(200);
    expect(page.headers).toEqual({});
    expect(page.fromCache).toBe(false);
    expect(Buffer.from(page.body).toString("utf8")).toBe("# Title\n\nSome text.\n");
  });

  it("gives a relative path an absolute file:// URL", async () => {
    write("relative.txt", "text");
    const relative = join(dir, "relative.txt").replace(`${process.cwd()}/`, "");
    const page = await readFilePage(relative);
    expect(page.url).toBe(pathToFileURL(join(dir, "relative.txt")).href);
  });

  it("sniffs a file with an unknown extension", async () => {
    const html = await readFilePage(
      write("saved.page", "\n  <!DOCTYPE html><html><body><p>Hi</p></body></html>"),
    );
    expect(html.contentType).toBe("text/html");
    const plain = await readFilePage(write("README", "Just some words.\n"));
    expect(plain.contentType).toBe("text/plain");
  });

  it("reads a PDF by its bytes, whatever its name says, and refuses binary files", async () => {
    expect((await readFilePage(write("paper.pdf", "%PDF-1.4\n%%EOF\n"))).contentType).toBe("application/pdf");
    // Content sniffing beats the extension: a PDF saved as .html is a PDF, not markup to extract.
    expect((await readFilePage(write("saved.html", "%PDF-1.4\n%%EOF\n"))).contentType).toBe(
      "application/pdf",
    );
    const binary = await failure(readFilePage(write("blob.bin", Buffer.from([0x00, 0x01, 0x02, 0x03]))));
    expect(binary.code).toBe("unsupported-content");
  });

  it("names a missing file and says to check the path", async () => {
    const path = join(dir, "missing.html");
    const error = await failure(readFilePage(path));
    expect(error.code).toBe("file-not-found");
    expect(error.kind).toBe("input");
    expect(error.message).toBe(`${path}: file not found; check the path`);
  });

  it("refuses a directory clearly", async () => {
    const folder = join(dir, "folder.html");
    mkdirSync(folder);
    const error = await failure(readFilePage(folder));
    expect(error.code).toBe("not-a-file");
    expect(error.kind).toBe("input");
    expect(error.message).toContain(folder);
  });

  it.skipIf(process.getuid?.() === 0)("names an unreadable file", async () => {
    const path = write("secret.html", "<p>secret</p>");
    chmodSync(path, 0o000);
    const error = await failure(readFilePage(path));
    expect(error.code).toBe("file-unreadable");
    expect(error.message).toContain("permission denied");
  });
});
