// Wires the LLM engine into a Writer: outline → sections in parallel, each verified as soon as it is
// written → introduction and conclusion from the verified sections → their verification. The draft it
// returns carries its own grounding; citeReport's fast check then runs as the final gate.
import pLimit from "p-limit";
import type { Embedder } from "./ports/embed.js";
import type { LlmClient } from "./ports/llm.js";
import type { Writer } from "./ports/writer.js";
import { rankForSections } from "./stages/research/index.js";
import { type ClaimOutcome, summarize, verifyClaims } from "./stages/verify/index.js";
import {
  draftOutline,
  isEvidence,
  type Outline,
  rankPassages,
  writeFraming,
  writeSubsection,
} from "./stages/write/index.js";
import type { Claim, Draft, Paragraph, Passage, Section, Source } from "./types.js";

export { mergeGrounding } from "./stages/verify/index.js";

export interface LlmWriterOptions {
  llm: LlmClient;
  /** Sub-sections written at once (default 6); 1 gives the sequential flow. */
  concurrency?: number;
  /** Passages the outline may choose from (default 60). */
  outlinePassages?: number;
  /** Passages added to each sub-theme beyond those the outline named, ranked for it (default 4). */
  sectionPassages?: number;
  /** When given, those passages are ranked by BM25 and embedding similarity together; else BM25 alone. */
  embedder?: Embedder;
}

export function createLlmWriter(options: LlmWriterOptions): Writer {
  return {
    name: `llm:${options.llm.model}`,
    async write({ sources, passages, lang, signal, onProgress }): Promise<Draft> {
      const llm = options.llm;
      const progress = onProgress ?? (() => {});
      const byId = new Map(passages.map((p) => [p.id, p]));
      const outcomes: ClaimOutcome[] = [];
      const signalOption = signal ? { signal } : {};
      let glossary: string[] = [];
      const verified = async (paragraphs: Paragraph[], candidates: Passage[], purpose: string) => {
        const claims = paragraphs.flatMap((p) => p.claims);
        const results = await verifyClaims({
          llm,
          claims,
          passages: byId,
          candidates,
          purpose,
          lang,
          glossary,
          ...signalOption,
        });
        outcomes.push(...results.map((r) => r.outcome));
        progress({ type: "claims-checked", ...summarize(outcomes) });
        let next = 0;
        return paragraphs
          .map((p) => ({
            claims: p.claims.flatMap((): Claim[] => {
              const claim = results[next++]?.claim;
              return claim ? [claim] : [];
            }),
          }))
          .filter((p) => p.claims.length > 0);
      };

      const ranked = rankPassages(sources, passages, options.outlinePassages ?? 60);
      const outline = await withRankedPassages(
        await draftOutline({ llm, sources, passages: ranked, lang, ...signalOption }),
        { sources, passages, limit: options.sectionPassages ?? 4, embedder: options.embedder, signal },
      );
      glossary = outline.glossary;
      const jobs = outline.themes.flatMap((theme) =>
        theme.subthemes.map((subtheme) => ({ theme, subtheme })),
      );
      // Sub-sections, then the introduction and the conclusion.
      const total = jobs.length + 2;
      let done = 0;
      // Once one sub-section fails the run is over: those still waiting are dropped, not written.
      const sectionPool = pLimit({ concurrency: options.concurrency ?? 6, rejectOnClear: true });
      const writeOne = async ({ theme, subtheme }: (typeof jobs)[number], index: number) => {
        const paragraphs = await writeSubsection({
          llm,
          outline,
          theme: theme.heading,
          subtheme,
          index: index + 1,
          lang,
          ...signalOption,
        });
        const kept = await verified(paragraphs, subtheme.passages, `verify:section:${index + 1}`);
        const paragraphsWritten = kept.map((paragraph) => paragraph.claims.map((claim) => claim.text));
        progress({
          type: "section",
          heading: subtheme.heading,
          done: ++done,
          total,
          paragraphs: paragraphsWritten,
        });
        return kept;
      };
      const written = await sectionPool.map(jobs, writeOne).catch((error: unknown) => {
        sectionPool.clearQueue();
        throw error;
      });
      const sections: Section[] = outline.themes
        .map((theme) => ({
          heading: theme.heading,
          paragraphs: [],
          subsections: theme.subthemes
            .map((subtheme) => ({
              heading: subtheme.heading,
              paragraphs: written[jobs.findIndex((job) => job.subtheme === subtheme)] ?? [],
            }))
            .filter((sub) => sub.paragraphs.length > 0),
        }))
        .filter((section) => section.subsections.length > 0);

      const citedIds = new Set(
        sections.flatMap((s) =>
          s.subsections.flatMap((sub) =>
            sub.paragraphs.flatMap((p) => p.claims.flatMap((c) => c.passageIds)),
          ),
        ),
      );
      const cited = passages.filter((p) => citedIds.has(p.id));
      const framing = await writeFraming({
        llm,
        title: outline.title,
        glossary: outline.glossary,
        sections: sections.map((s) => ({
          heading: s.heading,
          paragraphs: s.subsections.flatMap((sub) => sub.paragraphs),
        })),
        passages: cited,
        lang,
        ...signalOption,
      });
      const framed = async (part: "introduction" | "conclusion") => {
        const kept = await verified(framing[part], cited, `verify:${part}`);
        const paragraphsWritten = kept.map((paragraph) => paragraph.claims.map((claim) => claim.text));
        progress({
          type: "section",
          heading: part,
          framing: part,
          done: ++done,
          total,
          paragraphs: paragraphsWritten,
        });
        return kept;
      };
      const [introduction, conclusion] = await Promise.all([framed("introduction"), framed("conclusion")]);
      return {
        title: outline.title,
        introduction,
        sections,
        conclusion,
        grounding: summarize(outcomes),
        glossary,
      };
    },
  };
}

