// The workers' queue beside the list when reports are made by `shirabe worker` processes (serve
// --queue): jobs waiting, running, done and failed, in all and per feed or batch, and a retry of the
// failed ones. A server that makes its reports itself has no queue (404): no panel then.
import { api, errorView, h, t } from "./dom.js";

const STATES = ["waiting", "active", "done", "failed"];

export async function queuePanel() {
  let status;
  try {
    status = await api("/api/queue");
  } catch (error) {
    if (error.status === 404) return null;
    return h("section", { class: "queue", role: "alert" }, errorView(error));
  }
  const text = t().queue;
  const row = (name, counts) =>
    h(
      "tr",
      {},
      h("th", { scope: "row" }, name),
      ...STATES.map((state) => h("td", {}, String(counts[state]))),
    );
  const note = h("p", { role: "status" });
  const retry = h(
    "button",
    {
      type: "button",
      onclick: async () => {
        try {
          const { retried } = await api("/api/queue/retry", { method: "POST" });
          note.replaceChildren(text.retried(retried));
        } catch (error) {
          note.replaceChildren(errorView(error));
        }
      },
    },
    text.retry,
  );
  return h(
    "section",
    { class: "queue", "aria-labelledby": "queue-title" },
    h("h2", { id: "queue-title" }, text.title),
    h(
      "table",
      {},
      h(
        "thead",
        {},
        h("tr", {}, h("td", {}), ...STATES.map((state) => h("th", { scope: "col" }, text.states[state]))),
      ),
      h(
        "tbody",
        {},
        row(text.all, status.total),
        ...status.groups.map((group) => row(group.group, group.counts)),
      ),
    ),
    status.total.failed > 0 ? retry : null,
    note,
  );
}
