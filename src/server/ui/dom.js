// What every screen shares: the page's settings, the UI language, a DOM builder that only ever makes
// text nodes (no report or source text is parsed as HTML), the API call, times in the reader's zone.
import { TEXT } from "./i18n.js";

export const config = JSON.parse(document.querySelector('meta[name="shirabe-config"]')?.content ?? "{}");
export const ui = { lang: document.documentElement.lang === "ja" ? "ja" : "en" };
export const t = () => TEXT[ui.lang];
export const main = document.getElementById("main");

export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === undefined || value === null) continue;
    if (name.startsWith("on")) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat(Number.POSITIVE_INFINITY)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

export function safeHref(url) {
  return /^https?:/i.test(url ?? "") ? url : undefined;
}

export async function api(path, options = {}) {
  const response = await fetch(path, { credentials: "same-origin", ...options });
  if (response.status === 204) return null;
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const error = new Error(body?.error?.message ?? `HTTP ${response.status}`);
    error.status = response.status;
    error.code = body?.error?.code;
    throw error;
  }
  return body;
}

/** An error in the UI's language: its translation by code, with the server's own words beside it. */
export function errorView(error, tag = "span") {
  const translated = error?.code ? t().errors[error.code] : undefined;
  if (!translated) return h(tag, { lang: "en" }, error?.message ?? String(error));
  return h(tag, {}, translated, " ", h("small", { class: "error-detail", lang: "en" }, `(${error.message})`));
}

/** A date and time in the reader's own time zone and language. */
export function formatTime(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso ?? "";
  return date.toLocaleString(ui.lang === "ja" ? "ja-JP" : "en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
  });
}

export function formatElapsed(ms) {
  const seconds = Math.max(0, Math.round(ms / 1000));
  return t().minutes(Math.floor(seconds / 60), seconds % 60);
}

/** The words a report prints, in the report's language, as the server's renderers print them. */
export function reportWords(lang) {
  const words = config.reportWords ?? {};
  return words[lang] ?? words.en ?? {};
}

/** Whether an engine (by the name a report records, e.g. "extractive") quotes instead of translating. */
export function quotesVerbatim(engine) {
  return (config.verbatimEngines ?? []).includes(String(engine).split(":")[0]);
}

/** Closes whatever the current view opened (an EventSource, a timer) when the route changes. */
let leaveView = () => {};
const leaveHooks = [];
export function onLeave(hook) {
  leaveHooks.push(hook);
}

export function setView(title, ...children) {
  leaveView();
  for (const hook of leaveHooks) hook();
  leaveView = () => {};
  main.replaceChildren(...children.flat().filter((child) => child !== null && child !== undefined));
  document.title = `${title} — Shirabe`;
}

export function whenLeaving(cleanup) {
  leaveView = cleanup;
}

/** Submits a job again with what it was made from: only a URL can be, an upload is gone. */
export async function retryJob(job) {
  if (!/^https?:\/\//i.test(job.input ?? ""))
    throw Object.assign(new Error(t().retryFile), { code: "retry-file" });
  const [engine, ...model] = String(job.engine || "extractive").split(":");
  const body = { url: job.input, lang: job.lang || "ja", engine };
  if (model.length > 0) body.model = model.join(":");
  const { id } = await api("/api/reports", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  location.hash = `#/reports/${id}`;
}

/** The report re-rendered in another format, opened in a new tab. */
export function viewLinks(id) {
  return h(
    "span",
    { class: "exports", role: "group", "aria-label": t().view },
    ["md", "html", "json"].map((format) =>
      h(
        "a",
        {
          href: `/api/reports/${id}/export?format=${format}&download=0`,
          target: "_blank",
          rel: "noopener",
          "data-view": format,
        },
        format.toUpperCase(),
      ),
    ),
  );
}

export function exportLinks(id) {
  return h(
    "span",
    { class: "exports", role: "group", "aria-label": t().export },
    (config.exportFormats ?? ["md", "html", "json", "pdf"]).map((format) =>
      h(
        "a",
        {
          href: `/api/reports/${id}/export?format=${format}`,
          download: `shirabe-${id}.${format}`,
          "data-format": format,
        },
        format.toUpperCase(),
      ),
    ),
  );
}

export function deleteButton(id, after) {
  return h(
    "button",
    {
      type: "button",
      class: "danger",
      onclick: async () => {
        if (!confirm(t().confirmDelete)) return;
        await api(`/api/reports/${id}`, { method: "DELETE" }).catch((error) => alert(error.message));
        after();
      },
    },
    t().delete,
  );
}
