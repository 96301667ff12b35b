import { describe, expect, it } from "vitest";
import { hasControlCharacters, stripControlCharacters } from "../../src/text/control-characters.js";

describe("stripControlCharacters", () => {
  it("removes C0, DEL and C1 controls and keeps line feeds, tabs and every other character", () => {
    const text = "a\u0000b\u001b[2Jc\rd\u0007e\u007ff\u0085g\u009b31mh\ti\nj 日本語 é \u00a0k";
    expect(stripControlCharacters(text)).toBe("ab[2Jcdefg31mh\ti\nj 日本語 é \u00a0k");
    expect(hasControlCharacters(text)).toBe(true);
    expect(hasControlCharacters(stripControlCharacters(text))).toBe(false);
    expect(hasControlCharacters(stripControlCharacters(text))).toBe(false);
  });
});
