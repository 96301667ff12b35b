export { type FramingInput, writeFraming } from "./framing.js";
export { languageRules, normalizeSentence } from "./language-rules.js";
export { draftOutline, type Outline, type OutlineInput, type Subtheme } from "./outline.js";
export { type SectionInput, writeSubsection } from "./sections.js";
export { isEvidence, rankPassages } from "./select.js";
