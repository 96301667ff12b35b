// Small hand-written pages for the extractor's unit tests.
import type { DecodedPage } from "../../src/types.js";

export const PROSE = [
  "The city council voted on Tuesday to expand the riverside park, adding four hectares of wetland that had been slated for a parking structure.",
  "Supporters said the wetland would absorb floodwater during spring storms, while opponents argued that the parking shortage downtown would only grow worse.",
  "Construction is expected to begin next year, and the council has asked the parks department to report on the cost of maintenance by the end of March.",
];

export function html(body: string, head = "", attributes = ""): string {
  return `<!doctype html><html ${attributes}><head>${head}</head><body>${body}</body></html>`;
}

/** A typical news page: navigation, an article with prose, a share bar, related links and a footer. */
export function newsPage(article: string, head = "", attributes = 'lang="en"'): string {
  return html(
    `<header class="site-header"><nav><a href="/">Home</a> <a href="/politics">Politics</a> <a href="/sports">Sports</a></nav></header>
     <main><article>${article}</article>
     <div class="share-bar"><a href="https://www.facebook.com/sharer/sharer.php?u=x">Share on Facebook</a> <a href="https://twitter.com/intent/tweet">Tweet</a></div>
     <aside class="related"><h3>Related</h3><ul><li><a href="/a">Another story about parks</a></li><li><a href="/b">Council news roundup</a></li></ul></aside></main>
     <footer><p>© 2025 The Daily Example. All rights reserved. <a href="/privacy">Privacy</a></p></footer>`,
    head,
    attributes,
  );
}

export function paragraphs(texts: string[] = PROSE): string {
  return texts.map((text) => `<p>${text}</p>`).join("\n");
}

export function decoded(
  text: string,
  url = "https://news.example.com/2025/02/04/park-vote",
  contentType = "text/html",
): DecodedPage {
  return { url, contentType, text, charset: "utf-8", charsetSource: "default" };
}
