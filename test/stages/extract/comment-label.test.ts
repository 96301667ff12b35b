import { describe, expect, it } from "vitest";
import { isCommentLabel } from "../../../src/stages/extract/comment-label.js";
import { extractArticle } from "../../../src/stages/extract/index.js";
import { decoded, html, PROSE, paragraphs } from "../../support/extract-pages.js";

const COMMENTS = [
  "I didn't know it was April Fool's Day already, but this is the best thing I have read all week. Posted by Paul on January 6, 2008 2:09 PM",
  "I have read every one of these books since I first found them years ago, and I still think the second one is the best of the series. Posted by Jane on January 6, 2008 1:41 PM",
];

const page = (label: string) =>
  html(
    `<div id="main"><h1>Park plan approved</h1>${paragraphs()}<h3>${label}</h3>${paragraphs(COMMENTS)}</div>`,
  );
const text = (body: string) => extractArticle(decoded(body)).text;

describe("a comment section's label ends the story", () => {
  for (const label of [
    "Comments",
    "12 Comments",
    "Reader comments (4)",
    "Leave a Reply",
    "R E A D E R C O M M E N T S",
  ]) {
    it(`stops at "${label}"`, () => {
      expect(text(page(label))).toBe(PROSE.join("\n\n"));
    });
  }

  it("keeps a technical post's section named in the singular, and a page of readers' letters", () => {
    for (const label of ["Comment", "Response", "Your comments", "Comments:"]) {
      expect(isCommentLabel(label)).toBe(false);
      expect(text(page(label))).toContain(COMMENTS[1]);
    }
  });

  it("reads WordPress's count line and a call to join the discussion as labels", () => {
    expect(isCommentLabel("3 Responses to “Park plan approved”")).toBe(true);
    expect(isCommentLabel("Join the discussion")).toBe(true);
    expect(
      isCommentLabel(
        "Comments are closed for a reason we will explain in the next paragraph of this long text.",
      ),
    ).toBe(false);
  });
});
