// The list of past reports with the jobs that made none yet, newest first, each with its date in the
// reader's time zone; found by words of their title, address or text.
import { api, deleteButton, errorView, exportLinks, formatTime, h, retryJob, setView, t } from "./dom.js";
import { queuePanel } from "./queue-panel.js";

export async function showList(query) {
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
  const queue = h("div", { class: "queue-slot" });
  setView(text.reportsTitle, h("h1", {}, text.reportsTitle), form, queue, list);
  void queuePanel().then((panel) => panel && queue.replaceChildren(panel));
  const again = () => showList(query);
  try {
    const { reports, jobs } = await api(`/api/reports?limit=200&q=${encodeURIComponent(query)}`);
    const entries = [
      ...jobs.map((job) => ({ at: job.createdAt, item: jobItem(job, again) })),
      ...reports.map((report) => ({ at: report.createdAt, item: reportItem(report, again) })),
    ].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
    list.replaceChildren(
      ...(entries.length > 0 ? entries.map((entry) => entry.item) : [h("li", {}, text.none)]),
    );
  } catch (error) {
    list.replaceChildren(h("li", { class: "error", role: "alert" }, errorView(error)));
  }
}

function jobItem(job, again) {
  const text = t();
  const ended = job.status === "failed";
  const problem = h("p", { class: "error", role: "status" });
  return h(
    "li",
    { class: `job ${job.status}` },
    h("a", { href: `#/reports/${job.id}` }, job.input),
    h("span", { class: `badge ${job.status}` }, text.status[job.status]),
    h("time", { class: "meta", datetime: job.createdAt }, formatTime(job.createdAt)),
    job.error ? h("p", { class: "error" }, errorView(job.error)) : null,
    ended
      ? h(
          "button",
          {
            type: "button",
            class: "retry",
            onclick: () => retryJob(job).catch((error) => problem.replaceChildren(errorView(error))),
          },
          text.retry,
        )
      : null,
    ended ? deleteButton(job.id, again) : null,
    problem,
  );
}

function reportItem(report, again) {
  return h(
    "li",
    {},
    h("a", { href: `#/reports/${report.id}` }, report.title),
    h(
      "span",
      { class: "meta" },
      h("time", { datetime: report.createdAt }, formatTime(report.createdAt)),
      ` · ${report.lang} · ${report.engine}`,
    ),
    report.snippet ? h("p", { class: "snippet" }, report.snippet) : null,
    exportLinks(report.id),
    deleteButton(report.id, again),
  );
}
