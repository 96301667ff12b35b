// The one HTML escaper: text from pages and reports placed in HTML text or a quoted attribute value.

/** Escapes &, <, >, " and ' so the text is inert both as element content and inside any quoted attribute. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}
