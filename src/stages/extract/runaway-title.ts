// A <title> is raw text up to the exact end tag "</title>", in htmlparser2 as in browsers: a page whose
// title is never closed that way (a cut-off page, a template typo such as `</titlevalue="x">`) loses its
// whole body into the title. Such a title is closed where its first tag-like text starts, which is where
// the author meant it to end.

const TITLE_OPEN = /<title\b[^>]*>/i;
/** The end tag the tokenizer accepts: "</title" followed by ">" or whitespace. */
const TITLE_CLOSE = /<\/title[\s>]/i;
/** Text that starts a tag or comment. */
const TAG_START = /<[/!]?[a-z!]/i;
/** Markup no title holds: where it stands before the end tag, the title ran away. */
const PAGE_MARKUP = /<\/head[\s>]|<body[\s>]/i;

/** The page's source with its first <title> closed before any markup it would otherwise swallow. */
export function closeRunawayTitle(source: string): string {
  const open = TITLE_OPEN.exec(source);
  if (!open) return source;
  const from = open.index + open[0].length;
  const rest = source.slice(from);
  const tag = TAG_START.exec(rest);
  if (!tag) return source;
  const close = TITLE_CLOSE.exec(rest);
  const page = PAGE_MARKUP.exec(rest);
  if (close && (!page || close.index < page.index)) return source;
  const at = from + tag.index;
  return `${source.slice(0, at)}</title>${source.slice(at)}`;
}
