// A small labelled set written for Shirabe: passages from nine sites about one story (Japan's 2 nm chip
// foundry), three of them syndicated copies of one wire story, and claims labelled with the facts
// (groups of equivalent passages) that support them. Recall counts facts, so a copy of a passage
// already retrieved adds nothing — the situation diversity ranking is meant to fix.

export interface LabelledPassage {
  id: string;
  site: string;
  text: string;
}

export interface LabelledClaim {
  claim: string;
  /** Each inner list is one fact: passages that state it (a story and its syndicated copies). */
  facts: string[][];
}

const WIRE = [
  "Rapidus, the chip venture founded in 2022 by eight Japanese companies including Toyota, Sony and NTT, said on Tuesday it had begun test production of 2-nanometre logic chips.",
  "The company is developing its 2-nanometre process with IBM, which licensed the technology and trains Rapidus engineers at its research centre in Albany, New York.",
  "Japan's government has pledged more than 900 billion yen in subsidies to the project, one of the largest industrial support packages in the country's history.",
  "The plant is being built in Chitose, a city near New Chitose Airport on the northern island of Hokkaido.",
  "Rapidus aims to start mass production of 2-nanometre chips in 2027, a target analysts describe as ambitious.",
  "Shares of Japanese chip equipment makers rose after the announcement.",
];

function copy(site: string, lead: string, indexes: number[]): LabelledPassage[] {
  return [
    { id: `${site}:0`, site, text: lead },
    ...indexes.map((index, position) => ({
      id: `${site}:${position + 1}`,
      site,
      text: WIRE[index] as string,
    })),
  ];
}

export const PASSAGES: LabelledPassage[] = [
  ...WIRE.map((text, index) => ({ id: `wire:${index}`, site: "wire.example", text })),
  ...copy(
    "daily.example",
    "TOKYO (Wire) — A Japanese chip project took a step forward this week.",
    [0, 1, 2, 3, 4],
  ),
  ...copy("herald.example", "Japan's bet on advanced semiconductors passed a milestone.", [0, 2, 4, 5]),
  ...copy("tribune.example", "From our partners at the wire service.", [1, 2, 3, 4]),
  {
    id: "meti:0",
    site: "meti.example",
    text: "The Ministry of Economy, Trade and Industry approved additional support for the next-generation semiconductor project, bringing total subsidies to about 920 billion yen.",
  },
  {
    id: "meti:1",
    site: "meti.example",
    text: "The support covers the construction of the pilot line, equipment purchases and the development of the 2-nanometre manufacturing process.",
  },
  {
    id: "meti:2",
    site: "meti.example",
    text: "The pilot line in Hokkaido started operating in April 2025, according to the ministry.",
  },
  {
    id: "meti:3",
    site: "meti.example",
    text: "The ministry expects the company to establish a mass production system for the most advanced logic semiconductors by 2027.",
  },
  {
    id: "think:0",
    site: "thinktank.example",
    text: "Our analysis finds that Japan will be short of roughly 40,000 semiconductor engineers over the next decade, and the Hokkaido fab will compete for the same talent.",
  },
  {
    id: "think:1",
    site: "thinktank.example",
    text: "Public money is carrying almost the whole cost so far: private shareholders invested only 7.3 billion yen at the founding.",
  },
  {
    id: "think:2",
    site: "thinktank.example",
    text: "Even with state support, reaching volume output in 2027 would require yields that no new entrant has achieved at this node.",
  },
  {
    id: "think:3",
    site: "thinktank.example",
    text: "Taiwan's TSMC and Samsung already produce chips at comparable nodes, leaving the newcomer little room on price.",
  },
  {
    id: "blog:0",
    site: "chipblog.example",
    text: "I visited the Albany NanoTech complex, where Rapidus engineers have been working alongside IBM researchers on gate-all-around transistors.",
  },
  {
    id: "blog:1",
    site: "chipblog.example",
    text: "The first wafers from the pilot line came out in April 2025, a few months after the cleanroom was finished.",
  },
  {
    id: "blog:2",
    site: "chipblog.example",
    text: "Single-wafer processing is the company's bet for shortening cycle times compared with batch production.",
  },
  {
    id: "local:0",
    site: "hokkaido-news.example",
    text: "Construction of the factory in Chitose has brought thousands of workers to the city, and rents near the site have climbed.",
  },
  {
    id: "local:1",
    site: "hokkaido-news.example",
    text: "The fab will need tens of thousands of tonnes of water a day, and the city is expanding its supply from the Chitose River.",
  },
  {
    id: "local:2",
    site: "hokkaido-news.example",
    text: "Local universities have opened semiconductor courses, but companies say it will take years to train enough engineers.",
  },
  {
    id: "ja:0",
    site: "nikkan.example",
    text: "ラピダスはトヨタ自動車やソニーグループなど国内8社の出資で2022年に設立された。",
  },
  {
    id: "ja:1",
    site: "nikkan.example",
    text: "北海道千歳市の工場では、米IBMと共同開発した2ナノメートル世代の半導体を試作している。",
  },
  {
    id: "ja:2",
    site: "nikkan.example",
    text: "政府はこれまでに9000億円超の補助金を決めており、2027年の量産開始を目指す。",
  },
];

export const CLAIMS: LabelledClaim[] = [
  {
    claim: "Rapidus was founded in 2022 by eight Japanese companies such as Toyota and Sony.",
    facts: [["wire:0", "daily.example:1", "herald.example:1"], ["ja:0"]],
  },
  {
    claim:
      "The Japanese government has committed around 900 billion yen in subsidies to the 2-nanometre chip project.",
    facts: [
      ["wire:2", "daily.example:3", "herald.example:2", "tribune.example:2"],
      ["meti:0"],
      ["think:1"],
      ["ja:2"],
    ],
  },
  {
    claim: "Rapidus is developing its 2-nanometre process together with IBM.",
    facts: [["wire:1", "daily.example:2", "tribune.example:1"], ["blog:0"], ["ja:1"]],
  },
  {
    claim: "The factory is being built in Chitose, Hokkaido.",
    facts: [["wire:3", "daily.example:4", "tribune.example:3"], ["local:0"], ["ja:1"], ["meti:2"]],
  },
  {
    claim: "Mass production of 2-nanometre chips is planned for 2027.",
    facts: [
      ["wire:4", "daily.example:5", "herald.example:3", "tribune.example:4"],
      ["meti:3"],
      ["think:2"],
      ["ja:2"],
    ],
  },
  {
    claim: "Experts warn that Japan lacks enough semiconductor engineers for the Hokkaido fab.",
    facts: [["think:0"], ["local:2"]],
  },
  {
    claim: "The pilot line started operating in April 2025.",
    facts: [["meti:2"], ["blog:1"]],
  },
  {
    claim: "The chip plant will use large amounts of water from the Chitose River.",
    facts: [["local:1"]],
  },
];
