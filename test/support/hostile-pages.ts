// Generated hostile pages for the fuzz tests: malformed, deeply nested, huge, binary, mis-declared,
// JSON-LD-abusing, control-character and CJK pages, each made from a seeded generator so a failing page
// can be made again from its seed. Text is generated here, from small word lists written for this file.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Random } from "./seeded-random.js";

export type PageCategory =
  | "malformed"
  | "nested"
  | "huge"
  | "binary"
  | "misdeclared"
  | "json-ld"
  | "controls"
  | "cjk";

export interface HostilePage {
  /** Unique and stable for a seed: category, variant and case number. */
  name: string;
  category: PageCategory;
  extension: ".html" | ".txt" | ".md";
  bytes: Buffer;
  /** Report language that suits the page's text. */
  lang: "en" | "ja";
  /**
   * The helper whose fix this page waits for, while it still fails: "extract" (work bounded during
   * parsing, no recursion over JSON-LD) or "sources" (a bad lang attribute must not fail a report).
   */
}

export const MAX_PAGE_BYTES = 2 * 1024 * 1024;

const WORDS = (
  "council budget mayor vote city river bridge school report study market price rice harbour train " +
  "station museum library farmer season storm festival minister policy court museum engineer factory " +
  "export import growth survey hospital nurse teacher student village island forest mountain"
).split(" ");
const VERBS = "said announced approved rejected reported found opened closed raised cut".split(" ");
const KANA_KANJI =
  "市議会予算市長投票川橋学校報告調査市場価格米港駅博物館図書館農家季節台風祭り大臣政策裁判所技術者工場輸出入成長病院看護師教師学生村島森山のがをにはでとも";
const HANZI =
  "市议会预算市长投票河桥学校报告调查市场价格大米港口车站博物馆图书馆农民季节台风节日部长政策法院工程师工厂出口进口增长医院";

function sentence(random: Random): string {
  const words = Array.from({ length: random.int(5, 14) }, () => random.pick(WORDS));
  words.splice(2, 0, random.pick(VERBS));
  const text = words.join(" ");
  return `${text[0]?.toUpperCase()}${text.slice(1)} ${random.int(2, 2030)}.`;
}

function paragraph(random: Random, sentences = random.int(3, 7)): string {
  return Array.from({ length: sentences }, () => sentence(random)).join(" ");
}

function japaneseSentence(random: Random): string {
  return `${random.text(KANA_KANJI, random.int(15, 40))}しました。`;
}

function article(random: Random, paragraphs = random.int(4, 8)): string {
  return Array.from({ length: paragraphs }, () => `<p>${paragraph(random)}</p>`).join("\n");
}

function html(options: {
  title: string;
  body: string;
  head?: string;
  lang?: string;
  charset?: string;
}): string {
  const lang =
    options.lang === undefined ? ' lang="en"' : options.lang === "" ? "" : ` lang="${options.lang}"`;
  const charset = options.charset === undefined ? "utf-8" : options.charset;
  return `<!doctype html><html${lang}><head>${charset ? `<meta charset="${charset}">` : ""}<title>${options.title}</title>${options.head ?? ""}</head><body>${options.body}</body></html>`;
}

const page = (
  category: PageCategory,
  name: string,
  content: string | Buffer,
  extra: Partial<Omit<HostilePage, "category" | "name" | "bytes">> = {},
): HostilePage => ({
  name: `${category}/${name}`,
  category,
  extension: extra.extension ?? ".html",
  lang: extra.lang ?? "en",
  bytes: typeof content === "string" ? Buffer.from(content, "utf8") : content,
});

