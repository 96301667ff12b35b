// The discover stage: which inputs become sources (cited links, --sources files, folders and URLs).
export { citedLinks, classifyInput, expandSourceInputs, type InputKind } from "./source-inputs.js";
