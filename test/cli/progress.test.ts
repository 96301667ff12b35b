// Progress as a user sees it: a live line on a terminal, plain lines in a pipe, nothing with --quiet.
import { describe, expect, it } from "vitest";
import { createProgressPrinter, progressMode } from "../../src/cli/progress.js";
import type { ProgressEvent } from "../../src/index.js";

const run: ProgressEvent[] = [
  { type: "stage-start", stage: "sources", total: 2 },
  { type: "source", input: "https://a.example/", ok: true },
  { type: "source", input: "https://b.example/", ok: false, message: "https://b.example/: HTTP 404" },
  { type: "stage-done", stage: "sources", counts: { ok: 1, failed: 1 } },
];

function print(mode: ReturnType<typeof progressMode>): string {
  let text = "";
  const printer = createProgressPrinter(mode, { write: (chunk: string) => (text += chunk) });
  for (const event of run) printer(event);
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
  });
});
