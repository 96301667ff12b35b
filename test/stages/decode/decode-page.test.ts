import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { ShirabeError } from "../../../src/errors.js";
import { decodePage } from "../../../src/stages/decode/decode-page.js";
import type { Page } from "../../../src/types.js";
import { loadFixturePage } from "../../support/fixture-pages.js";

const JAPANESE =
  "県立図書館は来年四月から、平日の開館時間を午後九時まで延長すると発表した。利用者の要望に応えるためだ。";
const SIMPLIFIED =
  "市园林局表示，明年将继续推进口袋公园建设，计划再新建、改建六十个，并重点向新建居住区和老旧小区倾斜。";
const TRADITIONAL =
  "縣府文化局表示，這次整修工程除了將騎樓地面全部整平、改善排水之外，也把原本凌亂的電線和招牌重新整理。";
const KOREAN =
  "시가 지역 전통시장 상인들과 함께 시작한 장보기 배달 서비스가 운영 석 달 만에 누적 주문 2만 건을 넘어섰다.";
const WESTERN =
  "Josette said “only if you wash the ramekins” — so I did. It’s the café’s one dessert: crème brûlée.";

function page(
  body: Uint8Array,
  options: { contentType?: string; header?: string; input?: string } = {},
): Page {
  const contentType = options.contentType ?? "text/html";
  return {
    input: options.input ?? "https://news.test/article",
    url: options.input ?? "https://news.test/article",
    status: 200,
    headers: options.header === undefined ? {} : { "content-type": options.header },
    contentType,
    body,
    fetchedAt: "2026-01-01T00:00:00.000Z",
    fromCache: false,
    redirects: [],
  };
}

function html(text: string, head = ""): string {
  return `<!doctype html><html><head>${head}<title>t</title></head><body><p>${text}</p></body></html>`;
}

function encoded(text: string, encoding: string): Uint8Array {
  return new Uint8Array(iconv.encode(text, encoding));
}

/** "日本語のニュース" in ISO-2022-JP: ESC $ B, JIS X 0208 row/cell pairs, ESC ( B. */
const ISO_2022_JP_NEWS = Uint8Array.from([
  0x3c, 0x70, 0x3e, 0x1b, 0x24, 0x42, 0x46, 0x7c, 0x4b, 0x5c, 0x38, 0x6c, 0x24, 0x4e, 0x25, 0x4b, 0x25, 0x65,
  0x21, 0x3c, 0x25, 0x39, 0x1b, 0x28, 0x42, 0x3c, 0x2f, 0x70, 0x3e,
]);

function errorOf(run: () => unknown): ShirabeError {
  try {
    run();
  } catch (error) {
    if (error instanceof ShirabeError) return error;
    throw error;
  }
  throw new Error("expected a ShirabeError");
}

const LEGACY: { encoding: string; text: string }[] = [
  { encoding: "shift_jis", text: JAPANESE },
  { encoding: "euc-jp", text: JAPANESE },
  { encoding: "gbk", text: SIMPLIFIED },
  { encoding: "gb18030", text: SIMPLIFIED },
  { encoding: "big5", text: TRADITIONAL },
  { encoding: "euc-kr", text: KOREAN },
  { encoding: "windows-1252", text: WESTERN },
];

