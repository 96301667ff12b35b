// The UI's first language comes from Accept-Language: the best-ranked of Japanese and English.
import { describe, expect, it } from "vitest";
import { preferredLanguage } from "../../src/server/ui.js";

describe("preferredLanguage", () => {
  it.each([
    ["ja-JP,ja;q=0.9,en;q=0.8", "ja"],
    ["en-US,en;q=0.9,ja;q=0.8", "en"],
    ["fr-FR, ja;q=0.5, en;q=0.4", "ja"],
    ["en;q=0.2, ja;q=0.7", "ja"],
    ["ja;q=0, en", "en"],
    ["de, fr", "en"],
    ["", "en"],
    [undefined, "en"],
  ])("%s → %s", (header, expected) => {
    expect(preferredLanguage(header)).toBe(expected);
  });
});
