// Generated facts and the sentences that state them, in English and Japanese, for the faithfulness
// benchmark and tests: each fact can be written several ways (verbatim, "Reportedly, …", a paraphrase,
// です/ます, a translation with Latin or katakana names) or falsified in one known way (a changed number,
// an invented name, a reversed direction, negation, quantifier, modality or time order). Everything is
// drawn from a seeded generator so the figures can be reproduced, and from many templates and values
// so they do not describe one fixture.

import { ENTITIES, type Entity, INVENTED, METRICS, MONTHS, PLACES, PRODUCTS } from "./faithfulness-names.js";
import type { Random } from "./seeded-random.js";

export type Lang = "en" | "ja";
export type Fault =
  | "wrong-citation"
  | "changed-number"
  | "invented-name"
  | "reversed-direction"
  | "negation"
  | "quantifier"
  | "modality"
  | "time-order";
export const FAULTS: Fault[] = [
  "wrong-citation",
  "changed-number",
  "invented-name",
  "reversed-direction",
  "negation",
  "quantifier",
  "modality",
  "time-order",
];
export type Phrasing = "exact" | "reportedly" | "paraphrase" | "polite" | "translation" | "translation-latin";

export type Kind = "change" | "invest" | "prices" | "opening" | "launch" | "plants";

export interface Fact {
  id: string;
  kind: Kind;
  entity: Entity;
  other: Entity;
  place: Entity;
  metric: Entity;
  product: Entity;
  up: boolean;
  negated: boolean;
  hedged: boolean;
  before: boolean;
  all: boolean;
  pct: number;
  year: number;
  month: number;
  /** Amount in units of 100 million (億): 4500 is 450 billion yen. */
  oku: number;
  yen: boolean;
  plants: number;
  /** Japanese numbers as kanji numerals (五千億円). */
  kanji: boolean;
}

const KINDS: Kind[] = ["change", "invest", "prices", "opening", "launch", "plants"];

export function makeFact(random: Random, id: string, avoid: Set<string>): Fact {
  let entity = random.pick(ENTITIES);
  while (avoid.has(entity.en)) entity = random.pick(ENTITIES);
  avoid.add(entity.en);
  let other = random.pick(ENTITIES);
  while (other === entity) other = random.pick(ENTITIES);
  return {
    id,
    kind: random.pick(KINDS),
    entity,
    other,
    place: random.pick(PLACES),
    metric: random.pick(METRICS),
    product: random.pick(PRODUCTS),
    up: random.next() < 0.5,
    negated: random.next() < 0.5,
    hedged: random.next() < 0.5,
    before: random.next() < 0.5,
    all: random.next() < 0.5,
    pct: random.int(2, 48),
    year: random.int(2019, 2028),
    month: random.int(1, 12),
    oku: random.pick([1200, 2500, 4500, 5000, 8000, 12000, 30000, 320, 75]),
    yen: random.next() < 0.6,
    plants: random.int(2, 9),
    kanji: random.next() < 0.25,
  };
}

/** The reversal each kind of fact can carry; the other faults apply to every fact. */
const REVERSAL: Partial<Record<Kind, Fault>> = {
  change: "reversed-direction",
  prices: "negation",
  opening: "modality",
  launch: "time-order",
  plants: "quantifier",
};

/** Half the faults of a fact that can be reversed are its reversal; the rest are spread over the others. */
export function pickFault(fact: Fact, random: Random): Fault {
  const reversal = REVERSAL[fact.kind];
  if (reversal && random.next() < 0.5) return reversal;
  return random.pick<Fault>(["wrong-citation", "changed-number", "invented-name"]);
}