const SOUP_TOKENS = [
  "<p>",
  "</p>",
  "<div",
  "</div>",
  '<a href="',
  '">',
  "<!--",
  "-->",
  "<![CDATA[",
  "]]>",
  "<b>",
  "</i>",
  "<table><tr><td>",
  "</td></table>",
  "&#x110000;",
  "&#0;",
  "&amp",
  "&#xD800;",
  "<svg><foreignObject>",
  "<math><mi>",
  "<template>",
  "<noscript>",
  "<style>",
  "</style>",
  "<script>",
  "</script>",
  "<select>",
  "<textarea>",
  "</textarea>",
  "<frameset>",
  "<h1>",
  "<li>",
  "<<<",
  ">>>",
  "=\"'",
  "<br/>",
  "<img src=x",
  "<article>",
  "</article>",
  "<title>",
  "<meta charset=",
  "<base href=javascript:0>",
  "<iframe>",
];

function malformed(random: Random, index: number): HostilePage[] {
  const soup = Array.from({ length: random.int(200, 3000) }, () =>
    random.chance(0.3) ? sentence(random) : random.pick(SOUP_TOKENS),
  ).join(random.pick(["", " ", "\n"]));
  const truncated = html({ title: "Cut", body: article(random) });
  return [
    page("malformed", `tag-soup-${index}`, soup),
    page("malformed", `truncated-${index}`, truncated.slice(0, random.int(40, truncated.length - 1))),
    page("malformed", `unclosed-comment-${index}`, `<!doctype html><title>C</title><!-- ${article(random)}`),
    page(
      "malformed",
      `attributes-${index}`,
      html({
        title: "Attributes",
        body: `<p ${'x="'.repeat(random.int(100, 5000))}>${paragraph(random)}</p>${article(random)}`,
      }),
    ),
  ];
}

function nested(random: Random, index: number): HostilePage[] {
  const wrap = (open: string, close: string, depth: number, inner: string) =>
    `${open.repeat(depth)}${inner}${close.repeat(depth)}`;
  const moderate = random.int(200, 600);
  // Deep enough that work quadratic in depth, or recursion per level, shows; well under 2 MiB.
  const deep = random.int(60_000, 90_000);
  return [
    page(
      "nested",
      `divs-moderate-${index}`,
      html({ title: "Nested", body: wrap("<div>", "</div>", moderate, article(random)) }),
    ),
    page(
      "nested",
      `lists-moderate-${index}`,
      html({ title: "Lists", body: `${article(random)}${wrap("<ul><li>", "</li></ul>", moderate, "x")}` }),
    ),
    page(
      "nested",
      `divs-deep-${index}`,
      html({ title: "Deep", body: wrap("<div>", "</div>", deep, article(random)) }),
      {},
    ),
    page(
      "nested",
      `formatting-deep-${index}`,
      html({ title: "Formatting", body: `${article(random)}${"<b><i>".repeat(deep / 4)}x` }),
    ),
  ];
}

function huge(random: Random, index: number): HostilePage[] {
  const many: string[] = [];
  let size = 0;
  while (size < MAX_PAGE_BYTES - 64 * 1024) {
    const p = `<p>${paragraph(random)}</p>\n`;
    many.push(p);
    size += p.length;
  }
  const oneParagraph = Array.from({ length: 120_000 }, (_, i) => `Item ${i} ends.`).join(" ");
  const links = Array.from({ length: 40_000 }, (_, i) => `<a href="https://x.test/${i}">l${i}</a>`).join(" ");
  return [
    page(
      "huge",
      `many-paragraphs-${index}`,
      html({ title: "Many", body: `<article>${many.join("")}</article>` }),
    ),
    page(
      "huge",
      `one-paragraph-${index}`,
      html({ title: "One", body: `<article><p>${oneParagraph}</p></article>` }),
    ),
    page("huge", `links-${index}`, html({ title: "Links", body: `${article(random)}<p>${links}</p>` })),
    page(
      "huge",
      `title-${index}`,
      html({ title: "T".repeat(random.int(500_000, 1_500_000)), body: article(random) }),
    ),
    page("huge", `text-one-line-${index}`, `${paragraph(random, 20_000)}\n`, { extension: ".txt" }),
  ];
}

