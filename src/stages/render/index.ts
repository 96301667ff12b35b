// The render stage: a Report as Markdown in the seed format, a standalone HTML page, JSON or a Word document.

export { claimText } from "./citations.js";
export { renderDocx } from "./render-docx.js";
export { renderHtml } from "./render-html.js";
export { renderJson } from "./render-json.js";
export { renderMarkdown } from "./render-markdown.js";
