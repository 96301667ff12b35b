import { describe, expect, it } from "vitest";
import { isCommentLabel } from "../../../src/stages/extract/comment-labels.js";
import { extractArticle } from "../../../src/stages/extract/index.js";
import { decoded, html, PROSE, paragraphs } from "../../support/extract-pages.js";

const extract = (body: string) => extractArticle(decoded(html(body), "https://example.com/post")).text;

const COMMENTS = [
  "Great news for the neighbourhood, I walk my dog along that river every single morning and it floods.",
  "I am not convinced, where are the commuters supposed to park their cars once the structure is gone?",
];

describe("comment section labels", () => {
  it("ends the post at a heading that opens the readers' comments", () => {
    for (const label of ["2 Responses to “Riverside park”", "Comments", "Leave a Reply", "Trackback Pings"]) {
      const text = extract(`<div class="post">${paragraphs()}<h3>${label}</h3>${paragraphs(COMMENTS)}</div>`);
      expect(text).toBe(PROSE.join("\n\n"));
    }
  });

  it("keeps an article whose own section or table column is called Comment or Response", () => {
    const body = `<div class="post">${paragraphs(PROSE.slice(0, 2))}<h2>Response</h2>${paragraphs(PROSE.slice(2))}
      <table><tr><th>Site</th><th>Comment</th></tr><tr><td>North gate</td><td>Comments welcome until March</td></tr></table></div>`;
    const text = extract(body);
    expect(text).toContain(PROSE[2]);
    expect(text).toContain("North gate");
  });

  it("reads the other common forms of the label, and not a sentence about comments", () => {
    for (const label of [
      "5 thoughts on “Riverside park”",
      "Reader comments (4)",
      "Latest comments",
      "Join the discussion",
    ])
      expect(isCommentLabel(label)).toBe(true);
    for (const line of [
      "Comment",
      "Your comments",
      "Comments are welcome until the end of March, the council said.",
    ])
      expect(isCommentLabel(line)).toBe(false);
  });
});
