import { describe, expect, it } from "vitest";
import { citedSentences } from "../../../src/stages/check/parse.js";

describe("citedSentences", () => {
  it("reads back every escape the Markdown renderer writes, so sentences compare with their sources", () => {
    const line =
      "Tags &lt;img onerror=x&gt; &amp;#27; and \\[3\\] \\`code\\` \\\\ kept.[1] 1\\. Next &amp; last.[2]";
    expect(citedSentences(line).sentences).toEqual([
      { text: "Tags <img onerror=x> &#27; and [3] `code` \\ kept.", numbers: [1] },
      { text: "1. Next & last.", numbers: [2] },
    ]);
  });
});
