// `shirabe show <id> --format docx`: a stored report as a Word file — written with --out or to a redirected
// stdout, refused on a terminal where the bytes would be garbage.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { main } from "../../../src/cli/main.js";
import { runCli, tempDir } from "../../support/cli.js";

const EXAMPLE = resolve(import.meta.dirname, "../../../examples/china-ai/article.html");
const dataDir = tempDir();
const env = { SHIRABE_DATA_DIR: dataDir };
let id = "";
let title = "";

/** Runs the CLI in-process with a stdout that keeps bytes and says whether it is a terminal. */
async function runShow(args: string[], isTTY: boolean) {
  const chunks: Buffer[] = [];
  let stderr = "";
  const code = await main(args, {
    stdout: { write: (chunk: string | Uint8Array) => chunks.push(Buffer.from(chunk)), isTTY },
    stderr: { write: (text: string) => (stderr += text) },
    env: { HOME: tempDir(), ...env },
  });
  return { code, stdout: Buffer.concat(chunks), stderr };
}

/** The text of word/document.xml inside a .docx, read with the system's unzip. */
function documentXml(file: string): string {
  return execFileSync("unzip", ["-p", file, "word/document.xml"], { encoding: "utf8" });
}

function xmlText(xml: string): string {
  return xml
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

beforeAll(async () => {
  const made = await runCli(["report", EXAMPLE, "--quiet", "--json", "--out", join(dataDir, "r.md")], env);
  expect(made.code).toBe(0);
  id = JSON.parse(made.stdout).id;
  title = JSON.parse((await runCli(["show", id, "--format", "json"], env)).stdout).report.title;
  expect(title.length).toBeGreaterThan(0);
});

describe("shirabe show --format docx", () => {
  it("writes a .docx with --out: a zip whose word/document.xml holds the report's title", async () => {
    const out = join(dataDir, "report.docx");
    const result = await runCli(["show", id, "--format", "docx", "--out", out], env);
    expect(result.code).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString("latin1")).toBe("PK");
    expect(xmlText(documentXml(out))).toContain(title);
  });

  it("takes the format from --out's extension", async () => {
    const out = join(dataDir, "by-extension.docx");
    expect((await runCli(["show", id, "--out", out], env)).code).toBe(0);
    expect(xmlText(documentXml(out))).toContain(title);
  });

  it("writes the bytes to a redirected stdout", async () => {
    const result = await runShow(["show", id, "--format", "docx"], false);
    expect(result.code).toBe(0);
    const file = join(dataDir, "piped.docx");
    writeFileSync(file, result.stdout);
    expect(xmlText(documentXml(file))).toContain(title);
  });

  it("refuses to print a .docx on a terminal, with a usage error naming --out", async () => {
    const result = await runShow(["show", id, "--format", "docx"], true);
    expect(result.code).toBe(2);
    expect(result.stdout.length).toBe(0);
    expect(result.stderr).toMatch(/--format docx: .*binary.*--out <file>/);
  });
});
