// The feeds screen: follow a feed, see each feed's last poll and error, poll it now, turn its automatic
// reports on or off, unfollow it, and see its items with their reports' status (refreshed while any
// report is under way; each report opens with its live progress).
import { api, errorView, formatTime, h, setView, t, whenLeaving } from "./dom.js";

const REFRESH_MS = 2000;
const UNDER_WAY = new Set(["waiting", "queued", "running"]);

const send = (path, method, body) =>
  api(path, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
  });

export async function showFeeds() {
  const text = t().feeds;
  const notice = h("p", { class: "notice", role: "status", "aria-live": "polite" });
  const list = h("ul", { class: "feeds" }, h("li", {}, t().loading));
  const url = h("input", {
    id: "feed-url",
    name: "url",
    type: "url",
    required: true,
    placeholder: "https://",
  });
  const auto = h("input", { id: "feed-auto", name: "autoReport", type: "checkbox", checked: true });
  const form = h(
    "form",
    { class: "feed-form", onsubmit: (event) => add(event) },
    h("label", { for: "feed-url" }, text.url),
    url,
    h("label", { class: "check" }, auto, " ", text.autoReport),
    h("button", { type: "submit" }, text.add),
  );
  setView(text.title, h("h1", {}, text.title), form, notice, list);

  let timer;
  whenLeaving(() => clearTimeout(timer));
  const say = (...content) => notice.replaceChildren(...content);

  async function add(event) {
    event.preventDefault();
    const button = form.querySelector("button");
    button.disabled = true;
    try {
      const poll = await send("/api/feeds", "POST", { url: url.value, autoReport: auto.checked });
      url.value = "";
      say(`${poll.feed.title ?? poll.feed.url}: ${text.polled(poll.fresh, poll.queued)}`);
      await refresh();
    } catch (error) {
      say(errorView(error));
    } finally {
      button.disabled = false;
    }
  }

  async function refresh() {
    clearTimeout(timer);
    let feeds;
    try {
      ({ feeds } = await api("/api/feeds"));
    } catch (error) {
      list.replaceChildren(h("li", {}, error.status === 404 ? text.unavailable : errorView(error)));
      return;
    }
    const entries = await Promise.all(
      feeds.map(async (feed) => ({ feed, items: (await api(`/api/feeds/${feed.id}/items?limit=50`)).items })),
    );
    list.replaceChildren(
      ...(entries.length > 0
        ? entries.map(({ feed, items }) => feedEntry(feed, items))
        : [h("li", {}, text.none)]),
    );
    if (entries.some(({ items }) => items.some((item) => UNDER_WAY.has(item.reportStatus) && item.reportId)))
      timer = setTimeout(refresh, REFRESH_MS);
  }

  const act = (work) => async () => {
    try {
      await work();
    } catch (error) {
      say(errorView(error));
    }
    await refresh();
  };

  function feedEntry(feed, items) {
    const name = feed.title ?? feed.url;
    return h(
      "li",
      { class: "feed", "data-feed": feed.id },
      h("h2", {}, name),
      h("p", { class: "meta" }, feed.url),
      h(
        "p",
        { class: "meta" },
        `${text.lastPoll}: `,
        feed.lastPollAt ? h("time", { datetime: feed.lastPollAt }, formatTime(feed.lastPollAt)) : text.never,
      ),
      feed.lastError ? h("p", { class: "error", lang: "en" }, `${text.lastError}: ${feed.lastError}`) : null,
      feed.backedOffUntil
        ? h("p", { class: "meta" }, `${text.backedOff} ${formatTime(feed.backedOffUntil)}`)
        : null,
      h(
        "div",
        { class: "actions" },
        h(
          "label",
          { class: "check" },
          h("input", {
            type: "checkbox",
            "data-action": "auto-report",
            checked: feed.autoReport,
            onchange: act(async () => {
              await send(`/api/feeds/${feed.id}`, "PATCH", { autoReport: !feed.autoReport });
            }),
          }),
          " ",
          text.autoReport,
        ),
        h(
          "button",
          {
            type: "button",
            "data-action": "poll",
            onclick: act(async () => {
              const poll = await send(`/api/feeds/${feed.id}/poll`, "POST");
              say(`${name}: ${poll.error ?? text.polled(poll.fresh, poll.queued)}`);
            }),
          },
          text.pollNow,
        ),
        h(
          "button",
          {
            type: "button",
            class: "danger",
            "data-action": "remove",
            onclick: async () => {
              if (confirm(text.confirmRemove)) await act(() => send(`/api/feeds/${feed.id}`, "DELETE"))();
            },
          },
          text.remove,
        ),
      ),
      h("h3", {}, text.items),
      h("ul", { class: "feed-items" }, items.length > 0 ? items.map(itemEntry) : h("li", {}, text.noItems)),
    );
  }

  function itemEntry(item) {
    return h(
      "li",
      { "data-status": item.reportStatus },
      h(
        "a",
        { href: /^https?:/i.test(item.url) ? item.url : undefined, rel: "noopener noreferrer" },
        item.title,
      ),
      " ",
      h(
        "span",
        { class: `status status-${item.reportStatus}` },
        text.status[item.reportStatus] ?? item.reportStatus,
      ),
      item.reportId
        ? [" ", h("a", { href: `#/reports/${item.reportId}`, class: "report-link" }, text.openReport)]
        : null,
      item.note ? h("small", { class: "meta", lang: "en" }, ` (${item.note})`) : null,
    );
  }

  await refresh();
}
