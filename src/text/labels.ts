// Words a report prints in its own language. One table keyed by primary language subtag; languages
// without an entry fall back to English so any valid BCP 47 tag can still get a report.
import { ShirabeError } from "../errors.js";
import type { GroundingSummary } from "../types.js";

export interface ReportLabels {
  /** Primary language subtag the labels are for, e.g. "ja". */
  lang: string;
  introduction: string;
  conclusion: string;
  references: string;
  original: string;
  quoteOpen: string;
  quoteClose: string;
  /** Put between the sentences of a paragraph: nothing in Japanese, a space in English. */
  sentenceGap: string;
  /** Joins key terms in a generated heading. */
  termJoiner: string;
  /** The report title; `native` is true when the article title is already in the report language. */
  title: (articleTitle: string, native: boolean) => string;
  grounding: (summary: GroundingSummary, engine: string) => string;
  /** Legend for sentences only a model's entailment check confirmed (marked in the HTML view). */
  modelConfirmed: string;
  /** Heading for a theme whose sentences yield no key term. */
  theme: (n: number) => string;
}

const JA: ReportLabels = {
  lang: "ja",
  introduction: "緒言",
  conclusion: "結論",
  references: "参照記事",
  original: "元記事",
  quoteOpen: "「",
  quoteClose: "」",
  sentenceGap: "",
  termJoiner: "・",
  title: (title, native) => (native ? `${title}についての調査レポート` : `「${title}」に関する調査レポート`),
  grounding: (g, engine) =>
    `検証: 主張 ${g.claims} 件、出典で確認 ${g.supported} 件、出典を修正 ${g.repaired} 件、削除 ${g.dropped} 件（${engine}）` +
    (g.confirmedBy
      ? `。確認の方法: 原文どおり・ほぼ原文どおり ${g.confirmedBy.verbatim} 件、数値・名称・向きの高速照合 ${g.confirmedBy["fast-check"]} 件、モデルの含意判定（引用箇所を照合）${g.confirmedBy.entailment} 件`
      : ""),
  modelConfirmed:
    "点線の下線: モデルの含意判定だけで確認した文（モデルが示した引用箇所は、数値・名称・否定や増減の向きを機械的に照合済み）",
  theme: (n) => `テーマ${n}`,
};

const EN: ReportLabels = {
  lang: "en",
  introduction: "Introduction",
  conclusion: "Conclusion",
  references: "References",
  original: "Original article",
  quoteOpen: "\u201c",
  quoteClose: "\u201d",
  sentenceGap: " ",
  termJoiner: " and ",
  title: (title) => `Research report: ${title}`,
  grounding: (g, engine) =>
    `Grounding: ${g.claims} claims, ${g.supported} supported, ${g.repaired} re-cited, ${g.dropped} dropped (${engine})` +
    (g.confirmedBy
      ? `. Confirmed: ${g.confirmedBy.verbatim} verbatim or near-verbatim, ${g.confirmedBy["fast-check"]} by the fast check of numbers, names and direction, ${g.confirmedBy.entailment} by a model's entailment check with a quoted span`
      : ""),
  modelConfirmed:
    "Dotted underline: confirmed only by a model's entailment check (the span it quoted was checked by code for numbers, names, negation and direction)",
  theme: (n) => `Theme ${n}`,
};

const LABELS: Record<string, ReportLabels> = { ja: JA, en: EN };

/** Throws a usage error unless `lang` is a well-formed BCP 47 language tag; returns its primary subtag. */
export function assertSupportedLang(lang: string): string {
  let canonical: string | undefined;
  try {
    canonical = Intl.getCanonicalLocales(lang)[0];
  } catch {
    canonical = undefined;
  }
  if (!canonical) {
    throw new ShirabeError(`${lang}: not a BCP 47 language tag; pass a tag such as ja, en or zh-TW`, {
      code: "unknown-lang",
      kind: "usage",
      input: lang,
    });
  }
  return (canonical.split("-")[0] as string).toLowerCase();
}

/** The labels for a report language (English for languages without their own labels). */
export function reportLabels(lang: string): ReportLabels {
  return LABELS[assertSupportedLang(lang)] ?? EN;
}
