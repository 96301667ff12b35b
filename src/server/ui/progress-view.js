// A report being made: each stage, source and section as it happens, a running log with times, the
// elapsed time, a cancel button; a notice while the connection is lost; the error and a retry if it fails.
import { api, errorView, formatElapsed, h, reportWords, retryJob, setView, t, whenLeaving } from "./dom.js";

const STAGES = ["article", "sources", "passages", "write", "cite", "store"];

export function renderProgress(id, state, onDone) {
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
  const clock = h("p", { class: "elapsed", "data-testid": "elapsed" });
  const notice = h("p", { class: "notice", role: "alert", hidden: true }, text.connectionLost);
  const errorBox = h("div", { class: "error", role: "alert" });
  const heading = h("h1", {}, text.progressTitle);
  const log = h("ol", { class: "log" });
  const problem = h("p", { class: "error" });
  const cancel = h(
    "button",
    {
      type: "button",
      class: "danger cancel",
      onclick: () =>
        api(`/api/reports/${id}/cancel`, { method: "POST" }).catch((error) =>
          problem.replaceChildren(errorView(error)),
        ),
    },
    text.cancel,
  );
  const retry = h(
    "button",
    {
      type: "button",
      class: "primary retry",
      hidden: true,
      onclick: () => retryJob(state).catch((error) => problem.replaceChildren(errorView(error))),
    },
    text.retry,
  );
  setView(
    text.progressTitle,
    heading,
    notice,
    h("p", { class: "input" }, state.input),
    h("div", { class: "toolbar" }, statusLine, clock, cancel),
    h("ol", { class: "stages", "aria-live": "polite" }, [...stageItems.values()]),
    sources,
    sections,
    citations,
    errorBox,
    retry,
    problem,
    h("details", { class: "log-box" }, h("summary", {}, text.log), log),
  );

  // Elapsed time from when the job started running (the server's clock), until it ends.
  const started = Date.parse(state.startedAt ?? state.createdAt);
  let ended = state.finishedAt ? Date.parse(state.finishedAt) : null;
  const tick = () => {
    clock.textContent = text.elapsed(formatElapsed((ended ?? Date.now()) - started));
  };
  tick();
  const timer = setInterval(tick, 1000);
  const finish = () => {
    ended ??= Date.now();
    tick();
    clearInterval(timer);
    cancel.hidden = true;
  };
  const logLine = (line) =>
    log.append(h("li", {}, h("span", { class: "at" }, formatElapsed(Date.now() - started)), " ", line));

  const apply = (event) => {
    if (event.type === "status") statusLine.textContent = text.status[event.status];
    if (event.type === "stage-start") {
      const item = stageItems.get(event.stage);
      item.className = "stage running";
      if (event.total !== undefined) item.querySelector(".detail").textContent = `0 / ${event.total}`;
      item.dataset.total = event.total ?? "";
      logLine(text.stages[event.stage]);
    }
    if (event.type === "stage-done") {
      const item = stageItems.get(event.stage);
      item.className = "stage done";
      item.querySelector(".detail").textContent = Object.entries(event.counts)
        .map(([name, count]) => `${count} ${text.counts[name] ?? name}`)
        .join(" · ");
      logLine(`${text.stages[event.stage]} — ${item.querySelector(".detail").textContent}`);
    }
    if (event.type === "source") {
      sources.append(
        h(
          "li",
          { class: event.ok ? "ok" : "failed" },
          h("span", { class: "badge" }, event.ok ? text.sourceOk : text.sourceFailed),
          " ",
          event.input,
          event.message ? h("span", { class: "why", lang: "en" }, event.message) : null,
        ),
      );
      const item = stageItems.get("sources");
      if (item.dataset.total)
        item.querySelector(".detail").textContent = `${sources.children.length} / ${item.dataset.total}`;
      logLine(`${event.ok ? text.sourceOk : text.sourceFailed}: ${event.input}`);
    }
    if (event.type === "section") {
      // The introduction and conclusion are named in the report's language, as in the report.
      const words = reportWords(state.lang);
      const name = event.framing ? words[event.framing] : event.heading;
      // The section's own sentences (page text, so only ever text nodes), as the writer handed them over.
      const written = (Array.isArray(event.paragraphs) ? event.paragraphs : []).map((sentences) =>
        h("p", { class: "written" }, [sentences].flat().join(words.sentenceGap ?? "")),
      );
      sections.append(
        h(
          "li",
          {},
          h("span", { class: "badge" }, text.sectionWritten),
          " ",
          name,
          written.length > 0 ? h("div", { class: "section-text", lang: state.lang }, written) : null,
        ),
      );
      stageItems.get("write").querySelector(".detail").textContent = `${event.done} / ${event.total}`;
      logLine(`${text.sectionWritten}: ${name}`);
    }
    if (event.type === "citations") citations.textContent = text.citationsChecked(event);
    if (event.type === "failed") {
      heading.textContent = text.failedTitle;
      statusLine.textContent = text.status.failed;
      for (const item of stageItems.values())
        if (item.classList.contains("running")) item.className = "stage failed";
      errorBox.replaceChildren(errorView(event.error, "p"));
      retry.hidden = !/^https?:\/\//i.test(state.input ?? "");
      finish();
    }
  };

  // EventSource resends Last-Event-ID when it reconnects, so the server replays only what was missed;
  // a reload starts from 0 and replays the whole log. While it cannot reach the server, say so.
  const stream = new EventSource(`/api/reports/${id}/events`);
  stream.onopen = () => {
    notice.hidden = true;
  };
  stream.onerror = () => {
    if (stream.readyState !== EventSource.CLOSED) notice.hidden = false;
  };
  stream.onmessage = (message) => {
    notice.hidden = true;
    const event = JSON.parse(message.data);
    apply(event);
    if (event.type === "done") {
      stream.close();
      finish();
      onDone();
    }
    if (event.type === "failed") stream.close();
  };
  whenLeaving(() => {
    stream.close();
    clearInterval(timer);
  });
}
