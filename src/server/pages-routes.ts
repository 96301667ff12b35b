// The web app's pages: the one-page UI at /, its assets, and the login form of a server that needs a
// token. The UI gets its settings (engines, report languages, the words a report prints) in a meta tag.
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { reportLabels } from "../text/labels.js";
import { ApiError } from "./api-error.js";
import { EXPORT_FORMATS, LANGS } from "./api-schemas.js";
import type { Guard } from "./auth.js";
import type { Engine } from "./job-types.js";
import { tooLarge } from "./request-body.js";
import { type Assets, UI_CSP, type UiLang, uiLanguage, uiPage } from "./ui.js";

export interface PagesDeps {
  assets: Assets;
  guard: Guard;
  engines: Record<string, Engine>;
  requireToken: boolean;
}

/** The words a report prints in each language, so the UI never keeps its own copy. */
function reportWords() {
  return Object.fromEntries(
    LANGS.map((lang) => {
      const { introduction, conclusion, references, original, quoteOpen, quoteClose, sentenceGap } =
        reportLabels(lang);
      return [lang, { introduction, conclusion, references, original, quoteOpen, quoteClose, sentenceGap }];
    }),
  );
}

/** Routes every request reaches, before the guard: assets and the login form. */
export function publicPages({ assets, guard }: PagesDeps): Hono {
  const app = new Hono();
  app.get("/assets/:name", (c) => {
    const name = c.req.param("name");
    const asset = Object.hasOwn(assets.files, name) ? assets.files[name] : undefined;
    if (!asset) throw new ApiError(404, "not-found", `no asset ${name.slice(0, 80)}`);
    return c.body(asset.body, 200, { "content-type": asset.type, "cache-control": "no-cache" });
  });
  app.get("/favicon.ico", (c) => c.body(null, 204));
  app.get("/login", uiLanguage, (c) => {
    const notice =
      c.req.query("failed") !== undefined
        ? '<p class="error" role="alert">トークンが違います / Wrong token</p>'
        : "";
    const page = uiPage(assets.login, c.get("language") as UiLang, {}).replace("{{failed}}", notice);
    return c.html(page, 200, { "content-security-policy": UI_CSP, "cache-control": "no-store" });
  });
  app.post(
    "/login",
    bodyLimit({
      maxSize: 4096,
      onError: () => {
        throw tooLarge(4096);
      },
    }),
    async (c) => {
      const form = await c.req.parseBody();
      const given = typeof form.token === "string" ? form.token : "";
      return c.redirect(guard.login(c, given) ? "/" : "/login?failed=1", 303);
    },
  );
  app.on(["PUT", "DELETE", "PATCH"], "/login", () => {
    throw new ApiError(405, "method-not-allowed", "use GET or POST on /login");
  });
  app.post("/logout", (c) => {
    guard.logout(c);
    return c.redirect("/login", 303);
  });
  return app;
}

/** The UI itself, behind the guard. */
export function appPage({ assets, engines, requireToken }: PagesDeps): Hono {
  const app = new Hono();
  const config = {
    engines: Object.entries(engines).map(([name, engine]) => ({ name, models: engine.models ?? [] })),
    /** Engines that quote sources in their own language instead of writing in the report's. */
    verbatimEngines: Object.keys(engines).filter((name) => engines[name]?.quotesVerbatim),
    langs: [...LANGS],
    exportFormats: [...EXPORT_FORMATS],
    auth: requireToken,
    reportWords: reportWords(),
  };
  app.get("/", uiLanguage, (c) =>
    c.html(uiPage(assets.index, c.get("language") as UiLang, config), 200, {
      "content-security-policy": UI_CSP,
      "cache-control": "no-store",
    }),
  );
  return app;
}
