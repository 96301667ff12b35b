// Language identification on short passages: accuracy per language of the detector Shirabe uses
// (src/text/language.ts: script rules, Han character forms, tinyld for Latin script) against tinyld
// alone and against the script-only rules it replaced (any Latin-script text was "en"). Two sets of
// labelled sentences written for this project (./sentences.ts); the held-out one was never tuned on.
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { detectLang } from "../../src/text/language.js";
import { HELD_OUT, SENTENCES } from "./sentences.js";

type Detector = (text: string) => string | null;

// tinyld's exports map hides its type declarations from TypeScript; its one function is typed here.
const { detect } = createRequire(import.meta.url)("tinyld") as { detect(text: string): string };

/** The rules before issue 11: scripts only, so every Latin-script text was English. */
const scriptOnly: Detector = (text) => {
  const count = (pattern: RegExp) => text.match(pattern)?.length ?? 0;
  const kana = count(/[\u3040-\u30ff]/g);
  const hangul = count(/\p{Script=Hangul}/gu);
  const han = count(/\p{Script=Han}/gu);
  const cjk = kana + hangul + han;
  if (cjk > 0) return kana > 0 && kana * 20 >= cjk ? "ja" : hangul >= han ? "ko" : "zh";
  return /\p{Script=Latin}/u.test(text) ? "en" : null;
};

const DETECTORS: Record<string, Detector> = {
  "script rules only (before)": scriptOnly,
  "tinyld 1.3 alone": (text) => detect(text),
  "shirabe (scripts + Han forms + tinyld)": detectLang,
};

function measure(detector: Detector, set: Record<string, string[]>) {
  const perLanguage: Record<string, number> = {};
  const errors: string[] = [];
  let right = 0;
  let total = 0;
  for (const [lang, sentences] of Object.entries(set)) {
    let correct = 0;
    for (const sentence of sentences) {
      const found = detector(sentence);
      if (found === lang) correct++;
      else errors.push(`${lang} → ${found}: ${sentence}`);
    }
    perLanguage[lang] = round(correct / sentences.length);
    right += correct;
    total += sentences.length;
  }
  const all = Object.values(set).flat();
  detector(all[0] as string);
  const started = performance.now();
  for (let round = 0; round < 5; round++) for (const sentence of all) detector(sentence);
  const msPerSentence = (performance.now() - started) / (5 * all.length);
  return { accuracy: round(right / total), perLanguage, msPerSentence: round(msPerSentence, 4), errors };
}

function round(value: number, digits = 3): number {
  return Math.round(value * 10 ** digits) / 10 ** digits;
}

const results = Object.entries(DETECTORS).map(([name, detector]) => ({
  detector: name,
  development: measure(detector, SENTENCES),
  heldOut: measure(detector, HELD_OUT),
}));
const sizes = (set: Record<string, string[]>) =>
  Object.values(set).reduce((sum, list) => sum + list.length, 0);
const output = {
  benchmark: "langid: language identification on short passages",
  date: new Date().toISOString(),
  node: process.version,
  sentences: { development: sizes(SENTENCES), heldOut: sizes(HELD_OUT) },
  results,
};
writeFileSync(resolve(import.meta.dirname, "../results/langid.json"), `${JSON.stringify(output, null, 2)}\n`);
for (const { detector, development, heldOut } of results) {
  console.log(
    `${detector.padEnd(40)} dev ${development.accuracy.toFixed(3)}  held-out ${heldOut.accuracy.toFixed(3)}  ` +
      `${heldOut.msPerSentence} ms/sentence`,
  );
  if (detector !== "script rules only (before)")
    for (const error of heldOut.errors) console.log(`    ${error}`);
}
