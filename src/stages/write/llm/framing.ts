// Step 3: the introduction and conclusion, written from the finished sections and the passages they cite.
import { z } from "zod";
import type { LlmClient } from "../../../ports/llm.js";
import { DATA_RULES, passageElement } from "../../../text/prompt-data.js";
import type { Paragraph, Passage } from "../../../types.js";
import { cleanParagraphs, paragraphsSchema } from "./claims.js";
import { languageRules } from "./language-rules.js";

const framingSchema = z.object({
  introduction: paragraphsSchema.describe("2 to 4 sentences: what the report examines and why it matters"),
  conclusion: paragraphsSchema.describe("a synthesis of the sections in 2 to 5 sentences"),
});

export interface FramingInput {
  llm: LlmClient;
  title: string;
  glossary: string[];
  sections: Array<{ heading: string; paragraphs: Paragraph[] }>;
  /** The passages the sections cite. */
  passages: Passage[];
  lang: string;
  signal?: AbortSignal;
}

export async function writeFraming(
  input: FramingInput,
): Promise<{ introduction: Paragraph[]; conclusion: Paragraph[] }> {
  const system = [
    "You write the introduction and the conclusion of an analytical research report whose sections are given.",
    "Every sentence must be supported by the passages it cites; cite the same passage ids the sections cite.",
    DATA_RULES,
    languageRules(input.lang),
  ].join("\n");
  const draft = input.sections
    .map(
      (section) =>
        `## ${section.heading}\n${section.paragraphs
          .flatMap((p) => p.claims.map((c) => `${c.text} ${c.passageIds.map((id) => `[${id}]`).join("")}`))
          .join("\n")}`,
    )
    .join("\n\n");
  const prompt = [
    `Report language: ${input.lang}`,
    `Report title: ${input.title}`,
    `Glossary: ${input.glossary.join(", ") || "(none)"}`,
    "<draft>",
    draft.replace(/<(\/?)(passage|passages|draft)\b/gi, "‹$1$2"),
    "</draft>",
    "<passages>",
    ...input.passages.map(passageElement),
    "</passages>",
  ].join("\n");
  const { value } = await input.llm.generate({
    purpose: "framing",
    system,
    prompt,
    schema: framingSchema,
    schemaName: "framing",
    ...(input.signal ? { signal: input.signal } : {}),
  });
  const allowed = new Set(input.passages.map((p) => p.id));
  return {
    introduction: cleanParagraphs(value.introduction, allowed, input.lang),
    conclusion: cleanParagraphs(value.conclusion, allowed, input.lang),
  };
}
