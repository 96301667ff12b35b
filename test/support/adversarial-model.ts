// An adversarial stand-in for a model, answering the LLM writer's four tasks over the wire through
// test/support/fake-llm-server.ts. It writes sections from generated facts (faithfulness-material.ts)
// and plants a known share of faults; as the verifier it is either honest (it supports what is true,
// quotes the passage's real words, and sometimes rewrites a false claim) or a rubber stamp (it supports
// every claim, quoting the whole passage, its first sentence, or the claim itself). Every sentence it
// writes is labelled, so a benchmark can tell which final sentences truly say what they cite.
import {
  type Fact,
  type Fault,
  falsify,
  glossaryOf,
  type Lang,
  type Phrasing,
  pickFault,
  render,
} from "./faithfulness-material.js";
import type { FakeLlmRequest } from "./fake-llm-server.js";
import type { Random } from "./seeded-random.js";

export interface WorldPassage {
  id: string;
  lang: Lang;
  text: string;
  facts: Fact[];
  /** Each fact's sentence as this passage words it. */
  sentences: Map<string, string>;
}

export interface Label {
  factId: string;
  fault: Fault | null;
  phrasing: Phrasing | "rewrite";
}

export type VerifierMode = "honest" | "rubber-stamp";

export interface AdversaryOptions {
  passages: Map<string, WorldPassage>;
  reportLang: Lang;
  verifier: VerifierMode;
  random: Random;
  /** Share of section sentences that carry a fault. */
  faultRate: number;
}

export interface Adversary {
  respond(request: FakeLlmRequest): string;
  /** Every sentence written, by text. */
  labels: Map<string, Label>;
  /** Section sentences as written, in order (framing reuses them). */
  written: Array<{ text: string; label: Label }>;
}

function taskOf(request: FakeLlmRequest): string {
  const system = request.messages.find((m) => m.role === "system")?.content ?? "";
  if (system.startsWith("You plan")) return "outline";
  if (system.startsWith("You write one sub-section")) return "section";
  if (system.startsWith("You write the introduction")) return "framing";
  if (system.startsWith("You check the citations")) return "verify";
  return "other";
}

const userText = (request: FakeLlmRequest) => request.messages.find((m) => m.role === "user")?.content ?? "";
const givenIds = (request: FakeLlmRequest) =>
  [...userText(request).matchAll(/<passage id="([^"]+)"/g)].map((m) => m[1] as string);

