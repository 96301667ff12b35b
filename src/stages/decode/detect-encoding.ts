// Guessing the encoding of bytes that declare none. Valid UTF-8 and ISO-2022-JP are recognised by
// their structure; the legacy CJK encodings decode each other's bytes without errors, so they are told
// apart by how plausible the decoded text is in the language each encoding is used for.

import { decodeBytes } from "./decode-text.js";
import {
  FREQUENT_HANGUL,
  FREQUENT_KANJI,
  FREQUENT_SIMPLIFIED,
  FREQUENT_TRADITIONAL,
} from "./frequent-chars.js";

/** Scoring more than this much of a page adds nothing but time. */
const SAMPLE_BYTES = 64 * 1024;
/** A CJK candidate must score at least this (1 = every character frequent) to be believed. */
const MIN_CJK_SCORE = 0.45;
/** …and must beat the runner-up by this much, or the guess is a coin toss. */
const MIN_CJK_MARGIN = 0.08;
/** Below this many scored characters a CJK guess needs this much more score… */
const FEW_CHARACTERS = 12;
const FEW_CHARACTERS_EXTRA_SCORE = 0.25;
/** …and below this many, Western text with a curly quote or two is the likelier story. */
const STRAY_CHARACTERS = 4;
/** Western text is mostly ASCII; more non-ASCII than this means the bytes are something else. */
const MAX_WESTERN_NON_ASCII = 0.2;
/** Share of C0 control bytes (other than tab, newlines, form feed, escape) that marks binary data. */
const MAX_CONTROL_SHARE = 0.01;

type Language = "ja" | "zh-hans" | "zh-hant" | "ko";

const CJK_CANDIDATES: { encoding: string; language: Language }[] = [
  { encoding: "shift_jis", language: "ja" },
  { encoding: "euc-jp", language: "ja" },
  { encoding: "gb18030", language: "zh-hans" },
  { encoding: "big5", language: "zh-hant" },
  { encoding: "euc-kr", language: "ko" },
];

export interface Detection {
  encoding: string;
  /** True when nothing distinguishes the bytes (empty or pure ASCII): any ASCII-compatible encoding fits. */
  trivial: boolean;
}

/** The encoding of `body`, or null when no candidate is convincing (binary data, mixed garbage). */
export function detectEncoding(body: Uint8Array): Detection | null {
  const sample = body.subarray(0, SAMPLE_BYTES);
  if (looksLikeUtf16(sample)) return { encoding: sample[0] === 0 ? "utf-16be" : "utf-16le", trivial: false };
  if (controlShare(sample) > MAX_CONTROL_SHARE) return null;
  if (isIso2022Jp(sample)) return { encoding: "iso-2022-jp", trivial: false };
  if (sample.every((byte) => byte < 0x80)) return { encoding: "utf-8", trivial: true };
  if (isValidUtf8(sample)) return { encoding: "utf-8", trivial: false };

  const scored = CJK_CANDIDATES.map((candidate) => ({
    encoding: candidate.encoding,
    ...scoreText(decodeLoosely(sample, candidate.encoding), candidate.language),
  })).sort((a, b) => b.score - a.score);
  const [best, runnerUp] = scored;
  const western = isPlausibleWestern(decodeLoosely(sample, "windows-1252"));
  if (best && best.count > 0 && !(western && best.count < STRAY_CHARACTERS)) {
    const needed = best.count < FEW_CHARACTERS ? MIN_CJK_SCORE + FEW_CHARACTERS_EXTRA_SCORE : MIN_CJK_SCORE;
    const margin = best.score - (runnerUp?.score ?? 0);
    if (best.score >= needed && margin >= MIN_CJK_MARGIN) return { encoding: best.encoding, trivial: false };
  }
  if (western) return { encoding: "windows-1252", trivial: false };
  return null;
}

/** Strict UTF-8 check that forgives a sequence cut off at the end of the sample. */
export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    decodeBytes(bytes, "utf-8", { fatal: true, prefix: true });
    return true;
  } catch {
    return false;
  }
}

function decodeLoosely(bytes: Uint8Array, encoding: string): string {
  return decodeBytes(bytes, encoding, { prefix: true });
}

function controlShare(bytes: Uint8Array): number {
  if (bytes.length === 0) return 0;
  let controls = 0;
  for (const byte of bytes) {
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d && byte !== 0x1b) {
      controls++;
    }
  }
  return controls / bytes.length;
}

/** UTF-16 without a BOM: ASCII-heavy text leaves a NUL in every other byte. */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const pairs = Math.floor(bytes.length / 2);
  if (pairs < 8) return false;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let index = 0; index + 1 < bytes.length; index += 2) {
    if (bytes[index] === 0) evenNuls++;
    if (bytes[index + 1] === 0) oddNuls++;
  }
  const high = Math.max(evenNuls, oddNuls) / pairs;
  const low = Math.min(evenNuls, oddNuls) / pairs;
  return high > 0.4 && low < 0.05;
}

