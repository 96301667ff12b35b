// Each sub-theme's writer gets the passages the outline named plus the best-ranked others for its heading
// and key terms — through the real LLM client and embedder against the fake OpenAI-compatible server.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createEmbedder } from "../src/adapters/llm/embedder.js";
import { resolveModel } from "../src/adapters/llm/models.js";
import { createLlmWriter } from "../src/llm-writer.js";
import type { Passage, Source } from "../src/types.js";
import { fakeClient } from "./support/fake-llm-client.js";
import { type FakeLlmServer, startFakeLlmServer } from "./support/fake-llm-server.js";
import { givenPassages, scriptedAnswer, taskOf } from "./support/scripted-model.js";

let server: FakeLlmServer;
beforeEach(async () => {
  server = await startFakeLlmServer();
});
afterEach(async () => {
  await server.close();
});

function source(id: string, url: string, texts: string[]): { source: Source; passages: Passage[] } {
  const text = texts.join("\n\n");
  return {
    source: {
      id,
      role: id === "s0" ? "article" : "cited",
      input: url,
      article: {
        url,
        canonicalUrl: null,
        title: `Page ${id}`,
        siteName: null,
        author: null,
        publishedAt: null,
        lang: null,
        blocks: [],
        text,
        links: [],
      },
    },
    passages: texts.map((passage, index) => ({
      id: `${id}:${index}`,
      sourceId: id,
      text: passage,
      start: 0,
      end: passage.length,
      lang: /[ぁ-ん]/.test(passage) ? "ja" : "en",
    })),
  };
}

/** The scripted model, except that the outline is one sub-theme naming only `named`. */
function outlineNaming(named: string, heading: string, keyTerms: string[]) {
  server.setResponder((request) => {
    if (taskOf(request) !== "outline") return scriptedAnswer(request);
    return JSON.stringify({
      title: "Report",
      glossary: [],
      themes: [{ heading: "The project", subthemes: [{ heading, keyTerms, passageIds: [named] }] }],
    });
  });
}

function sectionPrompts() {
  return server.requests.filter((r) => taskOf(r) === "section").map((r) => givenPassages(r).map((p) => p.id));
}

describe("passages ranked for each outline section", () => {
  const article = source("s0", "https://news.example/rapidus", [
    "Rapidus began test production of advanced logic chips at its new plant this week.",
    "The company was founded by eight Japanese companies including Toyota and Sony.",
  ]);
  // Three pages of one site all about water, one page of another site about it too.
  const big = [1, 2, 3].map((n) =>
    source(`s${n}`, `https://bigsite.example/water-${n}`, [
      `The fab will draw water from the Chitose River, report ${n} says, tens of thousands of tonnes a day.`,
    ]),
  );
  const local = source("s4", "https://local.example/river", [
    "City officials plan to expand the water supply taken from the Chitose River for the new fab.",
  ]);
  const unrelated = source("s5", "https://other.example/snow", [
    "Heavy snow closed several roads across the island during the weekend, the police said.",
  ]);
  const all = [article, ...big, local, unrelated];
  const sources = all.map((item) => item.source);
  const passages = all.flatMap((item) => item.passages);

  it("gives a sub-theme's writer relevant passages the outline did not name, from more than one site", async () => {
    outlineNaming("s0:0", "Water for the fab", ["water", "Chitose River"]);
    const writer = createLlmWriter({ llm: fakeClient(server.baseURL), sectionPassages: 3 });
    const draft = await writer.write({ sources, passages, lang: "en" });

    const [ids] = sectionPrompts();
    expect(ids?.[0]).toBe("s0:0");
    const extra = ids?.slice(1) ?? [];
    expect(extra).toHaveLength(3);
    // The other site's passage is in, so bigsite.example did not take every slot, and snow stayed out.
    expect(extra).toContain("s4:0");
    expect(extra.filter((id) => ["s1:0", "s2:0", "s3:0"].includes(id)).length).toBeLessThan(3);
    expect(extra).not.toContain("s5:0");
    // The writer could cite what it was given: the report cites a passage the outline never named.
    const cited = new Set(
      draft.sections
        .flatMap((s) => s.subsections.flatMap((sub) => sub.paragraphs.flatMap((p) => p.claims)))
        .flatMap((claim) => claim.passageIds),
    );
    expect(cited.has("s4:0")).toBe(true);
  });

  it("keeps citations to passages the writer was not given out of the draft", async () => {
    server.setResponder((request) => {
      if (taskOf(request) === "outline") {
        const subtheme = { heading: "Water for the fab", keyTerms: ["water"], passageIds: ["s0:0"] };
        return JSON.stringify({
          title: "Report",
          glossary: [],
          themes: [{ heading: "T", subthemes: [subtheme] }],
        });
      }
      if (taskOf(request) !== "section") return scriptedAnswer(request);
      // The model cites the snow passage, which it was not given, next to one it was given.
      const claim = {
        text: "City officials plan to draw more water from the Chitose River.",
        passageIds: ["s5:0", "s4:0"],
      };
      return JSON.stringify({ paragraphs: [{ claims: [claim] }] });
    });
    const writer = createLlmWriter({ llm: fakeClient(server.baseURL), sectionPassages: 3 });
    const draft = await writer.write({ sources, passages, lang: "en" });
    const ids = draft.sections.flatMap((s) =>
      s.subsections.flatMap((sub) => sub.paragraphs.flatMap((p) => p.claims.flatMap((c) => c.passageIds))),
    );
    expect(sectionPrompts()[0]).not.toContain("s5:0");
    expect(ids).not.toContain("s5:0");
  });
});

