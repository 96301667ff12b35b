// The passages stage: a source's article → passages with exact offsets (and PDF page numbers).
export { pageAt, splitPassages } from "./split-passages.js";
