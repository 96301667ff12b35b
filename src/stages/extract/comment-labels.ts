// Labels that open a blog's or news page's reader comments, standing alone on a line: "12 Comments",
// "3 Responses to “Title”", "Leave a Reply", "Trackback Pings". The readers' text after one is not the
// article, and it usually has no class name to tell it by (old blog engines mark only the heading).

const COUNT = String.raw`(?:\d+|no|one|two|three|four|five|six|seven|eight|nine|ten)`;
/** Plural labels only: a bare "Comment" or "Response" is a table column or an article's own section. */
const COMMENTS = String.raw`(?:(?:reader|user|readers'?|latest|recent|top)\s+)?(?:comments|responses|replies|trackbacks|trackback\s+pings|pingbacks)`;
const ONE_COMMENT = "(?:comments?|responses?|replies|trackbacks?|pingbacks?)";
const COMMENT_LABEL = new RegExp(
  [
    // "Comments", "Comments (4)"; a count may name the post ("3 Responses to “Title”"), a bare word may not.
    String.raw`^${COMMENTS}(?:\s*[(\[]\s*\d+\s*[)\]])?\s*:?$`,
    String.raw`^${COUNT}\s+(?:${ONE_COMMENT}|thoughts)(?:\s+(?:to|on|for)\s+\S.{0,150})?\s*:?$`,
    String.raw`^(?:leave|post|add|write|submit)\s+(?:a|an|your)\s+(?:comment|reply|response)\s*:?$`,
    String.raw`^comments\s+are\s+closed\.?$`,
    String.raw`^(?:join|start)\s+the\s+(?:discussion|conversation)\b.{0,20}$`,
  ].join("|"),
  "iu",
);

/** A line that is only the label of a comment section. */
export function isCommentLabel(line: string): boolean {
  return line.length <= 200 && COMMENT_LABEL.test(line);
}
