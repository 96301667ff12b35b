// The new-report screen: an article by URL, by files (several, or a zip) or by a saved folder; the
// report language and engine, said plainly when the engine quotes sources instead of translating them.
import { api, config, errorView, h, setView, t, ui } from "./dom.js";

function field(label, control, id) {
  return h("div", { class: "field" }, h("label", { for: id }, label), control);
}

/** Which field a refused submission is about, so focus goes back to it. */
const FIELD_OF_ERROR = {
  "bad-url": "url",
  "missing-input": "url",
  "two-inputs": "url",
  "bad-file-type": "file",
  "bad-file": "file",
  "empty-file": "file",
  "too-large": "file",
  "too-many-files": "file",
  "bad-zip": "file",
  "bad-max-links": "maxLinks",
  "model-not-available": "model",
  "engine-not-available": "engine",
};

export function showHome() {
  const text = t();
  const status = h("div", { class: "form-error", role: "alert", id: "form-error", tabindex: -1 });
  const urlInput = h("input", {
    id: "url",
    name: "url",
    type: "url",
    placeholder: "https://",
    autocomplete: "url",
  });
  const fileInput = h("input", {
    id: "file",
    name: "files",
    type: "file",
    multiple: true,
    accept: ".html,.htm,.md,.markdown,.txt,.zip",
  });
  const folderInput = h("input", { id: "folder", name: "folder", type: "file", webkitdirectory: true });
  const fields = {
    url: field(text.url, urlInput, "url"),
    file: field(text.file, fileInput, "file"),
    folder: field(text.folder, folderInput, "folder"),
  };
  fields.file.hidden = true;
  fields.folder.hidden = true;
  const kind = (value, label, checked) =>
    h(
      "label",
      { class: "choice" },
      h("input", {
        type: "radio",
        name: "kind",
        value,
        checked,
        onchange: () => {
          for (const [name, element] of Object.entries(fields)) element.hidden = name !== value;
        },
      }),
      label,
    );
  const langSelect = h(
    "select",
    { id: "lang", name: "lang" },
    (config.langs ?? ["ja", "en"]).map((code) =>
      h("option", { value: code, selected: code === ui.lang }, code === "ja" ? "日本語" : "English"),
    ),
  );
  const engines = config.engines ?? [{ name: "extractive", models: [] }];
  const modelInput = h("select", { id: "model", name: "model" });
  const modelField = field(text.model, modelInput, "model");
  const verbatim = h("p", { class: "note", id: "engine-note" });
  // The model list and the engine's note follow the engine; an engine without models hides the field.
  const showEngine = () => {
    const models = engines.find((engine) => engine.name === engineSelect.value)?.models ?? [];
    modelInput.replaceChildren(...models.map((model) => h("option", { value: model }, model)));
    modelField.hidden = models.length === 0;
    const quotes = (config.verbatimEngines ?? []).includes(engineSelect.value);
    verbatim.textContent = quotes ? text.verbatimNote : "";
    verbatim.hidden = !quotes;
  };
  const engineSelect = h(
    "select",
    { id: "engine", name: "engine", onchange: showEngine, "aria-describedby": "engine-note engines-here" },
    engines.map((engine) => h("option", { value: engine.name }, engine.name)),
  );
  showEngine();
  const configured = engines
    .map((engine) =>
      engine.models.length > 0 ? `${engine.name} (${engine.models.join(", ")})` : engine.name,
    )
    .join(" · ");
  const sourcesInput = h("textarea", { id: "sources", name: "sources", rows: 3, placeholder: "https://" });
  const maxLinksInput = h("input", {
    id: "maxLinks",
    name: "maxLinks",
    type: "number",
    min: 0,
    max: 50,
    value: 10,
  });
  const followInput = h("input", { id: "followLinks", name: "followLinks", type: "checkbox", checked: true });
  const submit = h("button", { type: "submit", class: "primary" }, text.submit);
  const controls = {
    url: urlInput,
    file: fileInput,
    maxLinks: maxLinksInput,
    model: modelInput,
    engine: engineSelect,
  };

  const form = h(
    "form",
    { class: "card", novalidate: true, onsubmit: (event) => submitReport(event) },
    h(
      "fieldset",
      { class: "kinds" },
      h("legend", {}, text.inputKind),
      kind("url", text.byUrl, true),
      kind("file", text.byFile, false),
      kind("folder", text.byFolder, false),
    ),
    fields.url,
    fields.file,
    fields.folder,
    h(
      "div",
      { class: "row" },
      field(text.lang, langSelect, "lang"),
      field(text.engine, engineSelect, "engine"),
      modelField,
    ),
    verbatim,
    h("p", { class: "note muted", id: "engines-here" }, text.enginesHere(configured)),
    field(text.sources, sourcesInput, "sources"),
    h(
      "div",
      { class: "row" },
      field(text.maxLinks, maxLinksInput, "maxLinks"),
      h("label", { class: "choice" }, followInput, text.followLinks),
    ),
    status,
    submit,
  );

  /** Shows why the form was refused and puts focus back where the user can fix it. */
  const refuse = (error, at) => {
    status.replaceChildren(errorView(error));
    const control = at ?? controls[FIELD_OF_ERROR[error.code]];
    if (control && !control.closest("[hidden]")) {
      control.setAttribute("aria-invalid", "true");
      control.setAttribute("aria-describedby", "form-error");
      control.focus();
    } else status.focus();
  };

  async function submitReport(event) {
    event.preventDefault();
    status.replaceChildren();
    for (const control of Object.values(controls)) control.removeAttribute("aria-invalid");
    const chosen = form.querySelector('input[name="kind"]:checked')?.value ?? "url";
    const sources = sourcesInput.value.split(/\s+/).filter(Boolean);
    const settings = {
      lang: langSelect.value,
      engine: engineSelect.value,
      maxLinks: Number(maxLinksInput.value || 10),
      followLinks: followInput.checked,
    };
    if (!modelField.hidden && modelInput.value) settings.model = modelInput.value;
    const files = [...(chosen === "folder" ? folderInput.files : chosen === "file" ? fileInput.files : [])];
    let request;
    if (files.length > 0) {
      if (files.length === 1 && files[0].size === 0) {
        return refuse({ code: "empty-file", message: `${files[0].name} is empty` }, fileInput);
      }
      // Sent as bytes (multipart), so the server decodes a Shift_JIS or EUC-JP page by its own rules;
      // a folder's files keep their relative paths, so the article finds the pages it links to.
      const data = new FormData();
      for (const [name, value] of Object.entries(settings)) data.append(name, String(value));
      if (sources.length > 0) data.append("sources", sources.join("\n"));
      for (const file of files) data.append("files", file, file.webkitRelativePath || file.name);
      request = { method: "POST", body: data };
    } else if (chosen === "url" && urlInput.value.trim()) {
      const body = { ...settings, url: urlInput.value.trim(), ...(sources.length > 0 ? { sources } : {}) };
      request = {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      };
    } else {
      const at = chosen === "url" ? urlInput : chosen === "file" ? fileInput : folderInput;
      return refuse({ code: "missing-input", message: text.needInput }, at);
    }
    submit.disabled = true;
    submit.textContent = text.submitting;
    try {
      const { id } = await api("/api/reports", request);
      location.hash = `#/reports/${id}`;
    } catch (error) {
      submit.disabled = false;
      submit.textContent = text.submit;
      refuse(error);
    }
  }

  setView(text.newTitle, h("h1", {}, text.newTitle), form);
  urlInput.focus();
}
