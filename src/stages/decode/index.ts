// The decode stage: a Page's bytes → text (DecodedPage).
export { type DecodeOptions, decodeDocument, decodePage } from "./decode-page.js";
export { decodePdf } from "./pdf-text.js";
