// Which way a sentence points: negated or not, up or down, before or after, hedged or certain, all or
// some. Two sentences that share every content word but differ here say opposite things, which a
// lexical check cannot see; the support check compares these signatures clause by clause. The cue
// lists cover English, Japanese and Chinese; cues are language-independent, so a Japanese sentence
// can be compared with the English passage it translates.

import { memoByText } from "./claim-anchors.js";

export type Cue = "negated" | "up" | "down" | "before" | "after" | "hedged" | "certain" | "all" | "some";

/** A rule turns what it matches into cues (none: the words are masked so a shorter rule cannot misread them). */
interface Rule {
  pattern: RegExp;
  cues: Cue[];
}

const rule = (source: string, ...cues: Cue[]): Rule => ({ pattern: new RegExp(source, "gu"), cues });

// Longer phrases come first: each match is blanked out before the next rule runs.
const ENGLISH: Rule[] = [
  rule("\\b(?:not only|whether or not|not least|not at all|all-time|overall|no\\.\\s*\\d+|up to)\\b"),
  rule("\\b(?:at least|more than|greater than|higher than)\\b", "up"),
  rule("\\bno (?:more|greater|higher) than\\b", "down"),
  rule("\\b(?:at most|less than|fewer than|lower than)\\b", "down"),
  rule("\\bwon[’']t\\b|\\bwill not\\b", "negated", "certain"),
  rule("\\bunlikely\\b|\\bimpossible\\b", "negated", "hedged"),
  rule("\\b(?:no longer|never|not|none|nobody|nothing|neither|nor|without|no)\\b|n[’']t\\b", "negated"),
  rule("\\bfail(?:s|ed|ing)? to\\b|\\bcannot\\b", "negated"),
  rule(
    "\\b(?:may|might|could|possibly|possible|likely|probably|perhaps|expect(?:s|ed)?(?: to)?|forecasts?|forecasted|projected|estimated|potentially|reportedly expected)\\b",
    "hedged",
  ),
  rule("\\b(?:will|certainly|definitely|surely|certain to|is set to|are set to|guaranteed)\\b", "certain"),
  rule("\\b(?:before|prior to|ahead of|earlier than|preceding|preceded)\\b", "before"),
  rule(
    "\\b(?:after|later than|subsequently|afterwards|following(?= (?:the|its|a|an|his|her|their)\\b))\\b",
    "after",
  ),
  rule(
    "\\b(?:put|puts|putting|push(?:es|ed)?|drive|drove|driven|mark(?:s|ed)?|go|goes|went|gone|going) up\\b",
    "up",
  ),
  rule(
    "\\b(?:bring|brings|brought|push(?:es|ed)?|drive|drove|driven|mark(?:s|ed)?|go|goes|went|gone|going|scale[ds]?) (?:down|back)\\b",
    "down",
  ),
  rule("\\b(?:all|every|each|entire|entirely|whole)\\b", "all"),
  rule("\\b(?:some|several|part of|a few|partly|partially)\\b", "some"),
  rule(
    "\\b(?:ris(?:e|es|ing)|rose|risen|increas\\w*|grow(?:s|n|ing|th)?|grew|gain(?:s|ed)?|climb\\w*|jump\\w*|surg\\w*|soar\\w*|higher|highest|more|above|exceed\\w*|expand\\w*|larger|bigger|greater|stronger|better|boost\\w*|rais(?:e|es|ed|ing)|doubl\\w*|tripl\\w*|rall(?:y|ied|ies)|hik(?:e|es|ed)|up(?= \\$?\\d))\\b",
    "up",
  ),
  rule(
    "\\b(?:fall(?:s|en|ing)?|fell|decreas\\w*|declin\\w*|drop(?:s|ped|ping)?|shr[iau]nk\\w*|slip(?:s|ped)?|slump\\w*|plung\\w*|tumbl\\w*|lower(?:s|ed|ing)?|lowest|less|fewer|below|cut(?:s|ting)?|reduc\\w*|smaller|weaker|worse|cheaper|slash\\w*|halv\\w*|sank|sink(?:s|ing)?|lost|los(?:e|es|ing)|dip(?:s|ped)?|down(?= \\$?\\d))\\b",
    "down",
  ),
];