describe("embeddings from the configured provider", () => {
  const article = source("s0", "https://news.example/rapidus", [
    "Rapidus began test production of advanced logic chips this week, the company said.",
  ]);
  const english = source("s1", "https://wire.example/story", [
    "Analysts say the venture faces stiff competition from established foundries.",
    "The company plans to list its shares once production is stable.",
  ]);
  const japanese = source("s2", "https://nikkan.example/kiji", [
    "北海道千歳市の工場では、米IBMと共同開発した最先端の半導体を試作している。",
  ]);
  const all = [article, english, japanese];
  const sources = all.map((item) => item.source);
  const passages = all.flatMap((item) => item.passages);

  function embedder() {
    const config = resolveModel(
      "local:fake-embed",
      { providers: { local: { baseURL: server.baseURL, keyEnv: null, concurrency: 2 } } },
      {},
    );
    return createEmbedder({ config, maxRetries: 0 });
  }

  it("finds a Japanese passage for an English sub-theme that BM25 alone misses", async () => {
    outlineNaming("s0:0", "The chip factory in Hokkaido", ["Chitose", "semiconductor", "factory"]);
    await createLlmWriter({ llm: fakeClient(server.baseURL), sectionPassages: 2 }).write({
      sources,
      passages,
      lang: "en",
    });
    expect(sectionPrompts()[0]).not.toContain("s2:0");
    expect(server.embeddingRequests).toHaveLength(0);

    server.requests.length = 0;
    await createLlmWriter({
      llm: fakeClient(server.baseURL),
      sectionPassages: 2,
      embedder: embedder(),
    }).write({ sources, passages, lang: "en" });
    expect(server.embeddingRequests.length).toBeGreaterThan(0);
    expect(server.embeddingRequests.flat()).toContain(japanese.passages[0]?.text);
    expect(sectionPrompts()[0]).toContain("s2:0");
  });

  it("embeds each text once per run", async () => {
    const embed = embedder();
    const first = await embed.embed(["北海道の工場", "a chip factory in Hokkaido"]);
    const again = await embed.embed(["a chip factory in Hokkaido", "北海道の工場"]);
    expect(server.embeddingRequests).toHaveLength(1);
    expect(again).toEqual([first[1], first[0]]);
    expect(embed.model).toBe("local:fake-embed");
  });
});
