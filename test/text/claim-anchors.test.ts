import { describe, expect, it } from "vitest";
import { nameFoundIn, namesOf, numbersOf, parseGlossary } from "../../src/text/claim-anchors.js";

const latin = (text: string) => ({ text, script: "latin" as const, initialWord: false });
const katakana = (text: string) => ({ text, script: "katakana" as const, initialWord: false });

describe("numbers across scripts", () => {
  it("reads digits, scales and kanji numerals as the same values", () => {
    expect(numbersOf("$5.6 million")).toEqual(["5600000"]);
    expect(numbersOf("560万ドル")).toEqual(["5600000"]);
    expect(numbersOf("五百六十万ドル")).toEqual(["5600000"]);
    expect(numbersOf("5億6000万円")).toEqual(["560000000"]);
    expect(numbersOf("五億六千万円")).toEqual(["560000000"]);
    expect(numbersOf("三千億円")).toEqual(["300000000000"]);
    expect(numbersOf("２０２５年、2,048個")).toEqual(["2025", "2048"]);
    expect(numbersOf("二〇二五年")).toEqual(["2025"]);
  });

  it("counts month names as their numbers and leaves word-like kanji alone", () => {
    expect(numbersOf("On January 20, 2025")).toEqual(["20", "2025", "1"]);
    expect(numbersOf("2025年1月20日")).toEqual(["2025", "1", "20"]);
    expect(numbersOf("一部の企業は一方で三菱と組みました")).toEqual([]);
    expect(numbersOf("株価は一日で17%下落")).toEqual(["17"]);
    expect(numbersOf("The model may be released soon")).toEqual([]);
  });

  it("lets a passage's spelled-out numbers count for it, never a claim's", () => {
    expect(numbersOf("three plants", true)).toEqual(["3"]);
    expect(numbersOf("three plants")).toEqual([]);
  });
});

describe("names", () => {
  it("ignores function words that open a sentence and splits Latin from the Japanese glued to it", () => {
    expect(namesOf("Reportedly, Nvidia sold 2,000 H800 chips.").map((n) => n.text)).toEqual([
      "Nvidia",
      "H800",
    ]);
    expect(namesOf("Overall, the plan worked.").map((n) => n.text)).toEqual([]);
    expect(namesOf("However, DeepSeek said so.").map((n) => n.text)).toEqual(["DeepSeek"]);
    expect(namesOf("DeepSeekはNVIDIA製のGPUを使いました。").map((n) => n.text)).toEqual([
      "DeepSeek",
      "NVIDIA",
      "GPU",
    ]);
    expect(namesOf("In January 2025, Sony cut prices.").map((n) => n.text)).toEqual(["Sony"]);
  });

  it("marks a capitalised opening common noun, which a translation need not spell, but not an opening name", () => {
    expect(namesOf("Exports of chips rose 5%.")).toEqual([
      { text: "Exports", script: "latin", initialWord: true },
    ]);
    expect(namesOf("Production resumed in May.")[0]?.initialWord).toBe(true);
    expect(namesOf("Quorvane plans to invest $3 billion.")).toEqual([
      { text: "Quorvane", script: "latin", initialWord: false },
    ]);
    expect(namesOf("ソニーは500ドルで売りました").map((n) => n.text)).toEqual(["ソニー"]);
  });

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
});
