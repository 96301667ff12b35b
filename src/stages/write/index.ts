// The write stage: passages in, a draft report out — the offline extractive engine and the LLM writing
// steps (outline, sections, framing) that src/llm-writer.ts wires together.
export { type ExtractiveInput, writeExtractive } from "./extractive.js";
export {
  draftOutline,
  type FramingInput,
  isEvidence,
  languageRules,
  normalizeSentence,
  type Outline,
  type OutlineInput,
  rankPassages,
  type SectionInput,
  type Subtheme,
  writeFraming,
  writeSubsection,
} from "./llm/index.js";
