// The citation popover: the exact passages a sentence cites, with the source's title, site, date and
// link, by mouse (hover), keyboard (Enter, Escape) and touch (tap). A mouse click on [n] instead jumps
// to the source in the report's list. The popover opens above its citation when below has no room.
import { h, safeHref, t } from "./dom.js";

const popover = document.getElementById("popover");
let popoverOwner = null;
let pinned = false;
let hideTimer = 0;
let lastPointer = "mouse";

/**
 * A [n] button. `jump` shows the source in the report's own list; a mouse click does that, a tap or
 * the keyboard opens the popover (which offers the same jump).
 */
export function citeButton(n, passages, reference, source, jump, claim) {
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
  const open = (pin) => showPopover(button, n, passages, reference, source, pin, jump, claim);
  button.addEventListener("pointerdown", (event) => {
    lastPointer = event.pointerType;
  });
  button.addEventListener("mouseenter", () => {
    if (!pinned) open(false);
  });
  button.addEventListener("mouseleave", () => {
    if (!pinned) scheduleHide();
  });
  button.addEventListener("click", (event) => {
    const fromKeyboard = event.detail === 0;
    if (!fromKeyboard && lastPointer === "mouse") {
      hidePopover();
      return jump(n);
    }
    if (popoverOwner === button && pinned) return hidePopover();
    open(true);
    // Opened from the keyboard: move focus into it so its link is reachable.
    if (fromKeyboard) popover.querySelector("a, button")?.focus();
  });
  return button;
}

/** How the sentence was confirmed, and for a model's verdict the words it quoted from these passages. */
function confirmation(claim, passages) {
  const method = claim?.confirmedBy;
  const label = method ? t().confirmedBy?.[method] : undefined;
  if (!label) return null;
  const ids = new Set(passages.map((passage) => passage.id));
  const spans = method === "entailment" ? (claim.spans ?? []).filter((span) => ids.has(span.passageId)) : [];
  return h(
    "p",
    { class: "confirmed", "data-method": method },
    label,
    spans.flatMap((span) => [" · ", `${t().evidence}: `, h("q", {}, span.text)]),
  );
}

function showPopover(button, n, passages, reference, source, pin, jump, claim) {
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
      confirmation(claim, passages),
      h(
        "p",
        { class: "popover-actions" },
        h(
          "a",
          { href: safeHref(reference?.url ?? source?.url), target: "_blank", rel: "noopener noreferrer" },
          t().openSource,
        ),
        h(
          "button",
          {
            type: "button",
            class: "link-button",
            onclick: () => {
              hidePopover();
              jump(n);
            },
          },
          t().goToSource,
        ),
        h("button", { type: "button", class: "link-button", onclick: () => hidePopover(true) }, t().close),
      ),
    ]
      .flat()
      .filter(Boolean),
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

/** Below the citation, or above it when the viewport has no room below; never past either edge. */
function place(button) {
  if (window.matchMedia("(max-width: 600px)").matches) {
    popover.style.left = "";
    popover.style.top = "";
    return;
  }
  const rect = button.getBoundingClientRect();
  const width = popover.offsetWidth;
  const height = popover.offsetHeight;
  const viewport = document.documentElement.clientHeight;
  const left = Math.max(
    8,
    Math.min(rect.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - width - 8),
  );
  const below = rect.bottom + 6;
  const above = rect.top - height - 6;
  const top =
    below + height <= viewport - 8 || above < 8 ? Math.min(below, Math.max(8, viewport - height - 8)) : above;
  popover.style.left = `${left}px`;
  popover.style.top = `${top + window.scrollY}px`;
}

function scheduleHide() {
  clearTimeout(hideTimer);
  hideTimer = setTimeout(() => hidePopover(), 250);
}

export function hidePopover(returnFocus = false) {
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