/** 7-bit bytes with the escape sequences that switch to JIS X 0208 (ESC $ @, ESC $ B). */
function isIso2022Jp(bytes: Uint8Array): boolean {
  let escapes = 0;
  for (let index = 0; index < bytes.length; index++) {
    const byte = bytes[index] ?? 0;
    if (byte >= 0x80) return false;
    if (
      byte === 0x1b &&
      bytes[index + 1] === 0x24 &&
      (bytes[index + 2] === 0x42 || bytes[index + 2] === 0x40)
    ) {
      escapes++;
    }
  }
  return escapes > 0;
}

function isPlausibleWestern(text: string): boolean {
  let nonAscii = 0;
  let letters = 0;
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    if (code >= 0x80 && code <= 0x9f) return false; // bytes windows-1252 leaves undefined
    if (code > 0x7f) nonAscii++;
    if (!/\s/.test(character)) letters++;
  }
  return letters > 0 && nonAscii / letters <= MAX_WESTERN_NON_ASCII;
}

// Weights of one decoded non-ASCII character as evidence for a language.
const FREQUENT = 1;
const COMMON = 0.4;
const FOREIGN = -0.5;
const BROKEN = -3;

interface Score {
  score: number;
  count: number;
}

/** Mean evidence per non-ASCII character; punctuation and full-width forms are neutral. */
function scoreText(text: string, language: Language): Score {
  const tables = languageTables();
  let total = 0;
  let count = 0;
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    if (code < 0x80 || isNeutral(code)) continue;
    count++;
    total += weigh(character, code, language, tables);
  }
  return { score: count === 0 ? 0 : total / count, count };
}

function isNeutral(code: number): boolean {
  return (code >= 0x3000 && code <= 0x303f) || (code >= 0xff01 && code <= 0xff5e) || code === 0x30fb;
}

function weigh(character: string, code: number, language: Language, tables: Tables): number {
  if (code === 0xfffd || (code >= 0x80 && code <= 0x9f)) return BROKEN;
  if (code >= 0xe000 && code <= 0xf8ff) return BROKEN; // private use: a user-defined area hit by chance
  const kana = code >= 0x3041 && code <= 0x30ff;
  const hangul = code >= 0xac00 && code <= 0xd7a3;
  const halfWidthKana = code >= 0xff61 && code <= 0xff9f;
  switch (language) {
    case "ja":
      if (kana || tables.kanji.has(character)) return FREQUENT;
      if (tables.jisLevel1.has(character)) return COMMON;
      return halfWidthKana || hangul ? FOREIGN : 0;
    case "zh-hans":
      if (tables.simplified.has(character)) return FREQUENT;
      if (tables.gbLevel1.has(character)) return COMMON;
      return kana || hangul ? FOREIGN : 0;
    case "zh-hant":
      if (tables.traditional.has(character)) return FREQUENT;
      if (tables.big5Frequent.has(character)) return COMMON;
      return kana || hangul ? FOREIGN : 0;
    case "ko":
      if (tables.hangul.has(character)) return FREQUENT;
      if (tables.ksHangul.has(character)) return COMMON;
      return kana ? FOREIGN : 0;
  }
}

interface Tables {
  kanji: Set<string>;
  simplified: Set<string>;
  traditional: Set<string>;
  hangul: Set<string>;
  /** JIS X 0208 level 1: the 2,965 everyday kanji. */
  jisLevel1: Set<string>;
  /** GB 2312 level 1: the 3,755 everyday hanzi. */
  gbLevel1: Set<string>;
  /** Big5's "frequently used" block of 5,401 hanzi. */
  big5Frequent: Set<string>;
  /** The 2,350 syllables of KS X 1001, which cover nearly all modern Korean. */
  ksHangul: Set<string>;
}

let cachedTables: Tables | undefined;

function languageTables(): Tables {
  cachedTables ??= {
    kanji: new Set(FREQUENT_KANJI),
    simplified: new Set(FREQUENT_SIMPLIFIED),
    traditional: new Set(FREQUENT_TRADITIONAL),
    hangul: new Set(FREQUENT_HANGUL),
    jisLevel1: charactersOfRows("euc-jp", 0xb0, 0xcf, [[0xa1, 0xfe]]),
    gbLevel1: charactersOfRows("gbk", 0xb0, 0xd7, [[0xa1, 0xfe]]),
    big5Frequent: charactersOfRows("big5", 0xa4, 0xc6, [
      [0x40, 0x7e],
      [0xa1, 0xfe],
    ]),
    ksHangul: charactersOfRows("euc-kr", 0xb0, 0xc8, [[0xa1, 0xfe]]),
  };
  return cachedTables;
}

/** Every character a double-byte encoding assigns to lead bytes `firstLead`…`lastLead`. */
function charactersOfRows(
  encoding: string,
  firstLead: number,
  lastLead: number,
  trailRanges: [number, number][],
): Set<string> {
  const bytes: number[] = [];
  for (let lead = firstLead; lead <= lastLead; lead++) {
    for (const [firstTrail, lastTrail] of trailRanges) {
      for (let trail = firstTrail; trail <= lastTrail; trail++) bytes.push(lead, trail);
    }
  }
  const characters = new Set(decodeBytes(Uint8Array.from(bytes), encoding));
  characters.delete("\ufffd");
  return characters;
}
