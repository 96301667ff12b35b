import { describe, expect, it } from "vitest";
import { detectLang, sentenceLang } from "../../src/text/language.js";

describe("detectLang", () => {
  it.each([
    ["en", "The city council approved the budget for the new bridge after a long debate on Tuesday."],
    ["de", "Der Stadtrat hat den Haushalt für die neue Brücke nach langer Debatte am Dienstag gebilligt."],
    ["fr", "Le conseil municipal a approuvé mardi le budget du nouveau pont après un long débat."],
    ["es", "El ayuntamiento aprobó el martes el presupuesto del nuevo puente tras un largo debate."],
    ["pt", "A câmara municipal aprovou na terça-feira o orçamento da nova ponte depois de um longo debate."],
    ["it", "Il consiglio comunale ha approvato martedì il bilancio del nuovo ponte dopo un lungo dibattito."],
    ["nl", "De gemeenteraad keurde dinsdag na een lang debat de begroting voor de nieuwe brug goed."],
    [
      "id",
      "Dewan kota menyetujui anggaran untuk jembatan baru itu pada hari Selasa setelah perdebatan panjang.",
    ],
    [
      "vi",
      "Hội đồng thành phố đã thông qua ngân sách cho cây cầu mới vào thứ Ba sau một cuộc tranh luận dài.",
    ],
    ["ja", "市議会は火曜日、長い議論の末に新しい橋の予算を承認した。"],
    ["zh", "市议会周二经过长时间辩论后批准了新桥的预算。"],
    ["ko", "시의회는 화요일 긴 토론 끝에 새 다리 예산을 승인했다."],
  ])("reads %s text as %s", (lang, text) => {
    expect(detectLang(text)).toBe(lang);
  });

  it("tells Japanese from Chinese by character forms when there is no kana", () => {
    expect(detectLang("日本銀行総裁記者会見")).toBe("ja");
    expect(detectLang("中国人民银行行长记者会")).toBe("zh");
  });

  it("returns null for text without letters", () => {
    expect(detectLang("2025 — 17% / 3.5")).toBeNull();
  });
});

describe("sentenceLang", () => {
  it("trusts the page's Latin-script language for a Latin-script sentence", () => {
    // Short sentences are where detectors err; the page's declared language knows better.
    expect(sentenceLang("Un tribunal a bloqué la fusion mardi.", "fr-FR")).toBe("fr");
  });

  it("detects a Latin-script sentence on a Japanese page or a page that declares nothing", () => {
    expect(sentenceLang("Die Aktie fiel an einem Tag um 17 Prozent.", "ja")).toBe("de");
    expect(sentenceLang("Las acciones cayeron un 17 % en un solo día.", null)).toBe("es");
  });

  it("calls a kanji-only line Japanese on a Japanese page and kana Japanese on any page", () => {
    expect(sentenceLang("首相官邸記者会見", "ja")).toBe("ja");
    expect(sentenceLang("日銀が再び利上げした。", "en")).toBe("ja");
  });
});
