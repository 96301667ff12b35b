// The render stage: a Report as Markdown in the seed format, a standalone HTML page, or JSON.
export { renderHtml } from "./render-html.js";
export { renderJson } from "./render-json.js";
export { renderMarkdown } from "./render-markdown.js";