/** A fact falsified one way; null when the fault does not apply to its kind. */
export function falsify(fact: Fact, fault: Fault, random: Random): Fact | null {
  switch (fault) {
    case "changed-number": {
      const which = random.int(0, 1);
      // A plants sentence carries no year, so only its plant count can change visibly.
      if (fact.kind === "plants" || (which === 0 && (fact.kind === "change" || fact.kind === "invest")))
        return fact.kind === "change"
          ? { ...fact, pct: fact.pct + random.int(1, 9) }
          : fact.kind === "invest"
            ? { ...fact, oku: fact.oku * 2 }
            : { ...fact, plants: fact.plants + 1 };
      return { ...fact, year: fact.year + (random.next() < 0.5 ? 1 : -1) };
    }
    case "invented-name":
      return { ...fact, entity: random.pick(INVENTED) };
    case "reversed-direction":
      return fact.kind === "change" ? { ...fact, up: !fact.up } : null;
    case "negation":
      return fact.kind === "prices" ? { ...fact, negated: !fact.negated } : null;
    case "modality":
      return fact.kind === "opening" ? { ...fact, hedged: !fact.hedged } : null;
    case "time-order":
      return fact.kind === "launch" ? { ...fact, before: !fact.before } : null;
    case "quantifier":
      return fact.kind === "plants" ? { ...fact, all: !fact.all } : null;
    case "wrong-citation":
      return fact;
  }
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function money(fact: Fact, lang: Lang): string {
  if (lang === "en") {
    const value = fact.yen ? fact.oku / 10 : fact.oku / 10;
    // 4500億円 is 450 billion yen; 32億ドル is $3.2 billion.
    if (fact.yen) return value >= 1000 ? `${value / 1000} trillion yen` : `${value} billion yen`;
    const dollars = fact.oku / 10;
    return dollars >= 1 ? `$${dollars} billion` : `$${dollars * 1000} million`;
  }
  const unit = fact.yen ? "円" : "ドル";
  const cho = Math.floor(fact.oku / 10000);
  const rest = fact.oku % 10000;
  if (fact.kanji) return `${kanji(cho, "兆")}${kanji(rest, "億")}${unit}`;
  return `${cho ? `${cho}兆` : ""}${rest ? `${rest}億` : ""}${unit}`;
}

function kanji(value: number, scale: string): string {
  if (value === 0) return "";
  const digits = "〇一二三四五六七八九";
  let out = "";
  for (const [unit, size] of [
    ["千", 1000],
    ["百", 100],
    ["十", 10],
  ] as const) {
    const d = Math.floor(value / size) % 10;
    if (d) out += `${d === 1 ? "" : digits[d]}${unit}`;
  }
  const ones = value % 10;
  if (ones) out += digits[ones];
  return `${out}${scale}`;
}

/** Fact → one sentence. `variant` picks a template; `polite` gives Japanese です/ます; `latin` keeps Latin names in Japanese. */
export function render(fact: Fact, lang: Lang, variant: number, polite = false, latin = false): string {
  const E = lang === "en" || latin ? fact.entity.en : fact.entity.ja;
  const O = lang === "en" || latin ? fact.other.en : fact.other.ja;
  const v = variant % 3;
  if (lang === "en") {
    const month = MONTHS[fact.month - 1] as string;
    switch (fact.kind) {
      case "change":
        return [
          `${E}'s ${fact.metric.en} ${fact.up ? "rose" : "fell"} ${fact.pct}% in ${fact.year}.`,
          `In ${fact.year}, ${fact.metric.en} at ${E} ${fact.up ? "increased" : "decreased"} by ${fact.pct}%.`,
          `${E} said its ${fact.metric.en} ${fact.up ? "grew" : "declined"} ${fact.pct}% in ${fact.year}.`,
          `${capital(fact.metric.en)} at ${E} ${fact.up ? "rose" : "fell"} ${fact.pct}% in ${fact.year}.`,
        ][variant % 4] as string;
      case "invest":
        return [
          `${E} plans to invest ${money(fact, "en")} in a new plant in ${fact.place.en} by ${fact.year}.`,
          `By ${fact.year}, ${E} plans to put ${money(fact, "en")} into a new plant in ${fact.place.en}.`,
          `${E} said it plans to invest ${money(fact, "en")} in ${fact.place.en} by ${fact.year}.`,
        ][v] as string;
      case "prices":
        return [
          `${E} ${fact.negated ? "did not raise" : "raised"} prices for its ${fact.product.en} in ${fact.year}.`,
          `In ${fact.year}, ${E} ${fact.negated ? "did not increase" : "increased"} the prices of its ${fact.product.en}.`,
          `${E} ${fact.negated ? "did not put up" : "put up"} the price of its ${fact.product.en} in ${fact.year}, the company said.`,
        ][v] as string;
      case "opening":
        return [
          `${E} ${fact.hedged ? "may" : "will"} open its plant in ${fact.place.en} in ${fact.year}.`,
          `The plant ${E} is building in ${fact.place.en} ${fact.hedged ? "could" : "will"} start operating in ${fact.year}.`,
          `${E} ${fact.hedged ? "is likely to" : "will"} begin production in ${fact.place.en} in ${fact.year}.`,
        ][v] as string;
      case "launch":
        return [
          `${E} cut prices ${fact.before ? "before" : "after"} ${O} launched its new model in ${month} ${fact.year}.`,
          `${fact.before ? "Before" : "After"} ${O} released a new model in ${month} ${fact.year}, ${E} lowered its prices.`,
          `${E} reduced its prices ${fact.before ? "ahead of" : "following"} the launch of ${O}'s new model in ${month} ${fact.year}.`,
        ][v] as string;
      case "plants":
        return [
          `${fact.all ? "All" : "Some"} of ${E}'s ${fact.plants} plants in ${fact.place.en} resumed production in ${month}.`,
          `In ${month}, production resumed at ${fact.all ? "all" : "some"} of the ${fact.plants} plants ${E} runs in ${fact.place.en}.`,
          `${E} restarted production at ${fact.all ? "all" : "some"} of its ${fact.plants} ${fact.place.en} plants in ${month}.`,
        ][v] as string;
    }
  }
  const end = (plain: string, politeForm: string) => (polite ? politeForm : plain);
  const P = fact.place.ja;
  const m = `${fact.month}月`;
  switch (fact.kind) {
    case "change": {
      const verb = [
        fact.up ? ["増加した", "増加しました"] : ["減少した", "減少しました"],
        fact.up ? ["増えた", "増えました"] : ["減った", "減りました"],
        fact.up ? ["伸びた", "伸びました"] : ["落ち込んだ", "落ち込みました"],
      ][v] as [string, string];
      return [
        `${E}の${fact.year}年の${fact.metric.ja}は${fact.pct}%${end(...verb)}。`,
        `${fact.year}年、${E}の${fact.metric.ja}は前年比で${fact.pct}%${end(...verb)}。`,
        `${E}は、${fact.year}年の${fact.metric.ja}が${fact.pct}%${verb[0]}と${end("発表した", "発表しました")}。`,
      ][v] as string;
    }
    case "invest":
      return [
        `${E}は${fact.year}年までに${P}の新工場に${money(fact, "ja")}を投資する${end("計画だ", "計画です")}。`,
        `${E}は${P}の新工場に${fact.year}年までに${money(fact, "ja")}を投じる${end("計画だ", "計画です")}。`,
        `${E}によると、${fact.year}年までに${P}に${money(fact, "ja")}を投資する${end("計画だという", "計画とのことです")}。`,
      ][v] as string;
    case "prices":
      return [
        `${E}は${fact.year}年に${fact.product.ja}を${fact.negated ? end("値上げしなかった", "値上げしませんでした") : end("値上げした", "値上げしました")}。`,
        `${E}は${fact.year}年、${fact.product.ja}の価格を${fact.negated ? end("引き上げなかった", "引き上げませんでした") : end("引き上げた", "引き上げました")}。`,
        `${fact.year}年に${E}は${fact.product.ja}の価格を${fact.negated ? end("上げなかった", "上げませんでした") : end("上げた", "上げました")}。`,
      ][v] as string;
    case "opening":
      return [
        `${E}の${P}工場は${fact.year}年に稼働する${fact.hedged ? end("可能性がある", "可能性があります") : end("予定だ", "予定です")}。`,
        `${E}は${fact.year}年に${P}で生産を始める${fact.hedged ? end("見込みだ", "見込みです") : end("予定だ", "予定です")}。`,
        `${E}が${fact.year}年に${P}工場を開く${fact.hedged ? end("可能性がある", "可能性があります") : end("ことは確実だ", "ことは確実です")}。`,
      ][v] as string;
    case "launch":
      return [
        `${E}は、${O}が${fact.year}年${m}に新モデルを${fact.before ? "発売する前に" : "発売した後に"}${end("値下げした", "値下げしました")}。`,
        `${fact.year}年${m}に${O}が新モデルを${fact.before ? "発表する前に" : "発表した後、"}${E}は価格を${end("引き下げた", "引き下げました")}。`,
        `${O}による${fact.year}年${m}の新モデル発売の${fact.before ? "直前に" : "直後に"}、${E}は${end("値下げした", "値下げしました")}。`,
      ][v] as string;
    case "plants":
      return [
        `${E}の${P}にある${fact.plants}工場は${fact.all ? "すべて" : "一部"}が${m}に生産を${end("再開した", "再開しました")}。`,
        `${m}、${E}は${P}の${fact.plants}工場の${fact.all ? "全て" : "一部"}で生産を${end("再開した", "再開しました")}。`,
        `${E}は${m}に${P}にある${fact.plants}つの工場の${fact.all ? "すべて" : "一部"}で生産を${end("再開した", "再開しました")}。`,
      ][v] as string;
  }
}

/** Glossary entries an outline would give for the names of these facts. */
export function glossaryOf(facts: Fact[]): string[] {
  const entries = new Set<string>();
  for (const fact of facts)
    for (const name of [fact.entity, fact.other, fact.place]) entries.add(`${name.ja} / ${name.en}`);
  return [...entries];
}
