// Labels that open a reader-comment section in latin-script pages. Comments always follow the story, so
// such a label, standing alone after the story's prose, ends it. "Related" labels are not here: inline
// "related" boxes stand in the middle of stories too, and cutting there would lose the story's end.

/**
 * "Comments", "12 Comments", "Reader comments (4)", "Leave a Reply", "3 Responses to “Title”". Not the
 * singular "Comment" or "Response" (section names in technical posts), nor "Your comments" (pages that
 * are readers' letters), nor "Comments:" with a colon (a field label in a post's own text).
 */
const COMMENT_LABEL =
  /^(?:\d+\s+|(?:reader|readers'?|user|latest|recent|top)\s+)?comments\s*(?:[([]\s*\d+\s*[)\]])?$|^(?:leave|post|add|write|submit)\s+(?:a|your)\s+(?:comment|reply)\b.{0,20}$|^(?:join|start)\s+the\s+(?:discussion|conversation)\b.{0,20}$|^\d+\s+(?:comments?|responses?|replies|thoughts)\s+(?:on|to)\s+.{1,200}$/i;

/** "R E A D E R  C O M M E N T S": letters spaced out one by one, read as the word they spell. */
function unspaced(line: string): string {
  return /^(?:\p{L}\s+){3,}\p{L}$/u.test(line) ? line.replace(/\s+/g, "") : line;
}

/** Whether a line standing alone opens a latin-script comment section. */
export function isCommentLabel(line: string): boolean {
  const text = line.trim();
  if (text.length > 240) return false;
  if (COMMENT_LABEL.test(text)) return true;
  const joined = unspaced(text);
  return joined !== text && /^(?:reader|user)?comments?$/i.test(joined);
}
