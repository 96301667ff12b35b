// The fetch stage: a URL or a local file → Page, and the polite transport sources are fetched through.
export { mediaType, sniffMediaType } from "./content-type.js";
export { type FetchDeps, fetchPage, readFilePage } from "./fetch-page.js";
export { type PoliteOptions, politeHttp, ROBOTS_AGENT } from "./polite-http.js";
export { parseRobots, type RobotsRules } from "./robots-txt.js";
