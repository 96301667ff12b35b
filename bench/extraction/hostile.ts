// Worst-case pages under the 2 MiB upload limit: unclosed, stray and deeply nested tags that once made
// parsing quadratic. Each is extracted once; the slowest is what a hostile upload can cost.
import { extractArticle } from "../../src/stages/extract/index.js";

const SIZE = 2 * 1024 * 1024 - 4096;
const PROSE =
  "<p>The council voted on Tuesday to expand the riverside park, adding four hectares of wetland.</p>";
const UNITS = [
  "<div>",
  "<span a=1>",
  "<table><tr><td>",
  "<ul><li>",
  "<a href=x>",
  "<p>x",
  "<i>x</i>",
  "</span>",
];

export interface HostileTiming {
  unit: string;
  megabytes: number;
  ms: number;
}

export function timeHostilePages(): HostileTiming[] {
  return UNITS.map((unit) => {
    const text = PROSE + unit.repeat(Math.floor(SIZE / unit.length)) + PROSE;
    const start = performance.now();
    extractArticle({
      url: "https://x.example/",
      contentType: "text/html",
      text,
      charset: "utf-8",
      charsetSource: "default",
    });
    return {
      unit,
      megabytes: Math.round((text.length / 1024 / 1024) * 100) / 100,
      ms: Math.round(performance.now() - start),
    };
  });
}
