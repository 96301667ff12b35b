// Shirabe's web UI: one page, hash routes (#/, #/reports, #/reports/<id>), DOM built with
// textContent only, so no report or source text is ever parsed as HTML.
const config = JSON.parse(document.querySelector('meta[name="shirabe-config"]')?.content ?? "{}");

const TEXT = {
  ja: {
    skip: "本文へ移動",
    navNew: "新しいレポート",
    navReports: "レポート一覧",
    logout: "ログアウト",
    otherLang: "English",
    newTitle: "記事から調査レポートを作る",
    inputKind: "記事の指定方法",
    byUrl: "URL",
    byFile: "ファイル",
    url: "記事の URL",
    file: "HTML / Markdown ファイル",
    lang: "レポートの言語",
    engine: "エンジン",
    model: "モデル",
    sources: "追加の情報源 URL（1 行に 1 つ、任意）",
    maxLinks: "たどるリンクの上限",
    followLinks: "記事が引用しているリンクをたどる",
    submit: "調査を開始",
    submitting: "送信中…",
    needInput: "URL を入力するか、ファイルを選んでください。",
    reportsTitle: "過去のレポート",
    search: "タイトルまたは URL で検索",
    searchButton: "検索",
    none: "レポートはまだありません。",
    delete: "削除",
    confirmDelete: "このレポートを削除しますか？",
    deleted: "削除しました。",
    export: "書き出し",
    view: "表示",
    progressTitle: "調査中",
    failedTitle: "レポートを作成できませんでした",
    loading: "読み込み中…",
    notFound: "レポートが見つかりません。",
    status: { queued: "待機中", running: "実行中", done: "完了", failed: "失敗" },
    stages: {
      article: "記事を読む",
      sources: "情報源を取得",
      passages: "文に分割",
      write: "セクションを執筆",
      cite: "引用を検証",
      store: "保存",
    },
    counts: {
      blocks: "ブロック",
      ok: "成功",
      failed: "失敗",
      passages: "文",
      sections: "セクション",
      claims: "主張",
      references: "参照",
      reports: "件",
    },
    sourceOk: "取得",
    sourceFailed: "失敗",
    sectionWritten: "執筆",
    citationsChecked: (g) =>
      `引用を検証: 出典で確認 ${g.supported} 件 · 出典を修正 ${g.repaired} 件 · 削除 ${g.dropped} 件`,
    grounding: (g) =>
      `検証: 主張 ${g.claims} 件 · 出典で確認 ${g.supported} 件 · 出典を修正 ${g.repaired} 件 · 削除 ${g.dropped} 件`,
    failures: (n) => `使えなかった情報源 ${n} 件`,
    openSource: "情報源を開く",
    close: "閉じる",
    citation: (n) => `出典 ${n}`,
  },
  en: {
    skip: "Skip to content",
    navNew: "New report",
    navReports: "Reports",
    logout: "Log out",
    otherLang: "日本語",
    newTitle: "Turn an article into a research report",
    inputKind: "Article from",
    byUrl: "URL",
    byFile: "File",
    url: "Article URL",
    file: "HTML / Markdown file",
    lang: "Report language",
    engine: "Engine",
    model: "Model",
    sources: "More source URLs (one per line, optional)",
    maxLinks: "Follow at most this many links",
    followLinks: "Follow the links the article cites",
    submit: "Start research",
    submitting: "Sending…",
    needInput: "Enter a URL or choose a file.",
    reportsTitle: "Past reports",
    search: "Search by title or URL",
    searchButton: "Search",
    none: "No reports yet.",
    delete: "Delete",
    confirmDelete: "Delete this report?",
    deleted: "Deleted.",
    export: "Export",
    view: "View",
    progressTitle: "Researching",
    failedTitle: "The report could not be made",
    loading: "Loading…",
    notFound: "No such report.",
    status: { queued: "queued", running: "running", done: "done", failed: "failed" },
    stages: {
      article: "Read the article",
      sources: "Fetch sources",
      passages: "Split into passages",
      write: "Write sections",
      cite: "Check citations",
      store: "Save",
    },
    counts: {
      blocks: "blocks",
      ok: "ok",
      failed: "failed",
      passages: "passages",
      sections: "sections",
      claims: "claims",
      references: "references",
      reports: "saved",
    },
    sourceOk: "ok",
    sourceFailed: "failed",
    sectionWritten: "written",
    citationsChecked: (g) =>
      `citations checked: ${g.supported} supported, ${g.repaired} repaired, ${g.dropped} dropped`,
    grounding: (g) =>
      `Grounding: ${g.claims} claims · ${g.supported} supported · ${g.repaired} re-cited · ${g.dropped} dropped`,
    failures: (n) => `${n} source(s) could not be used`,
    openSource: "Open the source",
    close: "Close",
    citation: (n) => `Source ${n}`,
  },
};

