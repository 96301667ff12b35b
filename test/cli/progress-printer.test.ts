// Progress as a user sees it: a live line on a terminal, plain lines in a pipe, nothing with --quiet.
import { describe, expect, it } from "vitest";
import { createProgressPrinter, progressMode } from "../../src/cli/progress-printer.js";
import type { ProgressEvent } from "../../src/index.js";

const run: ProgressEvent[] = [
  { type: "stage-start", stage: "sources", total: 2 },
  { type: "source", input: "https://a.example/", ok: true },
  { type: "source", input: "https://b.example/", ok: false, message: "https://b.example/: HTTP 404" },
  { type: "stage-done", stage: "sources", counts: { ok: 1, failed: 1 } },
];

const writing: ProgressEvent[] = [
  { type: "stage-start", stage: "write" },
  { type: "citations", final: false, claims: 4, supported: 3, repaired: 1, dropped: 0 },
  { type: "section", heading: "電力と計算資源", done: 1, total: 3 },
  { type: "citations", final: false, claims: 9, supported: 7, repaired: 1, dropped: 1 },
  { type: "section", heading: "地方政府の補助", done: 2, total: 3 },
  { type: "section", heading: "introduction", framing: "introduction", done: 3, total: 3 },
  { type: "stage-done", stage: "write", counts: { sections: 2 } },
  { type: "stage-start", stage: "cite" },
  { type: "citations", final: true, claims: 9, supported: 6, repaired: 2, dropped: 1 },
  { type: "stage-done", stage: "cite", counts: { claims: 9, references: 5 } },
];

function print(mode: ReturnType<typeof progressMode>, events = run): string {
  let text = "";
  const printer = createProgressPrinter(mode, { write: (chunk: string) => (text += chunk) });
  for (const event of events) printer(event);
  return text;
}

describe("progress", () => {
  it("chooses live on a TTY, plain otherwise, quiet when asked", () => {
    expect(progressMode({ isTTY: true })).toBe("live");
    expect(progressMode({ isTTY: false })).toBe("plain");
    expect(progressMode({ isTTY: true, quiet: true })).toBe("quiet");
  });

  it("prints plain lines without terminal control codes", () => {
    expect(print("plain")).toBe("  source failed: https://b.example/: HTTP 404\nsources: 1 ok, 1 failed\n");
  });

  it("redraws one live line with counts on a terminal", () => {
    const text = print("live");
    expect(text).toContain("\r\x1b[2Ksources 1/2 https://a.example/");
    expect(text).toContain("\r\x1b[2Ksources 2/2 https://b.example/");
    expect(text.endsWith("\r\x1b[2Ksources: 1 ok, 1 failed\n")).toBe(true);
  });

  it("prints nothing when quiet", () => {
    expect(print("quiet")).toBe("");
    expect(print("quiet", writing)).toBe("");
  });

  it("shows each section on the live line while writing, and the claims checked as a line", () => {
    const text = print("live", writing);
    expect(text).toContain("\r\x1b[2Kwrite 1/3 電力と計算資源");
    expect(text).toContain("\r\x1b[2Kwrite 2/3 地方政府の補助");
    expect(text).toContain("\r\x1b[2Kwrite 3/3 introduction");
    expect(text).toContain("\r\x1b[2Kwrite: 9 claims checked, 1 dropped");
    expect(text).toContain("\r\x1b[2K  claims checked: 6 supported, 2 repaired, 1 dropped\n");
    expect(text.endsWith("\r\x1b[2Kcitations: 9 claims, 5 references\n")).toBe(true);
  });

  it("keeps logs short: in a pipe, sections are not listed, only the final counts", () => {
    expect(print("plain", writing)).toBe(
      "write: 2 sections\n  claims checked: 6 supported, 2 repaired, 1 dropped\ncitations: 9 claims, 5 references\n",
    );
  });
});

describe("research progress", () => {
  it("prints the queries made and sources found, and nothing for an offline run", () => {
    let text = "";
    const printer = createProgressPrinter("plain", { write: (chunk: string) => (text += chunk) });
    printer({ type: "research", queries: 0, found: 0 });
    expect(text).toBe("");
    printer({ type: "research", queries: 4, found: 11 });
    expect(text).toBe("research: 4 queries, 11 found\n");
  });
});
