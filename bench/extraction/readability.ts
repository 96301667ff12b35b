// Baselines: Mozilla Readability on jsdom (the reference speed) and on linkedom (a faster DOM).
import { Readability } from "@mozilla/readability";
import { JSDOM, VirtualConsole } from "jsdom";
import { parseHTML } from "linkedom";
import type { DecodedPage } from "../../src/types.js";

const quiet = new VirtualConsole();

export function readabilityJsdom(page: DecodedPage): string {
  const dom = new JSDOM(page.text, { url: page.url, virtualConsole: quiet });
  const text = new Readability(dom.window.document).parse()?.textContent ?? "";
  dom.window.close();
  return text;
}

export function readabilityLinkedom(page: DecodedPage): string {
  const { document } = parseHTML(page.text);
  // biome-ignore lint/suspicious/noExplicitAny: linkedom's Document is structurally a DOM Document
  return new Readability(document as any).parse()?.textContent ?? "";
}