function binary(random: Random, index: number): HostilePage[] {
  const png = Buffer.concat([Buffer.from("89504e470d0a1a0a", "hex"), random.bytes(random.int(100, 5000))]);
  const pdf = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
  const utf16 = Buffer.from(html({ title: "Sixteen", body: article(random), charset: "" }), "utf16le");
  return [
    page("binary", `random-${index}`, random.bytes(random.int(1_000, 300_000))),
    page("binary", `png-named-html-${index}`, png),
    page("binary", `pdf-named-html-${index}`, pdf),
    page("binary", `utf16-without-bom-${index}`, utf16),
    page("binary", `nul-filled-${index}`, Buffer.alloc(random.int(1, 100_000))),
    page("binary", `random-text-${index}`, random.bytes(random.int(1_000, 50_000)), { extension: ".txt" }),
    page("binary", `random-markdown-${index}`, random.bytes(random.int(1_000, 50_000)), { extension: ".md" }),
  ];
}

const SHIFT_JIS_PAGE = resolve(import.meta.dirname, "../fixtures/pages/ja-news-shift-jis/source.html");

function misdeclared(random: Random, index: number): HostilePage[] {
  const japanese = Array.from(
    { length: 12 },
    () => `<p>${japaneseSentence(random)}${japaneseSentence(random)}</p>`,
  ).join("");
  const shiftJis = readFileSync(SHIFT_JIS_PAGE);
  const latin1 = Buffer.from(`${paragraph(random)} café naïve ${paragraph(random)}`, "latin1");
  return [
    page(
      "misdeclared",
      `utf8-as-shift-jis-${index}`,
      html({ title: "日本語", body: japanese, charset: "shift_jis", lang: "ja" }),
      { lang: "ja" },
    ),
    page(
      "misdeclared",
      `shift-jis-as-utf8-${index}`,
      Buffer.concat([Buffer.from('<meta charset="utf-8">'), shiftJis]),
      { lang: "ja" },
    ),
    page(
      "misdeclared",
      `utf16-label-${index}`,
      html({ title: "Sixteen", body: article(random), charset: "utf-16" }),
    ),
    page(
      "misdeclared",
      `unknown-label-${index}`,
      html({ title: "Unknown", body: article(random), charset: `x-unknown-${random.int(1, 99)}` }),
    ),
    page(
      "misdeclared",
      `utf7-label-${index}`,
      html({ title: "Seven", body: `+ADw-script+AD4-${article(random)}`, charset: "utf-7" }),
    ),
    page(
      "misdeclared",
      `bom-contradicts-${index}`,
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(html({ title: "BOM", body: article(random) }))]),
    ),
    page("misdeclared", `latin1-text-${index}`, latin1, { extension: ".txt" }),
    page(
      "misdeclared",
      `invalid-utf8-markdown-${index}`,
      Buffer.concat([
        Buffer.from(`# Title\n\n${paragraph(random)}\n\n`),
        Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x28, 0x8c, 0xbc]),
        Buffer.from(`\n\n${paragraph(random)}\n`),
      ]),
      { extension: ".md" },
    ),
  ];
}

function jsonLd(random: Random, index: number): HostilePage[] {
  const script = (json: string) => `<script type="application/ld+json">${json}</script>`;
  const depth = random.int(3_000, 6_000);
  const deep = `${'{"@graph":['.repeat(depth)}{"headline":"Deep"}${"]}".repeat(depth)}`;
  const wide = JSON.stringify({
    "@graph": Array.from({ length: 50_000 }, (_, i) => ({ "@type": "Thing", name: `n${i}` })),
  });
  const wrongTypes = JSON.stringify({
    "@type": "NewsArticle",
    headline: { "@value": [1, 2, { deep: null }] },
    author: [null, 7, { name: { name: { name: "x" } } }, "A".repeat(100_000)],
    datePublished: random.pick(["99999-99-99", "2025-13-45T99:99", "yesterday", "", "-1"]),
    publisher: { name: ["a", "b"], logo: 12 },
    inLanguage: "{{ lang }}",
  });
  const polluting =
    '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"headline":"P"}';
  const body = article(random);
  return [
    page("json-ld", `deep-${index}`, html({ title: "Deep", head: script(deep), body }), {}),
    page("json-ld", `wide-${index}`, html({ title: "Wide", head: script(wide), body })),
    page("json-ld", `wrong-types-${index}`, html({ title: "Types", head: script(wrongTypes), body })),
    page(
      "json-ld",
      `invalid-${index}`,
      html({ title: "Invalid", head: script(`{"headline": "x", ${"[".repeat(10_000)}`), body }),
    ),
    page(
      "json-ld",
      `many-scripts-${index}`,
      html({ title: "Scripts", head: script(polluting).repeat(5_000), body }),
    ),
  ];
}

