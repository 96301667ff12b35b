// Page text is untrusted: C0 and C1 control characters in it (ESC from a title, or `&#27;` decoded by
// the parser) would drive the terminal that prints it — move the cursor, rewrite lines, set the window
// title. Line feeds and tabs are text and stay.

/** C0 controls but \t and \n, DEL, and C1 controls. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is this module's job
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/** The text without control characters, except line feed and tab. */
export function stripControlCharacters(text: string): string {
  return text.replace(CONTROL, "");
}

export function hasControlCharacters(text: string): boolean {
  CONTROL.lastIndex = 0;
  return CONTROL.test(text);
}
