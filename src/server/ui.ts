// The web pages: their files, their language (a cookie set by the UI's switch, else Accept-Language,
// through hono's language detector) and the templating of the two HTML shells; everything else is
// drawn by the ES modules under ui/.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { languageDetector } from "hono/language";
import { ShirabeError } from "../index.js";
import { escapeHtml } from "../text/html-escape.js";

export type UiLang = "ja" | "en";
export const UI_LANG_COOKIE = "shirabe_ui_lang";

/** Sets c.get("language") to "ja" or "en": the UI switch's cookie, else Accept-Language, else English. */
export const uiLanguage = languageDetector({
  order: ["cookie", "header"],
  lookupCookie: UI_LANG_COOKIE,
  supportedLanguages: ["ja", "en"],
  fallbackLanguage: "en",
  caches: false,
});

export function uiPage(template: string, lang: UiLang, config: Record<string, unknown>): string {
  return template.replaceAll("{{lang}}", lang).replace("{{config}}", escapeHtml(JSON.stringify(config)));
}

export const UI_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

export interface Assets {
  index: string;
  login: string;
  files: Record<string, { type: string; body: string }>;
}

const TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
};

/**
 * The UI is plain files next to this module (src/server/ui), read once at start. A build that compiled
 * this module to dist/server/ without copying them still finds them in the source tree.
 */
export function loadAssets(): Assets {
  const folder = [new URL("./ui/", import.meta.url), new URL("../../src/server/ui/", import.meta.url)].find(
    (url) => existsSync(new URL("index.html", url)),
  );
  if (!folder) {
    throw new ShirabeError(
      "the web UI files (src/server/ui) are missing from this installation; reinstall Shirabe",
      {
        code: "ui-missing",
        kind: "internal",
      },
    );
  }
  const read = (name: string) => readFileSync(new URL(name, folder), "utf8");
  const files: Assets["files"] = {};
  for (const name of readdirSync(folder)) {
    const type = TYPES[name.slice(name.lastIndexOf("."))];
    if (type) files[name] = { type, body: read(name) };
  }
  return { index: read("index.html"), login: read("login.html"), files };
}
