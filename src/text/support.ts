// Does a passage say what a claim says? Shared by citation repair and the format checker.
import type { Passage } from "../types.js";
import { sentenceLang } from "./language.js";
import { foldText, namesIn, numbersIn, similarityTerms } from "./terms.js";

const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;

export type SupportVerdict = "supported" | "unsupported" | "undecided";

/** Share of a claim's terms that a same-language paraphrase must reuse from its passage. */
const MIN_TERM_OVERLAP = 0.6;

/** Whitespace-collapsed, folded text without citation marks, quotation marks or final punctuation. */
function comparable(text: string): string {
  return foldText(text)
    .replace(/\[\d+\]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^[「『“"'‘]+|[」』”"'’]+$/g, "")
    .replace(/[。．.！!？?]+$/u, "")
    .replace(/[「『“"'‘]+$|^[」』”"'’]+/g, "")
    .trim();
}

/**
 * "supported" when the passage contains the claim, or the claim reuses the passage's numbers, names and
 * most of its terms; "unsupported" when a number or name of the claim is missing from the passage or
 * a same-language claim shares too few terms; "undecided" when the claim is in another language than
 * the passage (a translation) and nothing contradicts it lexically.
 */
export function checkClaimSupport(claim: string, passage: Passage): SupportVerdict {
  const claimText = comparable(claim);
  const passageText = comparable(passage.text);
  if (claimText.length === 0) return "unsupported";
  if (passageText.includes(claimText)) return "supported";
  const passageNumbers = new Set(numbersIn(passage.text));
  if (numbersIn(claim).some((n) => !passageNumbers.has(n))) return "unsupported";
  const folded = foldText(passage.text);
  // A katakana name cannot be expected in a passage written without kana (a translation's source).
  const kanaPassage = KANA.test(passage.text);
  const missingName = namesIn(claim).some(
    (name) => (kanaPassage || !KANA.test(name)) && !folded.includes(foldText(name)),
  );
  if (missingName) return "unsupported";
  if (sentenceLang(claim, passage.lang) !== sentenceLang(passage.text, passage.lang)) return "undecided";
  const terms = new Set(similarityTerms(claim));
  if (terms.size === 0) return "unsupported";
  const passageTerms = new Set(similarityTerms(passage.text));
  let shared = 0;
  for (const term of terms) if (passageTerms.has(term)) shared++;
  return shared / terms.size >= MIN_TERM_OVERLAP ? "supported" : "unsupported";
}
