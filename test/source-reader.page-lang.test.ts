// A page's declared language is untrusted input: only a real BCP 47 primary subtag gets through.
import { describe, expect, it } from "vitest";
import { pageLang } from "../src/source-reader.js";

describe("pageLang", () => {
  it("keeps the primary subtag of a valid or nearly valid tag", () => {
    expect(pageLang("ja")).toBe("ja");
    expect(pageLang("zh-Hans-CN")).toBe("zh");
    expect(pageLang("EN_us")).toBe("en");
    expect(pageLang("en US")).toBe("en");
  });

  it("turns values that are no language tag into null", () => {
    for (const value of ["日本語", "{{ lang }}", "", "   ", "english", "x", "-en", null]) {
      expect(pageLang(value)).toBeNull();
    }
  });
});