/** Words printed inside a report, in the report's own language (the seed format's headings). */
const REPORT_WORDS = {
  ja: {
    introduction: "緒言",
    conclusion: "結論",
    references: "参照記事",
    original: "元記事",
    gap: "",
    quote: ["「", "」"],
  },
  en: {
    introduction: "Introduction",
    conclusion: "Conclusion",
    references: "References",
    original: "Original article",
    gap: " ",
    quote: ["\u201c", "\u201d"],
  },
};
const STAGES = ["article", "sources", "passages", "write", "cite", "store"];

let uiLang = document.documentElement.lang === "ja" ? "ja" : "en";
const t = () => TEXT[uiLang];
const main = document.getElementById("main");
const popover = document.getElementById("popover");
/** Closes whatever the current view opened (an EventSource) when the route changes. */
let leaveView = () => {};

function h(tag, attributes = {}, ...children) {
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

function safeHref(url) {
  return /^(https?|file):/i.test(url ?? "") ? url : undefined;
}

async function api(path, options = {}) {
  const response = await fetch(path, { credentials: "same-origin", ...options });
  if (response.status === 204) return null;
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const error = new Error(body?.error?.message ?? `HTTP ${response.status}`);
    error.status = response.status;
    throw error;
  }
  return body;
}

function applyChrome() {
  document.documentElement.lang = uiLang;
  for (const element of document.querySelectorAll("[data-i18n]"))
    element.textContent = t()[element.dataset.i18n];
  const switcher = document.getElementById("ui-lang");
  switcher.textContent = t().otherLang;
  switcher.lang = uiLang === "ja" ? "en" : "ja";
}

function setView(title, ...children) {
  leaveView();
  leaveView = () => {};
  hidePopover();
  main.replaceChildren(...children);
  document.title = `${title} — Shirabe`;
}

