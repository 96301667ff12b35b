// Step 1: the outline. Themes with sub-themes, each naming the passages it will draw on.
import { z } from "zod";
import type { LlmClient } from "../../../ports/llm.js";
import { DATA_RULES, passageElement } from "../../../text/prompt-data.js";
import type { Passage, Source } from "../../../types.js";
import { languageRules } from "./language-rules.js";

const outlineSchema = z.object({
  title: z.string().min(1).describe("the report's title, in the report language"),
  glossary: z
    .array(z.string())
    .describe(
      "one entry per person, organisation, product and place the report names: the spelling to use first, then its spellings in the passages' other languages and scripts, separated by ' / ' (e.g. 'ディープシーク / DeepSeek / 深度求索')",
    ),
  themes: z
    .array(
      z.object({
        heading: z.string().min(1).describe("theme heading, a short noun phrase"),
        subthemes: z
          .array(
            z.object({
              heading: z.string().min(1),
              passageIds: z.array(z.string()).min(1).describe("ids of the passages this sub-theme draws on"),
              keyTerms: z
                .array(z.string())
                .optional()
                .describe("3 to 6 names and terms a passage about this sub-theme would contain"),
            }),
          )
          .min(1)
          .max(4),
      }),
    )
    .min(1)
    .max(6),
});

export interface Subtheme {
  heading: string;
  /** Names and terms the outline expects this sub-theme's passages to contain; used to find more of them. */
  keyTerms: string[];
  passages: Passage[];
}

export interface Outline {
  title: string;
  glossary: string[];
  themes: Array<{ heading: string; subthemes: Subtheme[] }>;
}

export interface OutlineInput {
  llm: LlmClient;
  sources: Source[];
  /** The ranked passages the outline may assign. */
  passages: Passage[];
  lang: string;
  signal?: AbortSignal;
}

export async function draftOutline(input: OutlineInput): Promise<Outline> {
  const article = input.sources.find((s) => s.role === "article") ?? input.sources[0];
  const system = [
    "You plan an analytical research report about a news article, built only from the given passages.",
    "Group the passages into 2 to 5 themes, each with 1 to 4 sub-themes, ordered so the report reads as an argument.",
    "Give every sub-theme the ids of 2 to 8 passages it will draw on; use each passage at most once.",
    "Give every sub-theme 3 to 6 key terms (names, figures' subjects, topics) so more passages about it can be found.",
    "Passages whose id starts with s0: are from the original article; the others are from the sources it cites.",
    DATA_RULES,
    languageRules(input.lang),
  ].join("\n");
  const prompt = [
    `Report language: ${input.lang}`,
    `Original article title (data): ${JSON.stringify(article?.article.title ?? "").replace(/<(\/?)(passages?)\b/gi, "‹$1$2")}`,
    "<passages>",
    ...input.passages.map(passageElement),
    "</passages>",
  ].join("\n");
  const { value } = await input.llm.generate({
    purpose: "outline",
    system,
    prompt,
    schema: outlineSchema,
    schemaName: "outline",
    ...(input.signal ? { signal: input.signal } : {}),
  });
  const byId = new Map(input.passages.map((p) => [p.id, p]));
  const used = new Set<string>();
  const themes = value.themes
    .map((theme) => ({
      heading: theme.heading.trim(),
      subthemes: theme.subthemes
        .map((sub) => ({
          heading: sub.heading.trim(),
          keyTerms: (sub.keyTerms ?? []).map((term) => term.trim()).filter(Boolean),
          // Ids not given are dropped here: the outline cannot smuggle in a passage the model made up.
          passages: sub.passageIds.flatMap((id) => {
            const passage = byId.get(id);
            if (!passage || used.has(id)) return [];
            used.add(id);
            return [passage];
          }),
        }))
        .filter((sub) => sub.passages.length > 0),
    }))
    .filter((theme) => theme.subthemes.length > 0);
  return { title: value.title.trim(), glossary: value.glossary, themes };
}