const JAPANESE: Rule[] = [
  rule(
    "売り?上げ?|立ち上|取り上げ|落ち着|最後|今後|午後|前後|前年|前期|前月|前回|前日|背後|大部分|安全|未来|まず|しかな(?:い|かった)|しかありません|間もな|危な|だけでなく|のみならず|に限らず",
  ),
  rule("なければな(?:らない|りません)|ざるを得", "certain"),
  rule("かもしれ(?:ない|ません)", "hedged"),
  rule("に違いな(?:い|かった)|に違いありません", "certain"),
  rule("少なくとも|以上|超え|超過|より多", "up"),
  rule("未満|以下|少な(?:い|く|かった)", "down"),
  rule("不可能", "negated", "hedged"),
  rule(
    "ません|な(?:い|かっ|く|し)|(?<=[\\p{Script=Hiragana}])ず(?=[、。にとも]|$)|未(?=[\\p{Script=Han}])|非公開|無い",
    "negated",
  ),
  rule("可能性|見込|見通し|恐れ|おそれ|予想|予測|推定|推計|でしょう|だろう|とみられ|と見られ", "hedged"),
  rule("確実|必ず|予定", "certain"),
  rule("より前|以前|直前|前に|前の|前、", "before"),
  rule("より後|以降|直後|その後|後に|後の|後、|あと(?:に|で)|のち", "after"),
  rule("全て|すべて|全部|全員|全社|全額|全体|いずれも|あらゆる|各(?=\\p{Script=Han})|全(?=\\d)", "all"),
  rule("一部|いくつか|部分的", "some"),
  rule("増|上昇|上回|上が|上げ|拡大|伸び|伸ば|高ま|高騰|高い|高く|急騰|倍", "up"),
  rule("減|下落|下降|低下|下回|下が|下げ|縮小|落ち|急落|低い|低く|安い|安く|安価|値下", "down"),
];

const CHINESE: Rule[] = [
  rule(
    "不断|不少|不过|不仅|不但|不同|不久|不管|不论|不足|无论|无人|未来|非常|除非|非洲|大部分|超级|将近|目前",
  ),
  rule("不到|少于|低于|以下|未满", "down"),
  rule("多于|高于|超过|以上", "up"),
  rule("不可能", "negated", "hedged"),
  rule("或将|可能|或许|也许|预计|有望|估计|预期|恐怕", "hedged"),
  rule("没有|没|不|未|无|非|别|勿", "negated"),
  rule("必将|将|一定|肯定|必然|确定", "certain"),
  rule("之前|以前|此前|前夕|早于", "before"),
  rule("之后|以后|此后|随后|晚于|后来", "after"),
  rule("所有|全部|全体|每个|每家", "all"),
  rule("部分|一些|有些|若干|某些", "some"),
  rule("增|上升|上涨|涨|提高|提升|扩大|翻番", "up"),
  rule("下降|下跌|跌|减|降|缩小|下滑", "down"),
];

const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const HAN = /\p{Script=Han}/u;

/** Runs the cue rules over a text: its cues, and the text with every cue word blanked out. */
const readCues = memoByText(applyRules);

function applyRules(text: string): { cues: Set<Cue>; rest: string } {
  // "May" with a capital is the month; the modal is lower-case inside a sentence.
  let rest = text
    .normalize("NFKC")
    .replace(/\bMay\b/g, "   ")
    .toLowerCase();
  const rules = [...ENGLISH, ...(KANA.test(rest) ? JAPANESE : HAN.test(rest) ? CHINESE : [])];
  const cues = new Set<Cue>();
  let negations = 0;
  for (const { pattern, cues: found } of rules) {
    rest = rest.replace(pattern, (match) => {
      for (const cue of found) {
        if (cue === "negated") negations++;
        else cues.add(cue);
      }
      return " ".repeat(match.length);
    });
  }
  if (negations % 2 === 1) cues.add("negated");
  return { cues, rest };
}