describe("decodePage: declared encodings", () => {
  for (const { encoding, text } of LEGACY) {
    it(`reads ${encoding} declared in the Content-Type header`, () => {
      const result = decodePage(
        page(encoded(html(text), encoding), { header: `text/html; charset=${encoding}` }),
      );
      expect(result).toMatchObject({ charset: encoding, charsetSource: "header" });
      expect(result.text).toContain(text);
    });

    it(`reads ${encoding} declared in <meta charset>`, () => {
      const body = encoded(html(text, `<meta charset="${encoding.toUpperCase()}">`), encoding);
      const result = decodePage(page(body, { header: "text/html" }));
      expect(result).toMatchObject({ charset: encoding, charsetSource: "meta" });
      expect(result.text).toContain(text);
    });

    it(`reads ${encoding} declared in <meta http-equiv="Content-Type">`, () => {
      const meta = `<META HTTP-EQUIV='content-type' CONTENT='text/html; charset=${encoding}'>`;
      const result = decodePage(page(encoded(html(text, meta), encoding)));
      expect(result).toMatchObject({ charset: encoding, charsetSource: "meta" });
      expect(result.text).toContain(text);
    });
  }

  it("reads an XML declaration's encoding", () => {
    const body = encoded(`<?xml version="1.0" encoding="EUC-JP"?>\n${html(JAPANESE)}`, "euc-jp");
    const result = decodePage(page(body, { contentType: "application/xhtml+xml" }));
    expect(result).toMatchObject({ charset: "euc-jp", charsetSource: "meta" });
    expect(result.text).toContain(JAPANESE);
  });

  it("reads ISO-2022-JP from a declaration and from its escape sequences alone", () => {
    const declared = decodePage(page(ISO_2022_JP_NEWS, { header: "text/html; charset=ISO-2022-JP" }));
    expect(declared).toMatchObject({
      text: "<p>日本語のニュース</p>",
      charset: "iso-2022-jp",
      charsetSource: "header",
    });
    const undeclared = decodePage(page(ISO_2022_JP_NEWS));
    expect(undeclared).toMatchObject({
      text: "<p>日本語のニュース</p>",
      charset: "iso-2022-jp",
      charsetSource: "detected",
    });
  });

  it("normalises the labels sites actually send", () => {
    const sjis = encoded(html(JAPANESE), "shift_jis");
    for (const label of ["x-sjis", "Shift-JIS", "SJIS", '"shift_jis"', "cp932", "Windows-31J"]) {
      expect(decodePage(page(sjis, { header: `text/html; charset=${label}` })).charset).toBe("shift_jis");
    }
    const gb = encoded(html(SIMPLIFIED), "gbk");
    expect(decodePage(page(gb, { header: "text/html; charset=GB2312" })).charset).toBe("gbk");
    const utf8 = new TextEncoder().encode(html(JAPANESE));
    expect(decodePage(page(utf8, { header: "text/html; charset=utf8" })).charset).toBe("utf-8");
  });

  it("decodes characters pages labelled gb2312 borrow from GB18030", () => {
    const text = "公元917年，刘䶮在此称帝，玻璃瓶上刻有阿拉伯文“بركة”。";
    const result = decodePage(page(encoded(html(text, '<meta charset="gb2312">'), "gb18030")));
    expect(result.charset).toBe("gbk");
    expect(result.text).toContain(text);
  });

  it("ignores an unknown label and carries on down the order", () => {
    const body = encoded(html(JAPANESE, '<meta charset="euc-jp">'), "euc-jp");
    const result = decodePage(page(body, { header: "text/html; charset=klingon-8" }));
    expect(result).toMatchObject({ charset: "euc-jp", charsetSource: "meta" });
  });

  it("prefers the header to the markup", () => {
    const body = encoded(html(JAPANESE, '<meta charset="euc-jp">'), "shift_jis");
    const result = decodePage(page(body, { header: "text/html; charset=shift_jis" }));
    expect(result).toMatchObject({ charset: "shift_jis", charsetSource: "header" });
    expect(result.text).toContain(JAPANESE);
  });

  it("reads unquoted and self-closing <meta> tags", () => {
    const sjis = decodePage(page(encoded(html(JAPANESE, "<meta charset=Shift_JIS/>"), "shift_jis")));
    expect(sjis).toMatchObject({ charset: "shift_jis", charsetSource: "meta" });
    const head = "<meta content=text/html;charset=euc-kr http-equiv=Content-Type>";
    const korean = decodePage(page(encoded(html(KOREAN, head), "euc-kr")));
    expect(korean).toMatchObject({ charset: "euc-kr", charsetSource: "meta" });
  });

  it("skips a <meta> inside a comment", () => {
    const head = '<!-- <meta charset="big5"> --><meta charset="euc-kr">';
    const result = decodePage(page(encoded(html(KOREAN, head), "euc-kr")));
    expect(result).toMatchObject({ charset: "euc-kr", charsetSource: "meta" });
  });

  it("does not look for <meta> in plain text or Markdown", () => {
    const markdown = new TextEncoder().encode('# Notes\n\nWrite `<meta charset="shift_jis">` in the head.\n');
    const result = decodePage(page(markdown, { contentType: "text/markdown", header: "text/markdown" }));
    expect(result).toMatchObject({ charset: "utf-8", charsetSource: "default" });
  });

  it("uses the header charset for plain text", () => {
    const body = encoded(KOREAN, "euc-kr");
    const result = decodePage(
      page(body, { contentType: "text/plain", header: "text/plain; charset=euc-kr" }),
    );
    expect(result).toMatchObject({ text: KOREAN, charset: "euc-kr", charsetSource: "header" });
  });
});

