import { describe, expect, it } from "vitest";
import { parseGlossary } from "../../src/text/claim-anchors.js";
import { nameFoundIn } from "../../src/text/name-spellings.js";

const latin = (text: string) => ({ text, script: "latin" as const, initialWord: false });
const katakana = (text: string) => ({ text, script: "katakana" as const, initialWord: false });

describe("names across scripts", () => {
  it("finds a katakana name in Latin and a Latin name in katakana by sound, and nothing invented", () => {
    expect(nameFoundIn(katakana("エヌビディア"), "Nvidia shares fell 17%.", [])).toBe(true);
    expect(nameFoundIn(katakana("ラピダス"), "Rapidus opened its plant.", [])).toBe(true);
    expect(nameFoundIn(katakana("データセンター"), "new data centers in Texas", [])).toBe(true);
    expect(nameFoundIn(katakana("サーバー"), "It sells servers.", [])).toBe(true);
    expect(nameFoundIn(latin("Rapidus"), "ラピダスは工場を開きました。", [])).toBe(true);
    expect(nameFoundIn(katakana("ハルモニア"), "Rapidus opened its plant in Chitose.", [])).toBe(false);
    expect(nameFoundIn(latin("Kioxia"), "ラピダスは工場を開きました。", [])).toBe(false);
  });

  it("uses the glossary's spellings, including kanji", () => {
    const glossary = parseGlossary(["梁文鋒 / Liang Wenfeng", "ディープシーク（DeepSeek）"]);
    expect(glossary).toEqual([
      ["梁文鋒", "Liang Wenfeng"],
      ["ディープシーク", "DeepSeek"],
    ]);
    expect(nameFoundIn(latin("Liang"), "梁文鋒氏が創業した。", glossary)).toBe(true);
    expect(nameFoundIn(latin("DeepSeek"), "ディープシークは公開した。", glossary)).toBe(true);
    expect(nameFoundIn(latin("Liang"), "梁文鋒氏が創業した。", [])).toBe(false);
  });

  it("knows loanwords that do not sound like their English word, and plurals", () => {
    expect(nameFoundIn(latin("TVs"), "キヤノンはテレビを値上げした。", [])).toBe(true);
    expect(nameFoundIn(katakana("ノートパソコン"), "Sony raised prices of its laptops.", [])).toBe(true);
  });
});
