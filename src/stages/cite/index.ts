export {
  assertSupportedLang,
  type CiteInput,
  checkClaimSupport,
  citeReport,
  cleanTitle,
  reportLabels,
  type SupportVerdict,
  sourceUrl,
} from "./cite-report.js";
