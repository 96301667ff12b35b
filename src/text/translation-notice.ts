// What a reader of an extractive report must be told when it quotes sources in other languages: the
// extractive engine copies sentences verbatim and never translates. The CLI prints it, the HTML footer
// carries it, and the web form can show `extractiveTranslationNotice(lang)` before a report is written.
import type { Report } from "../types.js";
import { assertSupportedLang } from "./labels.js";
import { sentenceLang } from "./language.js";

/** The name the extractive engine writes into `Report.engine`. */
const EXTRACTIVE_ENGINE = "extractive";

const NOTICES: Record<string, string> = {
  ja: "抽出型エンジンは、レポートと異なる言語の出典を翻訳せず、原文のまま引用します。",
  en: "The extractive engine quotes sources in other languages verbatim; it does not translate them.",
};

/** The notice in the report language `lang` (English for languages without their own wording). */
export function extractiveTranslationNotice(lang: string): string {
  return NOTICES[assertSupportedLang(lang)] ?? (NOTICES.en as string);
}

/**
 * The notice for a finished report, or null when it does not apply: the report was written by the
 * extractive engine and at least one of its sentences is in another language than the report's.
 */
export function translationNotice(report: Report): string | null {
  if (report.engine !== EXTRACTIVE_ENGINE) return null;
  const lang = assertSupportedLang(report.lang);
  const passages = new Map(report.passages.map((passage) => [passage.id, passage]));
  const claims = [
    ...report.introduction,
    ...report.sections.flatMap((s) => [...s.paragraphs, ...s.subsections.flatMap((sub) => sub.paragraphs)]),
    ...report.conclusion,
  ].flatMap((paragraph) => paragraph.claims);
  const foreign = claims.some((claim) => {
    const passage = passages.get(claim.passageIds[0] ?? "");
    return sentenceLang(claim.text, passage?.lang ?? null) !== lang;
  });
  return foreign ? extractiveTranslationNotice(lang) : null;
}