export function createAdversary(options: AdversaryOptions): Adversary {
  const { passages, reportLang, random } = options;
  const labels = new Map<string, Label>();
  const written: Array<{ text: string; label: Label }> = [];
  const label = (text: string, value: Label) => {
    if (!labels.has(text)) labels.set(text, value);
    return text;
  };

  /** The fact in the report language, written the way a careful writer would. */
  const faithfully = (fact: Fact, passage: WorldPassage): { text: string; phrasing: Phrasing } => {
    const own = passage.sentences.get(fact.id) as string;
    const variant = random.int(0, 3);
    if (passage.lang === reportLang) {
      const phrasing = random.pick<Phrasing>(
        reportLang === "ja"
          ? ["exact", "reportedly", "paraphrase", "polite"]
          : ["exact", "reportedly", "paraphrase"],
      );
      if (phrasing === "exact") return { text: own, phrasing };
      if (phrasing === "reportedly") return { text: reportedly(own, reportLang), phrasing };
      if (phrasing === "polite")
        return { text: render(fact, "ja", variantOf(passage, fact), true), phrasing };
      const count = reportLang === "en" && fact.kind === "change" ? 4 : 3;
      const other = (variantOf(passage, fact) + 1 + random.int(0, count - 2)) % count;
      return { text: render(fact, reportLang, other, true), phrasing };
    }
    if (reportLang === "ja" && random.next() < 0.5)
      return { text: render(fact, "ja", variant, true, true), phrasing: "translation-latin" };
    return { text: render(fact, reportLang, variant, true), phrasing: "translation" };
  };

  const section = (request: FakeLlmRequest): string => {
    const ids = givenIds(request);
    const claims = ids.flatMap((id) => {
      const passage = passages.get(id);
      if (!passage) return [];
      const fact = random.pick(passage.facts);
      if (random.next() >= options.faultRate) {
        const { text, phrasing } = faithfully(fact, passage);
        const entry = {
          text: label(text, { factId: fact.id, fault: null, phrasing }),
          label: labels.get(text) as Label,
        };
        written.push(entry);
        return [{ text, passageIds: [id] }];
      }
      const fault = pickFault(fact, random);
      if (fault === "wrong-citation") {
        const elsewhere = ids.filter((other) => !passages.get(other)?.facts.some((f) => f.id === fact.id));
        if (elsewhere.length === 0) return [];
        const { text } = faithfully(fact, passage);
        const entry = { text: `${text}`, label: { factId: fact.id, fault, phrasing: "paraphrase" as const } };
        // The same words may be true elsewhere; the label of a wrong citation is kept apart by its text.
        labels.set(text, labels.get(text) ?? entry.label);
        written.push(entry);
        return [{ text, passageIds: [random.pick(elsewhere)] }];
      }
      const falsified = falsify(fact, fault, random);
      if (!falsified) return [];
      const latin = reportLang === "ja" && random.next() < 0.5;
      const text = render(falsified, reportLang, random.int(0, 3), true, latin);
      const entry = {
        text: label(text, { factId: fact.id, fault, phrasing: "paraphrase" }),
        label: labels.get(text) as Label,
      };
      written.push(entry);
      return [{ text, passageIds: [id] }];
    });
    return JSON.stringify({ paragraphs: claims.length > 0 ? [{ claims }] : [] });
  };

  const verify = (request: FakeLlmRequest): string => {
    const results = [
      ...userText(request).matchAll(
        /<claim n="(\d+)" cites="([^"]*)" offered="([^"]*)">([\s\S]*?)<\/claim>/g,
      ),
    ].map((match) => {
      const n = Number(match[1]);
      const cites = (match[2] as string).split(" ").filter(Boolean);
      const offered = (match[3] as string).split(" ").filter(Boolean);
      const text = (match[4] as string).trim();
      if (options.verifier === "rubber-stamp") {
        const support = cites.map((id) => {
          const passage = passages.get(id) as WorldPassage;
          const roll = random.next();
          const first = [...passage.sentences.values()][0] as string;
          return { passage: id, span: roll < 0.5 ? passage.text : roll < 0.8 ? first : text };
        });
        return { claim: n, support, rewrite: null };
      }
      const known = labels.get(text);
      const holding = (factId: string) =>
        offered.filter((id) => passages.get(id)?.facts.some((f) => f.id === factId));
      if (!known) return { claim: n, support: [], rewrite: null };
      const sources = holding(known.factId);
      const spanOf = (id: string) => ({
        passage: id,
        span: passages.get(id)?.sentences.get(known.factId) as string,
      });
      // A wrong citation's words are true of their fact: an honest verifier re-cites them where they hold.
      if (known.fault === null || known.fault === "wrong-citation")
        return { claim: n, support: sources.map(spanOf), rewrite: null };
      if (sources.length > 0 && random.next() < 0.5) {
        const passage = passages.get(sources[0] as string) as WorldPassage;
        const fact = passage.facts.find((f) => f.id === known.factId) as Fact;
        const rewritten = render(fact, reportLang, random.int(0, 3), true);
        label(rewritten, { factId: fact.id, fault: null, phrasing: "rewrite" });
        return { claim: n, support: [], rewrite: { text: rewritten, support: [spanOf(passage.id)] } };
      }
      return { claim: n, support: [], rewrite: null };
    });
    return JSON.stringify({ results });
  };

  const framing = (request: FakeLlmRequest): string => {
    const draft = /<draft>\n([\s\S]*?)\n<\/draft>/.exec(userText(request))?.[1] ?? "";
    const claims = draft
      .split("\n")
      .map((line) => /^(.*?)((?: ?\[[^\]]+\])+)$/.exec(line))
      .flatMap((match) =>
        match
          ? [
              {
                text: (match[1] as string).trim(),
                passageIds: [...(match[2] as string).matchAll(/\[([^\]]+)\]/g)].map((m) => m[1] as string),
              },
            ]
          : [],
      );
    const introduction = claims.slice(0, 2);
    const conclusion = claims.slice(-1);
    return JSON.stringify({
      introduction: introduction.length > 0 ? [{ claims: introduction }] : [],
      conclusion: conclusion.length > 0 ? [{ claims: conclusion }] : [],
    });
  };

  const outline = (request: FakeLlmRequest): string => {
    const ids = givenIds(request);
    const facts = ids.flatMap((id) => passages.get(id)?.facts ?? []);
    const subthemes = [];
    for (let i = 0; i < ids.length; i += 3) {
      subthemes.push({
        heading: `Part ${subthemes.length + 1}`,
        passageIds: ids.slice(i, i + 3),
        keyTerms: [],
      });
    }
    const themes = [];
    for (let i = 0; i < subthemes.length; i += 2)
      themes.push({ heading: `Theme ${themes.length + 1}`, subthemes: subthemes.slice(i, i + 2) });
    return JSON.stringify({ title: "Report", glossary: glossaryOf(facts), themes });
  };

  return {
    labels,
    written,
    respond(request) {
      const task = taskOf(request);
      if (task === "outline") return outline(request);
      if (task === "section") return section(request);
      if (task === "framing") return framing(request);
      if (task === "verify") return verify(request);
      return "{}";
    },
  };
}

/** "Reportedly, …" / 「報道によると、…」 before a sentence; only an opening function word loses its capital. */
function reportedly(sentence: string, lang: Lang): string {
  if (lang === "ja") return `報道によると、${sentence}`;
  const opening = /^(?:The|In|By|Before|After|All|Some)\b/.test(sentence);
  return `Reportedly, ${opening ? sentence.charAt(0).toLowerCase() + sentence.slice(1) : sentence}`;
}

/** Which template a passage used for a fact (so a paraphrase picks another). */
function variantOf(passage: WorldPassage, fact: Fact): number {
  const own = passage.sentences.get(fact.id) as string;
  for (let v = 0; v < 4; v++) if (render(fact, passage.lang, v) === own) return v;
  return 0;
}
