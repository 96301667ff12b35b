import { describe, expect, it } from "vitest";
import { namesOf, numbersOf } from "../../src/text/claim-anchors.js";

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
});