describe("decodePage: byte order marks", () => {
  it("reads UTF-8, UTF-16LE and UTF-16BE by their BOM, over a contrary header, and drops the BOM", () => {
    const text = html(JAPANESE);
    const utf16le = Buffer.from(text, "utf16le");
    const utf16be = Buffer.from(utf16le).swap16();
    const cases: [Uint8Array, string][] = [
      [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), "utf-8"],
      [Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le]), "utf-16le"],
      [Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be]), "utf-16be"],
    ];
    for (const [body, charset] of cases) {
      const result = decodePage(page(body, { header: "text/html; charset=shift_jis" }));
      expect(result).toMatchObject({ text, charset, charsetSource: "bom" });
    }
  });
});

describe("decodePage: declarations that lie", () => {
  it("reads UTF-8 served with a Latin-1 header as UTF-8", () => {
    const text = html("Choir from São Paulo wins Europe’s oldest contest — Zoë Lindqvist reports.");
    const body = new TextEncoder().encode(text);
    expect(decodePage(page(body, { header: "text/html; charset=iso-8859-1" }))).toMatchObject({
      text,
      charset: "utf-8",
      charsetSource: "detected",
    });
    const withMeta = new TextEncoder().encode(html("São Paulo — Zoë", '<meta charset="utf-8">'));
    expect(decodePage(page(withMeta, { header: "text/html; charset=iso-8859-1" }))).toMatchObject({
      charset: "utf-8",
      charsetSource: "meta",
    });
  });

  it("detects Shift_JIS served with a UTF-8 header and <meta>", () => {
    const body = encoded(html(JAPANESE, '<meta charset="utf-8">'), "shift_jis");
    const result = decodePage(page(body, { header: "text/html; charset=utf-8" }));
    expect(result).toMatchObject({ charset: "shift_jis", charsetSource: "detected" });
    expect(result.text).toContain(JAPANESE);
  });

  for (const { encoding, text } of LEGACY) {
    it(`detects ${encoding} behind a UTF-8 header`, () => {
      const result = decodePage(page(encoded(html(text), encoding), { header: "text/html; charset=UTF-8" }));
      expect(result.charsetSource).toBe("detected");
      expect(result.text).toContain(text);
    });
  }

  it("keeps a UTF-8 declaration when only a stray byte is broken", () => {
    const good = new TextEncoder().encode(html(JAPANESE));
    const body = Buffer.concat([good.subarray(0, 40), Buffer.from([0xff]), good.subarray(40)]);
    const result = decodePage(page(body, { header: "text/html; charset=utf-8" }));
    expect(result).toMatchObject({ charset: "utf-8", charsetSource: "header" });
    expect(result.text).toContain(JAPANESE);
  });

  it("reads a UTF-16 <meta> in ASCII-compatible bytes as UTF-8, as browsers do", () => {
    const body = new TextEncoder().encode(html(JAPANESE, '<meta charset="utf-16">'));
    expect(decodePage(page(body))).toMatchObject({ charset: "utf-8", charsetSource: "meta" });
  });
});

describe("decodePage: detection without any declaration", () => {
  for (const { encoding, text } of LEGACY) {
    it(`detects ${encoding}`, () => {
      const result = decodePage(page(encoded(html(text), encoding)));
      // GBK is a subset of GB18030, so detection names the superset.
      expect(result.charset).toBe(encoding === "gbk" ? "gb18030" : encoding);
      expect(result.charsetSource).toBe("detected");
      expect(result.text).toContain(text);
    });
  }

  it("detects UTF-8, and calls pure ASCII and empty bodies UTF-8 by default", () => {
    const utf8 = decodePage(page(new TextEncoder().encode(html(JAPANESE))));
    expect(utf8).toMatchObject({ charset: "utf-8", charsetSource: "detected" });
    const ascii = decodePage(page(new TextEncoder().encode(html("Plain words only."))));
    expect(ascii).toMatchObject({ charset: "utf-8", charsetSource: "default" });
    expect(decodePage(page(new Uint8Array()))).toMatchObject({
      text: "",
      charset: "utf-8",
      charsetSource: "default",
    });
  });

  it("detects Shift_JIS cut off in the middle of a character", () => {
    const body = encoded(html(JAPANESE), "shift_jis");
    const cut = body.subarray(0, body.lastIndexOf(0x82) + 1);
    expect(decodePage(page(cut)).charset).toBe("shift_jis");
  });

  it("detects a single short Japanese sentence", () => {
    const result = decodePage(page(encoded("<p>本日は晴天なり。</p>", "euc-jp")));
    expect(result.charset).toBe("euc-jp");
  });

  it("detects UTF-16 without a BOM", () => {
    const result = decodePage(page(Buffer.from(html("Hello, 世界"), "utf16le")));
    expect(result).toMatchObject({
      text: html("Hello, 世界"),
      charset: "utf-16le",
      charsetSource: "detected",
    });
  });

  it("refuses binary data with an input error that names the page and --encoding", () => {
    const noise = Uint8Array.from({ length: 2048 }, (_, index) => (index * 7919 + 13) % 256);
    const error = errorOf(() => decodePage(page(noise, { input: "https://files.test/blob" })));
    expect(error).toMatchObject({
      kind: "input",
      code: "unknown-encoding",
      input: "https://files.test/blob",
    });
    expect(error.message).toContain("https://files.test/blob");
    expect(error.message).toContain("--encoding <label> (e.g. shift_jis)");
  });

  it("refuses bytes that are invalid in every candidate encoding", () => {
    const invalid = Uint8Array.from({ length: 600 }, (_, index) => (index % 3 === 2 ? 0x20 : 0xff));
    expect(errorOf(() => decodePage(page(invalid))).code).toBe("unknown-encoding");
  });
});