function route() {
  const hash = location.hash.replace(/^#/, "") || "/";
  const match = /^\/reports\/([0-9a-f-]+)$/i.exec(hash);
  if (match) return showReport(match[1]);
  if (hash.startsWith("/reports"))
    return showList(new URLSearchParams(hash.split("?")[1] ?? "").get("q") ?? "");
  return showHome();
}

// ---------- new report ----------

function field(label, control, id) {
  return h("div", { class: "field" }, h("label", { for: id }, label), control);
}

function showHome() {
  const text = t();
  const status = h("p", { class: "form-error", role: "alert", id: "form-error" });
  const urlInput = h("input", {
    id: "url",
    name: "url",
    type: "url",
    placeholder: "https://",
    autocomplete: "url",
  });
  const fileInput = h("input", {
    id: "file",
    name: "file",
    type: "file",
    multiple: true,
    accept: ".html,.htm,.md,.markdown,.txt,.zip",
  });
  const urlField = field(text.url, urlInput, "url");
  const fileField = field(text.file, fileInput, "file");
  fileField.hidden = true;
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
          urlField.hidden = value !== "url";
          fileField.hidden = value !== "file";
        },
      }),
      label,
    );
  const langSelect = h(
    "select",
    { id: "lang", name: "lang" },
    (config.langs ?? ["ja", "en"]).map((code) =>
      h("option", { value: code, selected: code === uiLang }, code === "ja" ? "日本語" : "English"),
    ),
  );
  const engines = config.engines ?? [{ name: "extractive", models: [] }];
  const modelInput = h("select", { id: "model", name: "model" });
  const modelField = field(text.model, modelInput, "model");
  // The model list follows the engine; an engine without a choice of model hides the field.
  const showModels = () => {
    const models = engines.find((engine) => engine.name === engineSelect.value)?.models ?? [];
    modelInput.replaceChildren(...models.map((model) => h("option", { value: model }, model)));
    modelField.hidden = models.length === 0;
  };
  const engineSelect = h(
    "select",
    { id: "engine", name: "engine", onchange: showModels },
    engines.map((engine) => h("option", { value: engine.name }, engine.name)),
  );
  showModels();
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

  const form = h(
    "form",
    { class: "card", novalidate: true, onsubmit: (event) => submitReport(event) },
    h(
      "fieldset",
      { class: "kinds" },
      h("legend", {}, text.inputKind),
      kind("url", text.byUrl, true),
      kind("file", text.byFile, false),
    ),
    urlField,
    fileField,
    h(
      "div",
      { class: "row" },
      field(text.lang, langSelect, "lang"),
      field(text.engine, engineSelect, "engine"),
      modelField,
    ),
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

  async function submitReport(event) {
    event.preventDefault();
    status.textContent = "";
    const body = {
      lang: langSelect.value,
      engine: engineSelect.value,
      maxLinks: Number(maxLinksInput.value || 10),
      followLinks: followInput.checked,
    };
    if (!modelField.hidden && modelInput.value) body.model = modelInput.value;
    const sources = sourcesInput.value.split(/\s+/).filter(Boolean);
    if (sources.length > 0) body.sources = sources;
    const byFile = form.querySelector('input[name="kind"]:checked')?.value === "file";
    let request;
    if (byFile && fileInput.files.length > 0) {
      // Sent as bytes (multipart), so the server decodes a Shift_JIS or EUC-JP page by its own rules;
      // a folder's files keep their relative paths, so the article finds the pages it links to.
      const data = new FormData();
      for (const [name, value] of Object.entries(body)) {
        if (name !== "sources") data.append(name, String(value));
      }
      if (sources.length > 0) data.append("sources", sources.join("\n"));
      for (const file of fileInput.files) data.append("files", file, file.webkitRelativePath || file.name);
      request = { method: "POST", body: data };
    } else if (!byFile && urlInput.value.trim()) {
      body.url = urlInput.value.trim();
      request = {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      };
    } else {
      status.textContent = text.needInput;
      return;
    }
    submit.disabled = true;
    submit.textContent = text.submitting;
    try {
      const { id } = await api("/api/reports", request);
      location.hash = `#/reports/${id}`;
    } catch (error) {
      status.textContent = error.message;
      submit.disabled = false;
      submit.textContent = text.submit;
    }
  }

  setView(text.newTitle, h("h1", {}, text.newTitle), form);
  urlInput.focus();
}

// ---------- list ----------

async function showList(query) {
  const text = t();
  const list = h("ul", { class: "reports", "aria-live": "polite" }, h("li", {}, text.loading));
  const search = h("input", {
    id: "q",
    type: "search",
    name: "q",
    value: query,
    "aria-label": text.search,
    placeholder: text.search,
  });
  const form = h(
    "form",
    {
      role: "search",
      class: "search",
      onsubmit: (event) => {
        event.preventDefault();
        location.hash = `#/reports?q=${encodeURIComponent(search.value)}`;
      },
    },
    search,
    h("button", { type: "submit" }, text.searchButton),
  );
  setView(text.reportsTitle, h("h1", {}, text.reportsTitle), form, list);
  try {
    const { reports, jobs } = await api(`/api/reports?limit=200&q=${encodeURIComponent(query)}`);
    const items = [
      ...jobs.map((job) =>
        h(
          "li",
          { class: `job ${job.status}` },
          h("a", { href: `#/reports/${job.id}` }, job.input),
          h("span", { class: `badge ${job.status}` }, text.status[job.status]),
          job.error ? h("p", { class: "error" }, job.error.message) : null,
        ),
      ),
      ...reports.map((report) =>
        h(
          "li",
          {},
          h("a", { href: `#/reports/${report.id}` }, report.title),
          h(
            "span",
            { class: "meta" },
            `${report.createdAt.slice(0, 16).replace("T", " ")} · ${report.lang} · ${report.engine}`,
          ),
          exportLinks(report.id),
          deleteButton(report.id, () => showList(query)),
        ),
      ),
    ];
    list.replaceChildren(...(items.length > 0 ? items : [h("li", {}, text.none)]));
  } catch (error) {
    list.replaceChildren(h("li", { class: "error", role: "alert" }, error.message));
  }
}