/**
 * Gives each sub-theme, after the passages the outline named, the passages that rank best for its
 * heading and key terms (BM25, with embeddings when configured, then MMR with a per-site penalty so one
 * site cannot fill every slot). Candidates are the passages no sub-theme named, including those the
 * outline never saw; the section writer may cite only the passages it is given, so ids stay checked.
 */
async function withRankedPassages(
  outline: Outline,
  context: {
    sources: Source[];
    passages: Passage[];
    limit: number;
    embedder: Embedder | undefined;
    signal: AbortSignal | undefined;
  },
): Promise<Outline> {
  const subthemes = outline.themes.flatMap((theme) =>
    theme.subthemes.map((subtheme) => ({ theme: theme.heading, subtheme })),
  );
  const named = new Set(subthemes.flatMap(({ subtheme }) => subtheme.passages.map((p) => p.id)));
  const pool = context.passages.filter((p) => !named.has(p.id) && isEvidence(p));
  if (context.limit <= 0 || pool.length === 0 || subthemes.length === 0) return outline;
  const queries = subthemes.map(({ theme, subtheme }, index) => ({
    heading: String(index),
    query: [theme, subtheme.heading, ...subtheme.keyTerms].join("\n"),
  }));
  let embeddings: { passages: number[][]; sections: number[][] } | undefined;
  if (context.embedder) {
    const vectors = await context.embedder.embed(
      [...pool.map((p) => p.text), ...queries.map((q) => q.query)],
      context.signal,
    );
    embeddings = { passages: vectors.slice(0, pool.length), sections: vectors.slice(pool.length) };
  }
  const siteOf = new Map(context.sources.map((source) => [source.id, siteKey(source)]));
  const ranked = rankForSections(pool, queries, {
    limit: context.limit,
    groupOf: (passage) => siteOf.get(passage.sourceId) ?? passage.sourceId,
    ...(embeddings ? { embeddings } : {}),
  });
  let next = 0;
  return {
    ...outline,
    themes: outline.themes.map((theme) => ({
      ...theme,
      subthemes: theme.subthemes.map((subtheme) => {
        const extra = ranked.get(String(next++)) ?? [];
        return { ...subtheme, passages: [...subtheme.passages, ...extra.map((item) => item.passage)] };
      }),
    })),
  };
}

/** The host a source was read from (local files each count as their own site). */
function siteKey(source: Source): string {
  try {
    const url = new URL(source.article.url);
    return url.protocol === "file:" ? source.id : url.hostname.replace(/^www\./, "");
  } catch {
    return source.id;
  }
}
