// The embedded writing engine behind the Writer port: needs no network and no key.
import type { Writer } from "./ports/writer.js";
import { writeExtractive } from "./stages/write/index.js";

export const extractiveWriter: Writer = {
  name: "extractive",
  write: async ({ sources, passages, lang, onProgress }) => {
    const draft = writeExtractive({ sources, passages, lang });
    // The engine assembles the whole draft at once; its sections are reported as it hands them over.
    for (const [index, { heading, paragraphs, subsections }] of draft.sections.entries()) {
      const written = [...paragraphs, ...subsections.flatMap((sub) => sub.paragraphs)];
      onProgress?.({
        type: "section",
        heading,
        done: index + 1,
        total: draft.sections.length,
        paragraphs: written.map((paragraph) => paragraph.claims.map((claim) => claim.text)),
      });
    }
    return draft;
  },
};