const CONTROLS = [
  "\u0000",
  "\u0007",
  "\u0008",
  "\u001b[2J",
  "\u001b]0;t\u0007",
  "\u009b31m",
  "\u007f",
  "\f",
  "\v",
  "\r",
];
const ENTITY_CONTROLS = ["&#27;[1A", "&#0;", "&#155;", "&#x1b;]2;x&#7;", "&#xD800;", "&#8238;"];

function controls(random: Random, index: number): HostilePage[] {
  const salt = (text: string) =>
    text
      .split(" ")
      .map((word) =>
        random.chance(0.15) ? `${word}${random.pick(CONTROLS)}${random.pick(ENTITY_CONTROLS)}` : word,
      )
      .join(" ");
  const body = Array.from({ length: random.int(4, 8) }, () => `<p>${salt(paragraph(random))}</p>`).join("");
  const bidi = `<p>\u202e${paragraph(random)}\u202c \u200b\u200d ${paragraph(random)}</p>`;
  return [
    page(
      "controls",
      `html-${index}`,
      html({ title: salt("Council votes &#27;]0;owned&#7; on the budget"), body: `${body}${bidi}` }),
    ),
    page(
      "controls",
      `text-${index}`,
      `${salt(sentence(random))}\n\n${salt(paragraph(random))}\n\n${salt(paragraph(random))}\n`,
      { extension: ".txt" },
    ),
    page(
      "controls",
      `markdown-${index}`,
      `# ${salt("Title \u001b[31m red")}\n\n${salt(paragraph(random))}\n\n- ${salt(sentence(random))}\n`,
      { extension: ".md" },
    ),
  ];
}

const BAD_LANGS = ["日本語", "en US", "{{ lang }}", "x".repeat(300), "en-", "-", "ja_JP.UTF-8", "123"];

function cjk(random: Random, index: number): HostilePage[] {
  const japanese = Array.from(
    { length: random.int(4, 8) },
    () => `<p>${Array.from({ length: random.int(2, 5) }, () => japaneseSentence(random)).join("")}</p>`,
  ).join("");
  const runOn = `<p>${random.text(HANZI, random.int(50_000, 200_000))}</p>`;
  const badLang = random.pick(BAD_LANGS);
  return [
    page("cjk", `japanese-${index}`, html({ title: "市議会、予算を可決", body: japanese, lang: "ja" }), {
      lang: "ja",
    }),
    page(
      "cjk",
      `chinese-run-on-${index}`,
      html({ title: "预算", body: `${runOn}${article(random)}`, lang: "zh" }),
      { lang: "ja" },
    ),
    page(
      "cjk",
      `mixed-${index}`,
      html({ title: "Mixed 混合", body: `${japanese}${article(random)}`, lang: "" }),
      { lang: "ja" },
    ),
    page("cjk", `bad-lang-${index}`, html({ title: "市議会", body: japanese, lang: badLang }), {
      lang: "ja",
    }),
  ];
}

const GENERATORS: Record<PageCategory, (random: Random, index: number) => HostilePage[]> = {
  malformed,
  nested,
  huge,
  binary,
  misdeclared,
  "json-ld": jsonLd,
  controls,
  cjk,
};

/** `rounds` generated pages of every category, in a fixed order for a given random source. */
export function hostilePages(random: Random, rounds: number): HostilePage[] {
  const pages: HostilePage[] = [];
  for (let index = 0; index < rounds; index++) {
    for (const generate of Object.values(GENERATORS)) pages.push(...generate(random, index));
  }
  return pages;
}
