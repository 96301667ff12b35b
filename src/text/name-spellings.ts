// Whether a text names something in any script: as written, as one of the glossary's spellings (the
// outline's, or a short list of common loanwords), or by consonant skeleton — a Latin name and its
// katakana spelling still look alike once vowels and the sounds Japanese has no letter for are set aside
// (Nvidia ~ エヌビディア, server ~ サーバー, model ~ モデル).
import { type Glossary, memoByText, type Name, parseGlossary } from "./claim-anchors.js";

const KANA_CONSONANT: Array<[string, string]> = [
  ["カキクケコ", "k"],
  ["ガギグゲゴ", "g"],
  ["サスセソシ", "s"],
  ["ザズゼゾ", "s"],
  ["ジヂ", "j"],
  ["タテトツ", "t"],
  ["チ", "c"],
  ["ダデドヅ", "d"],
  ["ナニヌネノン", "n"],
  ["ハヒヘホフ", "f"],
  ["バビブベボヴ", "b"],
  ["パピプペポ", "p"],
  ["マミムメモ", "m"],
  ["ラリルレロ", "r"],
];
const KANA_SKELETON = new Map(KANA_CONSONANT.flatMap(([chars, sound]) => [...chars].map((c) => [c, sound])));

const katakanaSkeleton = memoByText(readKatakanaSkeleton);
const latinSkeleton = memoByText(readLatinSkeleton);

function readKatakanaSkeleton(word: string): string {
  return [...word].map((c) => KANA_SKELETON.get(c) ?? "").join("");
}

function readLatinSkeleton(word: string): string {
  let w = word.toLowerCase().replace(/[^a-z]/g, "");
  if (w.length > 3) w = w.replace(/e$/, "");
  w = w
    .replace(/(.)\1+/g, "$1")
    .replace(/ph/g, "f")
    .replace(/ck/g, "k")
    .replace(/ch/g, "C")
    .replace(/sh|th/g, "s")
    .replace(/ts|tz/g, "t")
    .replace(/ng/g, "n")
    .replace(/qu?/g, "k")
    .replace(/x/g, "ks")
    .replace(/c(?=[eiy])/g, "s")
    .replace(/c/g, "k")
    .replace(/C/g, "c")
    .replace(/z/g, "s")
    .replace(/v/g, "b")
    .replace(/h/g, "f")
    .replace(/r(?![aeiouy])/g, "")
    .replace(/l/g, "r");
  return w.replace(/[aeiouwy]/g, "");
}

const fold = (text: string) => text.normalize("NFKC").toLowerCase();

/**
 * Loanwords whose katakana does not sound like the English word (テレビ is "TV", not "television"), so
 * the consonant skeleton cannot pair them; news Japanese uses them constantly.
 */
const LOANWORDS: Glossary = parseGlossary([
  "テレビ / TV / television",
  "ノートパソコン / laptop / notebook",
  "パソコン / PC / computer",
  "スマホ / smartphone",
  "メーカー / manufacturer / maker",
  "アプリ / app / application",
  "スタートアップ / start-up / startup",
  "インフレ / inflation",
  "デフレ / deflation",
  "ゲーム機 / console",
  "エアコン / air conditioner",
  "コンビニ / convenience store",
  "マンション / condominium / apartment",
  "サラリーマン / office worker",
  "ガソリン / gasoline / petrol",
  "ビル / building",
  "ホームページ / website",
  "ネット / internet / online",
  "ドローン / drone",
  "ワクチン / vaccine",
  "ウイルス / virus",
  "エネルギー / energy",
  "アルバイト / part-time",
  "ベア / base pay",
]);

const spellingsByGlossary = new WeakMap<Glossary, (name: string) => string[]>();

/** The glossary's other spellings of a name (the name itself included). */
function spellingsOf(name: string, glossary: Glossary): string[] {
  let lookup = spellingsByGlossary.get(glossary);
  if (!lookup) {
    lookup = memoByText((key) => readSpellings(key, glossary));
    spellingsByGlossary.set(glossary, lookup);
  }
  return lookup(name);
}

function readSpellings(name: string, glossary: Glossary): string[] {
  const folded = fold(name);
  // "TVs" is the plural of "TV": a Latin name is also looked up without a plural "s".
  const keys = /^[a-z].*[a-z]s$/i.test(name) ? [folded, folded.slice(0, -1)] : [folded];
  const spellings = [name];
  for (const group of [...glossary, ...LOANWORDS]) {
    const matches = (spelling: string) => {
      const known = fold(spelling);
      return keys.some((key) => known === key || (known.includes(" ") && known.split(/\s+/).includes(key)));
    };
    if (group.some(matches)) spellings.push(...group);
  }
  return spellings;
}

/** True when the glossary (or the list of common loanwords) spells the name another way. */
export function inGlossary(name: string, glossary: Glossary): boolean {
  return spellingsOf(name, glossary).length > 1;
}

/** True when `text` names `name` in some script: as written, as a glossary spelling, or by its skeleton. */
export function nameFoundIn(name: Name, text: string, glossary: Glossary): boolean {
  let found = foundByGlossary.get(glossary);
  if (!found) {
    found = memoByText((key) => {
      const [script, word, within] = key.split("\u0000") as [Name["script"], string, string];
      return searchName({ text: word, script, initialWord: false }, within, glossary);
    });
    foundByGlossary.set(glossary, found);
  }
  return found(`${name.script}\u0000${name.text}\u0000${text}`);
}
const foundByGlossary = new WeakMap<Glossary, (key: string) => boolean>();

function searchName(name: Name, text: string, glossary: Glossary): boolean {
  const folded = fold(text);
  if (spellingsOf(name.text, glossary).some((spelling) => folded.includes(fold(spelling)))) return true;
  // A plural "s" is not sounded in katakana (servers ~ サーバー), but may belong to a name (Rapidus).
  const skeletons = (word: string) => {
    const singular = word.length > 3 && /[^sS][sS]$/.test(word) ? [latinSkeleton(word.slice(0, -1))] : [];
    return [latinSkeleton(word), ...singular];
  };
  if (name.script === "katakana") {
    const skeleton = katakanaSkeleton(name.text);
    if (skeleton.length < 2) return false;
    const words = [...folded.matchAll(/[a-z][a-z\d]*/g)].map((m) => m[0]);
    return words.some(
      (word, i) =>
        skeletons(word).includes(skeleton) || skeletons(`${word}${words[i + 1] ?? ""}`).includes(skeleton),
    );
  }
  const own = skeletons(name.text).filter((skeleton) => skeleton.length >= 2);
  return [...text.normalize("NFKC").matchAll(/[\p{Script=Katakana}ー]+/gu)].some(([run]) =>
    own.includes(katakanaSkeleton(run)),
  );
}
