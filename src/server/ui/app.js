// Shirabe's web UI: one page, hash routes (#/, #/reports, #/reports/<id>, #/feeds), one ES module per screen.
// The DOM is built with text nodes only (dom.js), so no report or source text is parsed as HTML.
import { api, config, errorView, h, main, onLeave, setView, t, ui } from "./dom.js";
import { showFeeds } from "./feeds-view.js";
import { showHome } from "./form-view.js";
import { showList } from "./list-view.js";
import { hidePopover } from "./popover.js";
import { renderProgress } from "./progress-view.js";
import { renderReport } from "./report-view.js";

onLeave(() => hidePopover());

function applyChrome() {
  document.documentElement.lang = ui.lang;
  for (const element of document.querySelectorAll("[data-i18n]"))
    element.textContent = t()[element.dataset.i18n];
  const switcher = document.getElementById("ui-lang");
  switcher.textContent = t().otherLang;
  switcher.lang = ui.lang === "ja" ? "en" : "ja";
}

async function showReport(id) {
  setView(t().loading, h("p", {}, t().loading));
  let state;
  try {
    state = await api(`/api/reports/${id}`);
  } catch (error) {
    setView(t().notFound, h("h1", {}, error.status === 404 ? t().notFound : errorView(error)));
    return;
  }
  if (state.status === "done" && state.report) return renderReport(state.report);
  renderProgress(id, state, () => showReport(id));
}

function route() {
  const hash = location.hash.replace(/^#/, "") || "/";
  const match = /^\/reports\/([0-9a-f-]+)$/i.exec(hash);
  if (match) return showReport(match[1]);
  if (hash.startsWith("/feeds")) return showFeeds();
  if (hash.startsWith("/reports"))
    return showList(new URLSearchParams(hash.split("?")[1] ?? "").get("q") ?? "");
  return showHome();
}

document.getElementById("ui-lang").addEventListener("click", () => {
  ui.lang = ui.lang === "ja" ? "en" : "ja";
  // biome-ignore lint/suspicious/noDocumentCookie: a plain preference cookie the server reads for the first paint
  document.cookie = `shirabe_ui_lang=${ui.lang}; Path=/; Max-Age=31536000; SameSite=Lax`;
  applyChrome();
  route();
});
document.getElementById("logout").hidden = config.auth !== true;
// The skip link must not change the hash: the hash is the route.
document.querySelector(".skip").addEventListener("click", (event) => {
  event.preventDefault();
  main.focus();
});
window.addEventListener("hashchange", route);
applyChrome();
route();
