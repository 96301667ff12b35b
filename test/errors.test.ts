import { describe, expect, it } from "vitest";
import { ERROR_CODES, type ErrorCode, isErrorCode, ShirabeError } from "../src/errors.js";
import { runCli, tempDir } from "./support/cli.js";

/** A caller's switch over the codes: the compiler proves it total, so a code added later is handled. */
function advice(code: ErrorCode): "fix-input" | "retry" | "other" {
  switch (code) {
    case "timeout":
    case "dns":
    case "unreachable":
    case "network":
      return "retry";
    case "file-not-found":
    case "invalid-url":
      return "fix-input";
    default:
      return "other";
  }
}

describe("error codes", () => {
  it("are one closed set: a misspelt code does not compile", () => {
    // @ts-expect-error "bad-opton" is not an ErrorCode; tsc (npm test) fails if this line compiles.
    const misspelt = new ShirabeError("x", { code: "bad-opton", kind: "usage" });
    expect(isErrorCode(misspelt.code)).toBe(false);
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
    expect(advice("dns")).toBe("retry");
  });

  it("reach the user unchanged in the CLI's JSON failures", async () => {
    const missing = `${tempDir()}/no-such-article.html`;
    const result = await runCli(["extract", missing, "--json", "--no-cache"]);
    const line = JSON.parse(result.stdout.trim()) as { ok: boolean; error: { code: string } };
    expect(line.ok).toBe(false);
    expect(isErrorCode(line.error.code)).toBe(true);
    expect(advice(line.error.code as ErrorCode)).toBe("fix-input");
  });
});
