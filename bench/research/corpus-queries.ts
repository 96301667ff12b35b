// A labelled query set for corpus search, written for this project: small documents in English,
// Japanese and Chinese about a few news stories, and queries of each kind a user types — short,
// long, natural-language questions, inflected forms, one or two kanji, quoted phrases — each with the
// passages a reader would want in the top 5 ("doc:position").

export const DOCUMENTS: Record<string, string[]> = {
  "en-rates": [
    "The Bank of Japan raised its policy interest rate to 0.5 percent on Friday.",
    "It was the highest rate in 17 years.",
    "The governor said further rate increases would depend on wages and prices.",
    "The yen strengthened after the decision.",
  ],
  "en-rice": [
    "Rice prices in Japan hit a record high this spring.",
    "The government released rice from its emergency stockpiles to ease the shortage.",
    "Farmers blamed last summer's heat for a poor harvest.",
    "Supermarkets limited how many bags each customer could buy.",
  ],
  "en-centres": [
    "The city plans to invest 40 million dollars in community centres over five years.",
    "Each centre will offer childcare, a library and sports halls.",
    "Critics said the investment should go to public transport instead.",
    "The first new community centre opens in the north of the city in April.",
  ],
  "en-chips": [
    "Exports of advanced chips to China were restricted by new rules.",
    "The controls cover the most powerful graphics processors used to train AI models.",
    "Chipmakers warned that the export controls would cut their sales.",
    "Analysts expect Chinese firms to build more of their own processors.",
  ],
  "en-snow": [
    "Heavy snow closed roads and schools across Hokkaido.",
    "Several factories stopped production because workers could not reach them.",
    "Snowfall in Sapporo was the heaviest in a decade.",
  ],
  "ja-rates": [
    "日本銀行は金曜日、政策金利を0.5%に引き上げた。",
    "利上げは17年ぶりの高水準となる。",
    "総裁は、追加の利上げは賃金と物価の動向次第だと述べた。",
    "決定を受けて円相場は上昇した。",
  ],
  "ja-rice": [
    "コメの価格が今春、過去最高を記録した。",
    "政府は品薄を和らげるため、備蓄米を放出した。",
    "農家は昨夏の猛暑による不作を原因に挙げた。",
  ],
  "ja-snow": [
    "北海道では大雪で道路が通行止めになり、学校も休校した。",
    "従業員が出勤できず、複数の工場が操業を停止した。",
    "札幌の降雪量は過去10年で最も多かった。",
  ],
  "ja-chips": [
    "米国は中国向けの先端半導体の輸出を規制した。",
    "規制の対象はAIの学習に使う高性能な画像処理半導体だ。",
    "半導体メーカー各社は売り上げが減ると警告した。",
  ],
  "zh-ev": [
    "中国电动汽车出口今年大幅增长。",
    "比亚迪的海外销量首次超过一百万辆。",
    "欧盟对中国电动汽车加征关税。",
  ],
  "zh-chips": [
    "美国限制向中国出口先进人工智能芯片。",
    "中国企业正在加快研发自己的芯片。",
    "分析人士认为，出口管制将影响芯片公司的销售。",
  ],
  "zh-rates": ["日本央行将政策利率上调至0.5%。", "这是十七年来的最高水平。", "日元在决定公布后走强。"],
};

export interface LabelledQuery {
  query: string;
  kind: "short" | "long" | "natural" | "inflected" | "one-kanji" | "phrase";
  lang: "en" | "ja" | "zh";
  relevant: string[];
}

