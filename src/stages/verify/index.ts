export { checkEntailment, type EntailmentItem, type EntailmentVerdict } from "./check-entailment.js";
export {
  type ClaimOutcome,
  mergeGrounding,
  summarize,
  type VerifiedClaim,
  type VerifyInput,
  verifyClaims,
} from "./verify-claims.js";
