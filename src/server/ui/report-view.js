// One finished report: its date, original article and source count at the top, a card per source
// (cited, or failed), the text with its citations, copy a paragraph with its sources, and a jump from
// [n] to its source. Words the report prints come from the server, in the report's language.
import {
  deleteButton,
  exportLinks,
  formatTime,
  h,
  quotesVerbatim,
  reportWords,
  safeHref,
  setView,
  t,
  ui,
  viewLinks,
} from "./dom.js";
import { citeButton } from "./popover.js";

function safeHost(url) {
  try {
    return new URL(url).host;
  } catch {
    return "";
  }
}

export function renderReport(report) {
  const text = t();
  const words = reportWords(report.lang);
  const numberOfSource = new Map(report.references.map((reference) => [reference.sourceId, reference.n]));
  const passageById = new Map(report.passages.map((passage) => [passage.id, passage]));
  const sourceById = new Map(report.sources.map((source) => [source.id, source]));
  const referenceByN = new Map(report.references.map((reference) => [reference.n, reference]));
  const primary = (lang) =>
    String(lang ?? "")
      .split("-")[0]
      .toLowerCase();

  /** Scrolls to source n's card, marks it, and moves focus there (so the keyboard follows too). */
  const jump = (n) => {
    for (const marked of document.querySelectorAll(".highlight")) marked.classList.remove("highlight");
    const card = document.getElementById(`source-${n}`);
    const entry = document.getElementById(`ref-${n}`);
    for (const element of [card, entry]) element?.classList.add("highlight");
    card?.scrollIntoView({ block: "center" });
    card?.focus({ preventScroll: true });
  };

  let claimCount = 0;
  let quoted = 0;
  const paragraph = (claims) => {
    const cited = new Set();
    const sentences = claims.map((claim, index) => {
      const sentence = claim.text.replace(/\s+/g, " ").trim();
      const byNumber = new Map();
      for (const passageId of claim.passageIds) {
        const passage = passageById.get(passageId);
        const n = passage ? numberOfSource.get(passage.sourceId) : undefined;
        if (n === undefined) continue;
        if (!byNumber.has(n)) byNumber.set(n, []);
        byNumber.get(n).push(passage);
      }
      const numbers = [...byNumber.keys()].sort((a, b) => a - b);
      for (const n of numbers) cited.add(n);
      claimCount += 1;
      // A quotation keeps its source's language; saying so lets screen readers and fonts follow.
      const sourceLang = byNumber.get(numbers[0])?.[0]?.lang;
      if (claim.quotation) quoted += 1;
      const shown = claim.quotation
        ? h(
            "q",
            {
              class: "quotation",
              lang: sourceLang && primary(sourceLang) !== primary(report.lang) ? sourceLang : undefined,
            },
            `${words.quoteOpen}${sentence}${words.quoteClose}`,
          )
        : sentence;
      const cites = numbers.map((n) =>
        citeButton(
          n,
          byNumber.get(n),
          referenceByN.get(n),
          sourceById.get(byNumber.get(n)[0].sourceId),
          jump,
          claim,
        ),
      );
      const plain = `${claim.quotation ? `${words.quoteOpen}${sentence}${words.quoteClose}` : sentence}${numbers.map((n) => `[${n}]`).join("")}`;
      return { nodes: [index > 0 && words.sentenceGap ? words.sentenceGap : null, shown, ...cites], plain };
    });
    const copy = h(
      "button",
      {
        type: "button",
        class: "copy",
        "aria-label": text.copyParagraph,
        title: text.copyParagraph,
        lang: ui.lang,
        onclick: async (event) => {
          const lines = [...cited]
            .sort((a, b) => a - b)
            .map((n) =>
              `[${n}] ${referenceByN.get(n)?.title ?? ""} ${referenceByN.get(n)?.url ?? ""}`.trim(),
            );
          const body = sentences.map((sentence) => sentence.plain).join(words.sentenceGap ?? "");
          await navigator.clipboard.writeText(lines.length > 0 ? `${body}\n\n${lines.join("\n")}` : body);
          event.currentTarget.dataset.copied = "true";
          event.currentTarget.setAttribute("aria-label", text.copied);
        },
      },
      "⧉",
    );
    return h(
      "div",
      { class: "paragraph" },
      h(
        "p",
        {},
        sentences.map((sentence) => sentence.nodes),
      ),
      copy,
    );
  };
  const paragraphs = (list) => list.map((p) => paragraph(p.claims));

  const textBody = [
    h("h2", {}, words.introduction),
    paragraphs(report.introduction),
    report.sections.map((section) => [
      h("h2", {}, section.heading),
      paragraphs(section.paragraphs),
      section.subsections.map((sub) => [h("h3", {}, sub.heading), paragraphs(sub.paragraphs)]),
    ]),
    h("h2", {}, words.conclusion),
    paragraphs(report.conclusion),
  ];
  const original = h(
    "a",
    { href: safeHref(report.original.url), target: "_blank", rel: "noopener noreferrer" },
    report.original.title,
  );
  const read = report.sources.length;
  const header = [
    h("h1", { tabindex: -1, id: "report-title" }, report.title),
    h(
      "p",
      { class: "report-meta", lang: ui.lang },
      h(
        "span",
        {},
        `${text.created}: `,
        h("time", { datetime: report.createdAt }, formatTime(report.createdAt)),
      ),
      h("span", { lang: report.lang }, h("strong", {}, `${words.original}: `), original),
      h(
        "span",
        { "data-testid": "source-count" },
        text.sourceCount(read, report.references.length, report.failures.length),
      ),
    ),
    h(
      "p",
      { class: "grounding", "data-testid": "grounding", lang: ui.lang },
      text.grounding(report.grounding),
      ` (${report.engine})`,
    ),
    quotesVerbatim(report.engine) && quoted > 0
      ? h(
          "p",
          { class: "note", "data-testid": "verbatim", lang: ui.lang },
          text.verbatimReport(quoted, claimCount),
        )
      : null,
    h(
      "a",
      {
        class: "skip-refs",
        href: "#ref-list",
        lang: ui.lang,
        onclick: (event) => {
          event.preventDefault();
          document.getElementById("ref-list")?.focus();
        },
      },
      text.skipToReferences,
    ),
    sourceCards(report, text),
  ];
  const references = [
    h("h3", { id: "ref-list", tabindex: -1, class: "references-heading" }, words.references),
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
    h("p", {}, h("strong", {}, `${words.original}: `), original.cloneNode(true)),
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
            report.failures.map((failure) => h("li", { lang: "en" }, failure.message)),
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
  // The body is built first so the header can count its quotations.
  const body = [textBody, references];
  setView(
    report.title,
    toolbar,
    h("article", { class: "report", lang: report.lang }, header, body),
    failures,
  );
  // The report replaced the progress panel: tell keyboard and screen-reader users where they are.
  document.getElementById("report-title")?.focus();
}

/** A card per cited source (number, site, title, date) and per source that could not be read. */
function sourceCards(report, text) {
  const sourceById = new Map(report.sources.map((source) => [source.id, source]));
  const cards = report.references.map((reference) => {
    const source = sourceById.get(reference.sourceId);
    const date = source?.publishedAt ? source.publishedAt.slice(0, 10) : null;
    return h(
      "li",
      { class: "source-card", id: `source-${reference.n}`, tabindex: -1 },
      h("span", { class: "n" }, `[${reference.n}]`),
      h("span", { class: "site" }, source?.siteName ?? safeHost(reference.url)),
      h(
        "a",
        { href: safeHref(reference.url), target: "_blank", rel: "noopener noreferrer" },
        reference.title,
      ),
      date ? h("time", { datetime: date }, date) : null,
    );
  });
  const failed = report.failures.map((failure) =>
    h(
      "li",
      { class: "source-card failed" },
      h("span", { class: "n", lang: ui.lang }, text.failedSource),
      h("span", { class: "site" }, safeHost(failure.input) || failure.input),
      h("span", { class: "why", lang: "en" }, failure.message),
    ),
  );
  return h(
    "section",
    { class: "source-cards", "aria-label": text.sourcesTitle, lang: ui.lang },
    h("ul", {}, cards, failed),
  );
}