/** The report re-rendered in another format, opened in a new tab. */
function viewLinks(id) {
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

function exportLinks(id) {
  return h(
    "span",
    { class: "exports", role: "group", "aria-label": t().export },
    ["md", "html", "json", "pdf"].map((format) =>
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

function deleteButton(id, after) {
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

// ---------- one report: progress, then the report ----------

async function showReport(id) {
  setView(t().loading, h("p", {}, t().loading));
  let state;
  try {
    state = await api(`/api/reports/${id}`);
  } catch (error) {
    setView(t().notFound, h("h1", {}, error.status === 404 ? t().notFound : error.message));
    return;
  }
  if (state.status === "done" && state.report) return renderReport(state.report);
  renderProgress(id, state);
}

function renderProgress(id, state) {
  const text = t();
  const stageItems = new Map(
    STAGES.map((stage) => [
      stage,
      h(
        "li",
        { class: "stage pending", "data-stage": stage },
        h("span", { class: "name" }, text.stages[stage]),
        h("span", { class: "detail" }),
      ),
    ]),
  );
  const sources = h("ul", { class: "sources" });
  const sections = h("ul", { class: "sections", "aria-live": "polite" });
  const citations = h("p", { class: "citations", role: "status" });
  const statusLine = h("p", { class: "status", role: "status" }, text.status[state.status]);
  const errorBox = h("div", { class: "error", role: "alert" });
  const heading = h("h1", {}, text.progressTitle);
  setView(
    text.progressTitle,
    heading,
    h("p", { class: "input" }, state.input),
    statusLine,
    h("ol", { class: "stages", "aria-live": "polite" }, [...stageItems.values()]),
    sources,
    sections,
    citations,
    errorBox,
  );

  const apply = (event) => {
    if (event.type === "status") statusLine.textContent = text.status[event.status];
    if (event.type === "stage-start") {
      const item = stageItems.get(event.stage);
      item.className = "stage running";
      if (event.total !== undefined) item.querySelector(".detail").textContent = `0 / ${event.total}`;
      item.dataset.total = event.total ?? "";
    }
    if (event.type === "stage-done") {
      const item = stageItems.get(event.stage);
      item.className = "stage done";
      item.querySelector(".detail").textContent = Object.entries(event.counts)
        .map(([name, count]) => `${count} ${text.counts[name] ?? name}`)
        .join(" · ");
    }
    if (event.type === "source") {
      sources.append(
        h(
          "li",
          { class: event.ok ? "ok" : "failed" },
          h("span", { class: "badge" }, event.ok ? text.sourceOk : text.sourceFailed),
          " ",
          event.input,
          event.message ? h("span", { class: "why" }, event.message) : null,
        ),
      );
      const item = stageItems.get("sources");
      if (item.dataset.total)
        item.querySelector(".detail").textContent = `${sources.children.length} / ${item.dataset.total}`;
    }
    if (event.type === "section") {
      // The introduction and conclusion are named in the report's language, as in the report.
      const words = REPORT_WORDS[state.lang] ?? REPORT_WORDS.en;
      sections.append(
        h(
          "li",
          {},
          h("span", { class: "badge" }, text.sectionWritten),
          " ",
          event.framing ? words[event.framing] : event.heading,
        ),
      );
      stageItems.get("write").querySelector(".detail").textContent = `${event.done} / ${event.total}`;
    }
    if (event.type === "citations") citations.textContent = text.citationsChecked(event);
    if (event.type === "failed") {
      heading.textContent = text.failedTitle;
      statusLine.textContent = text.status.failed;
      for (const item of stageItems.values())
        if (item.classList.contains("running")) item.className = "stage failed";
      errorBox.replaceChildren(h("p", {}, event.error.message));
    }
  };

  // EventSource resends Last-Event-ID when it reconnects, so the server replays only what was missed;
  // a reload starts from 0 and replays the whole log.
  const stream = new EventSource(`/api/reports/${id}/events`);
  stream.onmessage = (message) => {
    const event = JSON.parse(message.data);
    apply(event);
    if (event.type === "done") {
      stream.close();
      showReport(id);
    }
    if (event.type === "failed") stream.close();
  };
  leaveView = () => stream.close();
}

function renderReport(report) {
  const text = t();
  const words = REPORT_WORDS[report.lang] ?? REPORT_WORDS.en;
  const numberOfSource = new Map(report.references.map((reference) => [reference.sourceId, reference.n]));
  const passageById = new Map(report.passages.map((passage) => [passage.id, passage]));
  const sourceById = new Map(report.sources.map((source) => [source.id, source]));
  const referenceByN = new Map(report.references.map((reference) => [reference.n, reference]));

  const paragraph = (claims) =>
    h(
      "p",
      {},
      claims.map((claim, index) => {
        const sentence = claim.text.replace(/\s+/g, " ").trim();
        const shown = claim.quotation
          ? h("q", { class: "quotation" }, `${words.quote[0]}${sentence}${words.quote[1]}`)
          : sentence;
        const byNumber = new Map();
        for (const passageId of claim.passageIds) {
          const passage = passageById.get(passageId);
          const n = passage ? numberOfSource.get(passage.sourceId) : undefined;
          if (n === undefined) continue;
          if (!byNumber.has(n)) byNumber.set(n, []);
          byNumber.get(n).push(passage);
        }
        const cites = [...byNumber.keys()]
          .sort((a, b) => a - b)
          .map((n) =>
            citeButton(n, byNumber.get(n), referenceByN.get(n), sourceById.get(byNumber.get(n)[0].sourceId)),
          );
        return [index > 0 && words.gap ? words.gap : null, shown, ...cites];
      }),
    );
  const paragraphs = (list) => list.map((p) => paragraph(p.claims));

  const body = [
    h("h1", {}, report.title),
    h(
      "p",
      { class: "grounding", "data-testid": "grounding" },
      text.grounding(report.grounding),
      ` (${report.engine})`,
    ),
    h("h2", {}, words.introduction),
    paragraphs(report.introduction),
    report.sections.map((section) => [
      h("h2", {}, section.heading),
      paragraphs(section.paragraphs),
      section.subsections.map((sub) => [h("h3", {}, sub.heading), paragraphs(sub.paragraphs)]),
    ]),
    h("h2", {}, words.conclusion),
    paragraphs(report.conclusion),
    h("h4", {}, words.references),
    h(
      "ol",
      { class: "references" },
      report.references.map((reference) =>
        h(
          "li",
          { id: `ref-${reference.n}` },
          `[${reference.n}] `,
          h(
            "a",
            { href: safeHref(reference.url), target: "_blank", rel: "noopener noreferrer" },
            reference.title,
          ),
        ),
      ),
    ),
    h(
      "p",
      {},
      h("strong", {}, `${words.original}: `),
      h(
        "a",
        { href: safeHref(report.original.url), target: "_blank", rel: "noopener noreferrer" },
        report.original.title,
      ),
    ),
  ];
  const failures =
    report.failures.length > 0
      ? h(
          "details",
          { class: "failures" },
          h("summary", {}, text.failures(report.failures.length)),
          h(
            "ul",
            {},
            report.failures.map((failure) => h("li", {}, failure.message)),
          ),
        )
      : null;
  const toolbar = h(
    "div",
    { class: "toolbar" },
    h("span", {}, `${text.view}: `),
    viewLinks(report.id),
    h("span", {}, `${text.export}: `),
    exportLinks(report.id),
    deleteButton(report.id, () => {
      location.hash = "#/reports";
    }),
  );
  setView(report.title, toolbar, h("article", { class: "report", lang: report.lang }, body), failures);
}

// ---------- citation popover ----------

let popoverOwner = null;
let pinned = false;
let hideTimer = 0;

function citeButton(n, passages, reference, source) {
  const button = h(
    "button",
    {
      type: "button",
      class: "cite",
      "aria-label": t().citation(n),
      "aria-haspopup": "dialog",
      "aria-expanded": "false",
      "aria-controls": "popover",
    },
    `[${n}]`,
  );
  const open = (pin) => showPopover(button, n, passages, reference, source, pin);
  button.addEventListener("mouseenter", () => {
    if (!pinned) open(false);
  });
  button.addEventListener("mouseleave", () => {
    if (!pinned) scheduleHide();
  });
  button.addEventListener("click", (event) => {
    if (popoverOwner === button && pinned) return hidePopover();
    open(true);
    // Opened from the keyboard (a click with no pointer): move focus into it so its link is reachable.
    if (event.detail === 0) popover.querySelector("a, button")?.focus();
  });
  return button;
}

function showPopover(button, n, passages, reference, source, pin) {
  clearTimeout(hideTimer);
  popoverOwner?.setAttribute("aria-expanded", "false");
  popoverOwner = button;
  pinned = pin;
  button.setAttribute("aria-expanded", "true");
  const date = source?.publishedAt ? source.publishedAt.slice(0, 10) : null;
  const site = source?.siteName ?? (reference?.url ? safeHost(reference.url) : null);
  popover.setAttribute("aria-label", t().citation(n));
  popover.replaceChildren(
    ...[
      h("p", { class: "source-title" }, `[${n}] `, h("strong", {}, reference?.title ?? source?.title ?? "")),
      h("p", { class: "source-meta" }, [site, date].filter(Boolean).join(" · ")),
      passages.map((passage) => h("blockquote", { lang: passage.lang ?? undefined }, passage.text)),
      h(
        "p",
        { class: "popover-actions" },
        h(
          "a",
          { href: safeHref(reference?.url ?? source?.url), target: "_blank", rel: "noopener noreferrer" },
          t().openSource,
        ),
        h("button", { type: "button", class: "link-button", onclick: () => hidePopover(true) }, t().close),
      ),
    ].flat(),
  );
  popover.hidden = false;
  place(button);
}

function safeHost(url) {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

function place(button) {
  if (window.matchMedia("(max-width: 600px)").matches) {
    popover.style.left = "";
    popover.style.top = "";
    return;
  }
  const rect = button.getBoundingClientRect();
  const width = popover.offsetWidth;
  const left = Math.max(
    8,
    Math.min(rect.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - width - 8),
  );
  popover.style.left = `${left}px`;
  popover.style.top = `${rect.bottom + window.scrollY + 6}px`;
}

function scheduleHide() {
  clearTimeout(hideTimer);
  hideTimer = setTimeout(() => hidePopover(), 250);
}

function hidePopover(returnFocus = false) {
  clearTimeout(hideTimer);
  popover.hidden = true;
  pinned = false;
  const owner = popoverOwner;
  popoverOwner = null;
  owner?.setAttribute("aria-expanded", "false");
  if (returnFocus) owner?.focus();
}

popover.addEventListener("mouseenter", () => clearTimeout(hideTimer));
// Tabbing out of the popover closes it, back on the citation it belongs to.
popover.addEventListener("focusout", (event) => {
  if (!popover.hidden && !popover.contains(event.relatedTarget) && event.relatedTarget !== popoverOwner) {
    hidePopover(true);
  }
});
popover.addEventListener("mouseleave", () => {
  if (!pinned) scheduleHide();
});
document.addEventListener("keydown", (event) => {
  if (event.key === "Escape" && !popover.hidden) hidePopover(true);
});
document.addEventListener("click", (event) => {
  if (!popover.hidden && !popover.contains(event.target) && !event.target.closest?.("button.cite"))
    hidePopover();
});

// ---------- start ----------

document.getElementById("ui-lang").addEventListener("click", () => {
  uiLang = uiLang === "ja" ? "en" : "ja";
  // biome-ignore lint/suspicious/noDocumentCookie: a plain preference cookie the server reads for the first paint
  document.cookie = `shirabe_ui_lang=${uiLang}; Path=/; Max-Age=31536000; SameSite=Lax`;
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
