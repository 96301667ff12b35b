// The claim shape every writing call returns, and the checks applied to it before anything else sees it:
// only ids that were given, no URLs (a page's injected link must not reach the report).
import { z } from "zod";
import type { Claim, Paragraph } from "../../../types.js";
import { normalizeSentence } from "./language-rules.js";

export const claimSchema = z.object({
  text: z.string().min(1).describe("one sentence of the report, without citation marks"),
  passageIds: z
    .array(z.string())
    .min(1)
    .describe("ids of the given passages that say what the sentence says"),
  quotation: z
    .boolean()
    .optional()
    .describe("true only when the text is a passage's sentence kept verbatim in its own language"),
});

export const paragraphsSchema = z
  .array(z.object({ claims: z.array(claimSchema).min(1) }))
  .describe("paragraphs, each a list of sentences with their citations");

const URL_LIKE = /\b(?:https?:\/\/|www\.)\S+|\b[a-z0-9-]+\.(?:com|net|org|io|cn|jp|test|info|xyz)\b\/?\S*/i;

/** Keeps given ids only and drops a sentence that carries a URL; a sentence left without ids stays for repair. */
export function cleanParagraphs(
  paragraphs: z.infer<typeof paragraphsSchema>,
  allowed: ReadonlySet<string>,
  lang: string,
): Paragraph[] {
  return paragraphs
    .map((paragraph) => ({
      claims: paragraph.claims.flatMap((claim): Claim[] => {
        if (URL_LIKE.test(claim.text)) return [];
        const bare = claim.text.replace(/\s*\[[^\]]*\]\s*/g, " ").trim();
        const text = claim.quotation ? bare : normalizeSentence(bare, lang);
        if (!text) return [];
        const passageIds = [...new Set(claim.passageIds.filter((id) => allowed.has(id)))];
        return [{ text, passageIds, ...(claim.quotation ? { quotation: true } : {}) }];
      }),
    }))
    .filter((paragraph) => paragraph.claims.length > 0);
}