describe("decodePage: --encoding", () => {
  it("overrides the header, the markup and detection", () => {
    const body = encoded(html(JAPANESE, '<meta charset="utf-8">'), "euc-jp");
    const result = decodePage(page(body, { header: "text/html; charset=shift_jis" }), { encoding: "EUC-JP" });
    expect(result).toMatchObject({ charset: "euc-jp", charsetSource: "override" });
    expect(result.text).toContain(JAPANESE);
  });

  it("accepts aliases such as sjis and gb2312", () => {
    const sjis = encoded(html(JAPANESE), "shift_jis");
    expect(decodePage(page(sjis), { encoding: "sjis" }).charset).toBe("shift_jis");
    const gb = encoded(html(SIMPLIFIED), "gbk");
    expect(decodePage(page(gb), { encoding: "gb2312" }).text).toContain(SIMPLIFIED);
  });

  it("rejects an unknown label as a usage error naming it", () => {
    const error = errorOf(() => decodePage(page(new Uint8Array([0x41])), { encoding: "shift-jiz" }));
    expect(error).toMatchObject({ kind: "usage", code: "unknown-encoding", input: "shift-jiz" });
    expect(error.message).toContain('"shift-jiz"');
  });
});

describe("decodePage on the fixture pages", () => {
  const expected: Record<string, [string, string, string]> = {
    "en-blog-windows-1252": ["windows-1252", "meta", "It’s crème brûlée, and she has been making it"],
    "en-lying-header": ["utf-8", "detected", "Choir from São Paulo wins Europe’s oldest"],
    "en-tech-bom": ["utf-8", "bom", "Tomasz Wiśniewski"],
    "ja-blog-utf8": ["utf-8", "header", "東京都の最高峰、雲取山に行ってきました。"],
    "ja-column-iso-2022-jp": [
      "iso-2022-jp",
      "meta",
      "改札口の横にあった黒板の伝言板が、先週ひっそりと取り外された。",
    ],
    "ja-culture-euc-jp": ["euc-jp", "meta", "いわゆる「うなぎの寝床」と呼ばれる細長い造りで"],
    "ja-local-undeclared": ["shift_jis", "detected", "電動アシスト付き自転車40台を用意し"],
    "ja-news-shift-jis": ["shift_jis", "header", "県教育委員会は4日、県立図書館の平日の開館時間を"],
    "ko-news-euc-kr": ["euc-kr", "meta", "누적 주문 2만 건을 넘어섰다."],
    "report-source-ja": ["shift_jis", "header", "受注金額は約94億円です。"],
    "zh-museum-gb18030": ["gb18030", "meta", "公元917年，刘䶮在此称帝"],
    "zh-news-gbk": ["gbk", "meta", "新增绿地面积约21万平方米"],
    "zh-tw-news-big5": ["big5", "header", "有將近百年歷史的新化老街"],
  };
  for (const [slug, [charset, charsetSource, sentence]] of Object.entries(expected)) {
    it(`${slug}: ${charset} from ${charsetSource}`, () => {
      const result = decodePage(loadFixturePage(slug));
      expect(result).toMatchObject({ charset, charsetSource });
      expect(result.text).toContain(sentence);
      expect(result.text).not.toContain("\ufffd");
    });

    it(`${slug}: detected correctly with every declaration removed`, () => {
      const fixture = loadFixturePage(slug);
      // As plain text with no header, neither <meta> nor the HTTP charset can help.
      const result = decodePage({ ...fixture, headers: {}, contentType: "text/plain" });
      const detected = { gbk: "gb18030" }[charset] ?? charset;
      expect(result.charset).toBe(detected);
      expect(result.text).toContain(sentence);
    });
  }
});