/** The cues of a text; "negated" only when it is negated an odd number of times. */
function polarityOf(text: string): Set<Cue> {
  return readCues(text).cues;
}

/** The text without its cue words (lower-cased): what it is about, not which way it points. */
export function withoutCues(text: string): string {
  return readCues(text).rest;
}

// Clauses: sentences, then the parts joined by English commas and contrastive or additive conjunctions.
// Japanese and Chinese commas are left alone: 「トヨタは2024年、値上げした」 is one clause whose topic
// the comma only sets off.
const CLAUSE_BREAK =
  /[.;!?。；！？\n]+(?!\d)|,(?!\d{3})|[:：]|\s+(?:but|while|whereas|although|though|and|yet)\s+|が、|けど|一方で?|但是?|而且?|并且/u;

/** The clauses of a text, with the text they came from kept for alignment. */
function clausesOf(text: string): string[] {
  return text
    .split(new RegExp(CLAUSE_BREAK.source, "gu"))
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

/** Clauses with no anchor of their own ("…, not less") belong to the clause before them (or after, first). */
function anchoredClauses(text: string, anchors: (clause: string) => number): string[] {
  const merged: string[] = [];
  let carry = "";
  for (const clause of clausesOf(text)) {
    if (anchors(clause) === 0) {
      if (merged.length > 0) merged[merged.length - 1] += ` ${clause}`;
      else carry += `${clause} `;
      continue;
    }
    merged.push(`${carry}${clause}`);
    carry = "";
  }
  if (carry) merged.push(carry.trim());
  return merged;
}

/** Cues a claim may not drop from the passage clause it restates. */
const KEPT = new Set<Cue>(["negated", "hedged", "some"]);

/**
 * True when the claim points the same way as the passage clauses it is about. Each claim clause is
 * aligned with the passage clauses that share anchors with it (`overlap` counts them; those with at
 * least a third of the best count; all clauses when none shares any), so a translation that merges or
 * splits clauses is still compared with what it restates. A claim clause may carry no
 * cue its passage clauses lack, and the claim clauses aligned with a passage clause must keep its
 * negation, hedge and "some": a claim can neither add "not" nor drop it. (Leaving out that something
 * rose, or happened before something else, says less; it does not reverse anything.)
 */
export function polarityAgrees(
  claim: string,
  passage: string,
  overlap: (claimClause: string, passageClause: string) => number,
): boolean {
  const anchors = (clause: string) => overlap(clause, clause);
  const passageClauses = anchoredClauses(passage, anchors);
  const passageCues = passageClauses.map(polarityOf);
  const covered = passageClauses.map(() => new Set<Cue>());
  const aligned = passageClauses.map(() => false);
  for (const clause of anchoredClauses(claim, anchors)) {
    const own = polarityOf(clause);
    const scores = passageClauses.map((p) => overlap(clause, p));
    const best = Math.max(0, ...scores);
    const allowed = new Set<Cue>();
    passageClauses.forEach((_, i) => {
      const score = scores[i] ?? 0;
      if (best > 0 && (score === 0 || score < best / 3)) return;
      aligned[i] = true;
      for (const cue of passageCues[i] ?? []) allowed.add(cue);
      for (const cue of own) covered[i]?.add(cue);
    });
    for (const cue of own) if (!allowed.has(cue)) return false;
  }
  return passageCues.every(
    (cues, i) => !aligned[i] || [...cues].every((cue) => !KEPT.has(cue) || covered[i]?.has(cue)),
  );
}
