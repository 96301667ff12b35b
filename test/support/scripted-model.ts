// A scripted stand-in for a real model, answering Shirabe's four writing tasks from the passages in the
// prompt: the outline groups the given ids, a section quotes its passages and cites them, the framing
// reuses section sentences, and the checker accepts a claim only where an offered passage contains it,
// quoting the claim as its span.
// Tests wrap it to misbehave (wrong citations, injected links).
import type { FakeLlmRequest } from "./fake-llm-server.js";

export interface GivenPassage {
  id: string;
  lang: string | null;
  text: string;
}

export type Task = "outline" | "section" | "framing" | "verify" | "other";

export function taskOf(request: FakeLlmRequest): Task {
  const system = request.messages.find((m) => m.role === "system")?.content ?? "";
  if (system.startsWith("You plan")) return "outline";
  if (system.startsWith("You write one sub-section")) return "section";
  if (system.startsWith("You write the introduction")) return "framing";
  if (system.startsWith("You check the citations")) return "verify";
  return "other";
}

export function userText(request: FakeLlmRequest): string {
  return request.messages.filter((m) => m.role === "user")[0]?.content ?? "";
}

export function givenPassages(request: FakeLlmRequest): GivenPassage[] {
  const found: GivenPassage[] = [];
  for (const match of userText(request).matchAll(
    /<passage id="([^"]+)"(?: lang="([^"]*)")?>\n([\s\S]*?)\n<\/passage>/g,
  )) {
    found.push({ id: match[1] as string, lang: match[2] ?? null, text: match[3] as string });
  }
  return found;
}

/** A section sentence for a passage: Japanese kept as is, anything else quoted verbatim. */
export function claimFor(passage: GivenPassage): { text: string; passageIds: string[]; quotation?: boolean } {
  const polite = /(です|ます|ました|でした|ません)。?$/.test(passage.text.trim());
  if (passage.lang === "ja" && polite) return { text: passage.text, passageIds: [passage.id] };
  return { text: passage.text, passageIds: [passage.id], quotation: true };
}

export function scriptedAnswer(request: FakeLlmRequest): string {
  const task = taskOf(request);
  const passages = givenPassages(request);
  if (task === "outline") {
    // Every given passage goes to one of up to six sub-themes, two per theme, round robin.
    const groups: GivenPassage[][] = Array.from(
      { length: Math.min(6, Math.ceil(passages.length / 2)) },
      () => [],
    );
    passages.forEach((p, i) => {
      groups[i % groups.length]?.push(p);
    });
    const themes = [];
    for (let t = 0; t < groups.length; t += 2) {
      themes.push({
        heading: `テーマ${themes.length + 1}`,
        subthemes: groups.slice(t, t + 2).map((group, s) => ({
          heading: `論点${themes.length + 1}.${s + 1}`,
          passageIds: group.map((p) => p.id),
        })),
      });
    }
    return JSON.stringify({ title: "調査レポート", glossary: ["DeepSeek"], themes });
  }
  if (task === "section") {
    return JSON.stringify({ paragraphs: [{ claims: passages.map(claimFor) }] });
  }
  if (task === "framing") {
    const draft = /<draft>\n([\s\S]*?)\n<\/draft>/.exec(userText(request))?.[1] ?? "";
    const lines = draft.split("\n").filter((line) => /\[[^\]]+\]$/.test(line));
    const byId = new Map(passages.map((p) => [p.id, p]));
    const reuse = (line: string) => {
      const ids = [...line.matchAll(/\[([^\]]+)\]/g)].map((m) => m[1] as string);
      const passage = byId.get(ids[0] as string);
      return passage ? claimFor(passage) : null;
    };
    const intro = lines.slice(0, 2).flatMap((line) => reuse(line) ?? []);
    const conclusion = lines.slice(-1).flatMap((line) => reuse(line) ?? []);
    return JSON.stringify({ introduction: [{ claims: intro }], conclusion: [{ claims: conclusion }] });
  }
  if (task === "verify") {
    const byId = new Map(passages.map((p) => [p.id, p]));
    const results = [
      ...userText(request).matchAll(
        /<claim n="(\d+)" cites="([^"]*)" offered="([^"]*)">([\s\S]*?)<\/claim>/g,
      ),
    ].map((match) => {
      const text = (match[4] as string).trim();
      const offered = (match[3] as string).split(" ").filter(Boolean);
      // The span is the claim itself: this checker only accepts what a passage says word for word.
      const support = offered
        .filter((id) => byId.get(id)?.text.includes(text))
        .map((id) => ({ passage: id, span: text }));
      return { claim: Number(match[1]), support, rewrite: null };
    });
    return JSON.stringify({ results });
  }
  return '{"ok":true}';
}