export const QUERIES: LabelledQuery[] = [
  { query: "stockpiles", kind: "short", lang: "en", relevant: ["en-rice:1"] },
  { query: "yen", kind: "short", lang: "en", relevant: ["en-rates:3"] },
  { query: "Hokkaido snow", kind: "short", lang: "en", relevant: ["en-snow:0"] },
  { query: "export controls chips", kind: "short", lang: "en", relevant: ["en-chips:0", "en-chips:2"] },
  {
    query: "Bank of Japan policy interest rate increase wages prices governor",
    kind: "long",
    lang: "en",
    relevant: ["en-rates:0", "en-rates:2"],
  },
  {
    query: "rice shortage record prices government emergency stockpiles release harvest",
    kind: "long",
    lang: "en",
    relevant: ["en-rice:0", "en-rice:1", "en-rice:2"],
  },
  {
    query: "why did factories stop production during the snow storm",
    kind: "natural",
    lang: "en",
    relevant: ["en-snow:1"],
  },
  {
    query: "what will the new community centres offer",
    kind: "natural",
    lang: "en",
    relevant: ["en-centres:1"],
  },
  {
    query: "how did the yen react to the rate decision",
    kind: "natural",
    lang: "en",
    relevant: ["en-rates:3"],
  },
  {
    query: "which processors are covered by the rules",
    kind: "natural",
    lang: "en",
    relevant: ["en-chips:1"],
  },
  {
    query: "centres",
    kind: "inflected",
    lang: "en",
    relevant: ["en-centres:0", "en-centres:1", "en-centres:3"],
  },
  { query: "invest", kind: "inflected", lang: "en", relevant: ["en-centres:0", "en-centres:2"] },
  { query: "investments", kind: "inflected", lang: "en", relevant: ["en-centres:0", "en-centres:2"] },
  { query: "restricting exports", kind: "inflected", lang: "en", relevant: ["en-chips:0", "en-chips:2"] },
  { query: "raising rates", kind: "inflected", lang: "en", relevant: ["en-rates:0", "en-rates:2"] },
  { query: '"community centre"', kind: "phrase", lang: "en", relevant: ["en-centres:3"] },
  { query: '"heat" harvest', kind: "phrase", lang: "en", relevant: ["en-rice:2"] },
  { query: "米", kind: "one-kanji", lang: "ja", relevant: ["ja-rice:1"] },
  { query: "雪", kind: "one-kanji", lang: "ja", relevant: ["ja-snow:0", "ja-snow:2"] },
  { query: "円", kind: "one-kanji", lang: "ja", relevant: ["ja-rates:3"] },
  { query: "利上げ", kind: "short", lang: "ja", relevant: ["ja-rates:1", "ja-rates:2"] },
  { query: "備蓄米", kind: "short", lang: "ja", relevant: ["ja-rice:1"] },
  { query: "半導体 輸出", kind: "short", lang: "ja", relevant: ["ja-chips:0"] },
  {
    query: "日本銀行の政策金利の引き上げと総裁の発言",
    kind: "long",
    lang: "ja",
    relevant: ["ja-rates:0", "ja-rates:2"],
  },
  {
    query: "北海道の大雪で工場はどうなったのか",
    kind: "natural",
    lang: "ja",
    relevant: ["ja-snow:1", "ja-snow:0"],
  },
  { query: "コメの値段が上がった理由は", kind: "natural", lang: "ja", relevant: ["ja-rice:0", "ja-rice:2"] },
  { query: "規制される半導体の種類", kind: "natural", lang: "ja", relevant: ["ja-chips:1"] },
  { query: "芯片", kind: "short", lang: "zh", relevant: ["zh-chips:0", "zh-chips:1", "zh-chips:2"] },
  { query: "关税", kind: "short", lang: "zh", relevant: ["zh-ev:2"] },
  { query: "比亚迪", kind: "short", lang: "zh", relevant: ["zh-ev:1"] },
  { query: "电动汽车出口增长", kind: "long", lang: "zh", relevant: ["zh-ev:0"] },
  { query: "美国为什么限制芯片出口", kind: "natural", lang: "zh", relevant: ["zh-chips:0", "zh-chips:2"] },
  { query: "日元", kind: "short", lang: "zh", relevant: ["zh-rates:2"] },
  { query: "利率", kind: "short", lang: "zh", relevant: ["zh-rates:0"] },
];
