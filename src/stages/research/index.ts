// The research stage: search queries, found sources, near-duplicate merging, relevance and source signals.
export { containment, fingerprint, mergeNearDuplicates, nearDuplicateGroups } from "./dedupe.js";
export { type FoundInput, findSources } from "./find.js";
export {
  type Discovery,
  discoverSources,
  type Refined,
  type ResearchOptions,
  refineSources,
} from "./gather.js";
export { generateQueries, keywordQueries, mainNames, type SearchQuery } from "./queries.js";
export { rankForSections, type SectionEmbeddings } from "./rank-passages.js";
export { sourceSignals, sourceType } from "./signals.js";
