// The pages' language (a cookie set by the UI's switch, else Accept-Language) and the templating of
// the two HTML shells; everything else is drawn by ui/app.js.
import type { IncomingMessage } from "node:http";
import { cookieValue } from "./auth.js";

export type UiLang = "ja" | "en";
export const UI_LANG_COOKIE = "shirabe_ui_lang";

export function uiLanguage(request: IncomingMessage): UiLang {
  const chosen = cookieValue(request, UI_LANG_COOKIE);
  if (chosen === "ja" || chosen === "en") return chosen;
  return preferredLanguage(request.headers["accept-language"]);
}

/** The first of ja / en in Accept-Language by quality; English when neither is listed. */
export function preferredLanguage(header: string | undefined): UiLang {
  if (!header) return "en";
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean);
      return { primary: tag.trim().toLowerCase().split("-")[0], q: q ? Number(q) : 1, index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  const match = ranked.find((entry) => entry.primary === "ja" || entry.primary === "en");
  return (match?.primary as UiLang | undefined) ?? "en";
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function uiPage(template: string, lang: UiLang, config: Record<string, unknown>): string {
  return template.replaceAll("{{lang}}", lang).replace("{{config}}", escapeAttribute(JSON.stringify(config)));
}
