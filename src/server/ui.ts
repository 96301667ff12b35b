// The web pages: their files, their language (a cookie set by the UI's switch, else Accept-Language)
// and the templating of the two HTML shells; everything else is drawn by ui/app.js.
import { existsSync, readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { ShirabeError } from "../index.js";
import { escapeHtml } from "../text/html-escape.js";
import { ApiError } from "./api-error.js";
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

export function uiPage(template: string, lang: UiLang, config: Record<string, unknown>): string {
  return template.replaceAll("{{lang}}", lang).replace("{{config}}", escapeHtml(JSON.stringify(config)));
}

const UI_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

export function sendHtml(response: ServerResponse, html: string): void {
  response.writeHead(200, {
    "content-type": "text/html; charset=utf-8",
    "content-security-policy": UI_CSP,
    "cache-control": "no-store",
  });
  response.end(html);
}

export interface Assets {
  index: string;
  login: string;
  files: Record<string, { type: string; body: string }>;
}

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
  return {
    index: read("index.html"),
    login: read("login.html"),
    files: {
      "app.js": { type: "text/javascript; charset=utf-8", body: read("app.js") },
      "app.css": { type: "text/css; charset=utf-8", body: read("app.css") },
    },
  };
}

export function serveAsset(response: ServerResponse, assets: Assets, name: string): void {
  const asset = Object.hasOwn(assets.files, name) ? assets.files[name] : undefined;
  if (!asset) throw new ApiError(404, "not-found", `no asset ${name.slice(0, 80)}`);
  response.writeHead(200, { "content-type": asset.type, "cache-control": "no-cache" });
  response.end(asset.body);
}
