// Step 2: one call per sub-theme, each seeing only its own passages, citing them by id after each claim.
import { z } from "zod";
import type { LlmClient } from "../../../ports/llm.js";
import { DATA_RULES, passageElement } from "../../../text/prompt-data.js";
import type { Paragraph } from "../../../types.js";
import { cleanParagraphs, paragraphsSchema } from "./claims.js";
import { languageRules } from "./language-rules.js";
import type { Outline, Subtheme } from "./outline.js";

const sectionSchema = z.object({ paragraphs: paragraphsSchema });

export interface SectionInput {
  llm: LlmClient;
  outline: Outline;
  theme: string;
  subtheme: Subtheme;
  /** Index in the report, for the call's label. */
  index: number;
  lang: string;
  signal?: AbortSignal;
}

export async function writeSubsection(input: SectionInput): Promise<Paragraph[]> {
  const system = [
    "You write one sub-section of an analytical research report, using only the given passages.",
    "Write 1 or 2 paragraphs of 2 to 5 sentences. Every sentence must say only what the passages it cites say:",
    "keep their numbers, names and dates exactly, add no outside knowledge, and stay close to their wording.",
    "After each sentence list the ids of the passages that support it. Write in the report language; set",
    "quotation to true only for a sentence kept verbatim in its source language.",
    DATA_RULES,
    languageRules(input.lang),
  ].join("\n");
  const prompt = [
    `Report language: ${input.lang}`,
    `Report title: ${input.outline.title}`,
    `Theme: ${input.theme}`,
    `Sub-theme: ${input.subtheme.heading}`,
    `Glossary: ${input.outline.glossary.join(", ") || "(none)"}`,
    "<passages>",
    ...input.subtheme.passages.map(passageElement),
    "</passages>",
  ].join("\n");
  const { value } = await input.llm.generate({
    purpose: `section:${input.index}`,
    system,
    prompt,
    schema: sectionSchema,
    schemaName: "section",
    ...(input.signal ? { signal: input.signal } : {}),
  });
  return cleanParagraphs(value.paragraphs, new Set(input.subtheme.passages.map((p) => p.id)), input.lang);
}
