// Hand-made sources for the report tests: a Japanese article about a fictional chip-export story and
// two English sources it cites. Text is written for these tests.
import { citeReport } from "../../src/stages/cite/index.js";
import { splitPassages } from "../../src/stages/passages/split-passages.js";
import { writeExtractive } from "../../src/stages/write/extractive.js";
import type { Block, Passage, Report, Source, SourceRole } from "../../src/types.js";

export function makeSource(
  id: string,
  role: SourceRole,
  url: string,
  title: string,
  lang: string,
  blocks: Block[],
): Source {
  const text = blocks
    .map((block) => {
      if (block.type === "list") return block.items.join("\n");
      if (block.type === "table") return block.rows.map((row) => row.join("\t")).join("\n");
      return block.text;
    })
    .join("\n\n");
  return {
    id,
    role,
    input: url,
    article: {
      url,
      canonicalUrl: null,
      title,
      siteName: null,
      author: null,
      publishedAt: null,
      lang,
      blocks,
      text,
      links: [],
    },
  };
}

const p = (text: string): Block => ({ type: "paragraph", text });

export const articleJa = makeSource(
  "s0",
  "article",
  "https://news.example.jp/articles/ai-chips",
  "半導体輸出規制とAIスタートアップの行方",
  "ja",
  [
    { type: "heading", level: 1, text: "半導体輸出規制とAIスタートアップの行方" },
    p(
      "米国政府は2024年12月、先端半導体の輸出規制を強化すると発表しました。対象には高性能なGPUと製造装置が含まれます。規制の狙いは、中国のAI開発の速度を抑えることだと説明されています。",
    ),
    p(
      "中国のAIスタートアップであるDeepSeekは、限られたGPUで高性能なモデルを開発したと発表しました。同社によると、学習費用は約560万ドルでした。この数字は米国の大手企業の費用を大きく下回ります。",
    ),
    { type: "heading", level: 2, text: "市場の反応" },
    p(
      "発表の翌日、米国の半導体株は大きく下落しました。NVIDIAの株価は一日で17%下がりました。投資家は、AI開発に必要なGPUの需要が減ることを懸念しました。",
    ),
    p(
      "一方で、専門家の多くは規制の効果は限定的だと指摘しています。中国企業は効率的な学習手法で計算資源の不足を補っているからです。今後の規制の行方が注目されます。",
    ),
    { type: "list", ordered: false, items: ["輸出規制の強化", "DeepSeekの新モデル"] },
  ],
);

export const sourceEn1 = makeSource(
  "s1",
  "cited",
  "https://policy.example.org/export-controls",
  "New rules on advanced chip exports",
  "en",
  [
    p(
      "The U.S. Commerce Department announced new export controls on advanced semiconductors in December 2024. The rules cover high-end GPUs and the equipment used to make them. Officials said the aim is to slow China's progress in military AI.",
    ),
    p(
      "Dr. Alice Moreno, a trade lawyer, said the controls close loopholes left by the 2022 rules. Companies that ship restricted chips without a license face fines of up to $1 million per violation.",
    ),
    p(
      "Analysts expect Chinese firms to respond by designing more efficient training methods that need fewer GPUs.",
    ),
  ],
);

export const sourceEn2 = makeSource(
  "s2",
  "cited",
  "https://markets.example.com/deepseek-selloff",
  "Chip stocks fall after DeepSeek model launch",
  "en",
  [
    p(
      "Shares of NVIDIA fell 17% in a single day after DeepSeek released its new model. DeepSeek said it trained the model for about $5.6 million using fewer GPUs than its rivals. Investors worried that demand for expensive GPUs could weaken.",
    ),
    p(
      "Some analysts argued the selloff was an overreaction. They noted that cheaper training often leads to more use of AI, not less. Demand for GPUs in data centers remained strong through the quarter.",
    ),
  ],
);

export const allSources = [articleJa, sourceEn1, sourceEn2];

/** The offline spine from sources to a cited report, as the pipeline runs it. */
export function buildReport(sources: Source[], lang: string): { report: Report; passages: Passage[] } {
  const passages = sources.flatMap((source) => splitPassages(source));
  const draft = writeExtractive({ sources, passages, lang });
  const report = citeReport({
    draft,
    sources,
    passages,
    lang,
    engine: "extractive",
    id: "report-1",
    createdAt: "2026-01-01T00:00:00.000Z",
    failures: [],
  });
  return { report, passages };
}
