// A generated research world for the faithfulness benchmark: sources in English and Japanese whose
// passages state generated facts (one or two per passage), as the LLM writer receives them.
import type { Passage, Source } from "../../src/types.js";
import type { WorldPassage } from "./adversarial-model.js";
import { type Fact, type Lang, makeFact, render } from "./faithfulness-material.js";
import type { Random } from "./seeded-random.js";

export interface World {
  sources: Source[];
  passages: Passage[];
  byId: Map<string, WorldPassage>;
  facts: Fact[];
}

/** `sourceLangs` gives each source's language; the first source is the article. */
export function makeWorld(random: Random, sourceLangs: Lang[], passagesPerSource = 3): World {
  const sources: Source[] = [];
  const passages: Passage[] = [];
  const byId = new Map<string, WorldPassage>();
  const facts: Fact[] = [];
  const usedEntities = new Set<string>();
  sourceLangs.forEach((lang, s) => {
    const sourceId = `s${s}`;
    const texts: string[] = [];
    const own: WorldPassage[] = [];
    for (let p = 0; p < passagesPerSource; p++) {
      const count = random.next() < 0.3 ? 2 : 1;
      const sentences = new Map<string, string>();
      const passageFacts: Fact[] = [];
      for (let f = 0; f < count; f++) {
        if (usedEntities.size > 20) usedEntities.clear();
        const fact = makeFact(random, `f${facts.length}`, usedEntities);
        facts.push(fact);
        passageFacts.push(fact);
        sentences.set(fact.id, render(fact, lang, random.int(0, 3), lang === "ja" && random.next() < 0.2));
      }
      const text = [...sentences.values()].join(lang === "en" ? " " : "");
      const passage: WorldPassage = { id: `${sourceId}:${p}`, lang, text, facts: passageFacts, sentences };
      own.push(passage);
      texts.push(text);
    }
    const articleText = texts.join("\n\n");
    let offset = 0;
    for (const passage of own) {
      passages.push({
        id: passage.id,
        sourceId,
        text: passage.text,
        start: offset,
        end: offset + passage.text.length,
        lang,
      });
      offset += passage.text.length + 2;
      byId.set(passage.id, passage);
    }
    const url = `https://news${s}.example/${lang}/story`;
    sources.push({
      id: sourceId,
      role: s === 0 ? "article" : "cited",
      input: url,
      article: {
        url,
        canonicalUrl: null,
        title: `Story ${s}`,
        siteName: null,
        author: null,
        publishedAt: null,
        lang,
        blocks: texts.map((text) => ({ type: "paragraph" as const, text })),
        text: articleText,
        links: [],
      },
    });
  });
  return { sources, passages, byId, facts };
}
