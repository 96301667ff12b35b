// Site furniture read by its text: notices a site prints on every page whatever the story — "best viewed
// in an up-to-date browser", "opinions expressed here are my own", "© 2012 …", "your email address will
// not be published". On a short post such a notice can outweigh the post itself; in any article it is
// not the article's text. Each phrase below names the notice, not a topic, so prose rarely says it.

/** A browser or stylesheet notice: what the page says to old browsers, not to readers of the story. */
const BROWSER =
  /\bbest viewed (?:in|with|using|at)\b|\bupgrad(?:e|ing) your (?:web )?browser\b|\bunable to load the (?:style ?sheet|css)\b|\bstyle ?sheets? \(css\) enabled\b|\byour browser (?:does not|doesn't) support\b/i;

/** A blog's or site's disclaimer about itself. */
const DISCLAIMER =
  /\bopinions expressed (?:here|on this (?:site|blog|website))\b|\b(?:has|have) no affiliation with\b|\bnot (?:meant|intended) (?:to|as a) substitute\b/i;

/**
 * A copyright line: "© 2012 The Notebook", "Copyright © 1994 - 2006 Example.com", "(C) Copyright 2004 …",
 * "Copyright Thomson Reuters 2007" (a year within the first few words after the word).
 */
const COPYRIGHT_LINE =
  /^(?:copyright\s*)?(?:©|\(c\))\s*(?:\d{4}|\p{Lu})|^(?:(?:©|\(c\))\s*)?copyright\s+(?:[^\s.]+\s+){0,4}(?:19|20)\d\d\b/iu;
const REPRODUCTION =
  /\bno part of this (?:site|website|web ?site|blog|publication) may be\b|\bmay not be (?:copied|reproduced|republished),? modified\b/i;

/** What a comment form says around its fields, and the "follow the responses" and trackback lines under a post. */
const COMMENT_FORM =
  /\byou may use these html tags\b|\byour email address will not be published\b|\brequired fields are marked\b|\bwe welcome your comments\b|\bto let readers post comments\b|\byou can follow any responses to this entry\b|\byou can leave a response,? or trackback\b|\btrackback url for this entry\b|\blisted below are links to weblogs that reference\b|\bgravatar\b|\bplease limit your comments?\b/i;

/** Requests for tips and credit claims addressed to the reader by the site. */
const SITE_REQUEST =
  /\bif you have any news tips\b|\bdo you have a story for\b|\bif you see an image (?:we|that) (?:have|has) not\b|\bby signing up,? you agree to receive\b/i;

/** Prompts to subscribe to the site's newsletter or feed. */
const SUBSCRIBE =
  /\b(?:sign up|subscribe) (?:for|to) (?:our|the) (?:[\w-]+ ){0,3}newsletter\b|\bsubscribe to new posts\b/i;

/** Notices are a few lines; a longer paragraph that uses one of these phrases is prose. */
const MAX_NOTICE = 400;
const MAX_COPYRIGHT_LINE = 400;
/** A paragraph that opens with the © sign is a site's footer however long its legal text runs. */
const MAX_FOOTER = 1500;

/** A paragraph that is one of the site's standing notices rather than text of the page's story. */
export function isSiteNotice(text: string): boolean {
  const line = text.trim();
  if (line.startsWith("©") && line.length <= MAX_FOOTER) return true;
  if (!line || line.length > MAX_NOTICE) return false;
  if (line.length <= MAX_COPYRIGHT_LINE && COPYRIGHT_LINE.test(line)) return true;
  return (
    BROWSER.test(line) ||
    DISCLAIMER.test(line) ||
    REPRODUCTION.test(line) ||
    COMMENT_FORM.test(line) ||
    SUBSCRIBE.test(line) ||
    SITE_REQUEST.test(line)
  );
}
