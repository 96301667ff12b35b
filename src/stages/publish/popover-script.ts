// The citation popover of a published report page: a few lines of inline script and CSS, so it works
// from file:// with no server. Hovering, focusing or clicking (tapping) [n] shows reference n (its title, link and
// address) beside the citation; Escape or a click elsewhere closes it. Without script, [n] still jumps
// to the reference list.

export const POPOVER_STYLE = `
.site-nav { font-size: 0.9rem; margin-bottom: 1rem; } .site-nav a { margin-right: 1rem; }
#cite-popover { position: absolute; z-index: 10; max-width: 28rem; padding: 0.6rem 0.8rem; background: #fff;
  border: 1px solid #bbb; border-radius: 6px; box-shadow: 0 4px 14px rgba(0,0,0,.15); font-size: 0.9rem;
  overflow-wrap: anywhere; } #cite-popover[hidden] { display: none; }
@media print { #cite-popover, .site-nav { display: none; } }
`;

export const POPOVER_SCRIPT = `
(() => {
  const box = document.createElement("div");
  box.id = "cite-popover";
  box.setAttribute("role", "tooltip");
  box.hidden = true;
  document.body.appendChild(box);
  const hide = () => { box.hidden = true; };
  const show = (link) => {
    const target = document.getElementById(decodeURIComponent(link.hash.slice(1)));
    if (!target) return;
    box.replaceChildren(...Array.from(target.childNodes, (node) => node.cloneNode(true)));
    box.hidden = false;
    const rect = link.getBoundingClientRect();
    const width = box.offsetWidth;
    const left = Math.max(8, Math.min(rect.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - width - 8));
    box.style.left = left + "px";
    box.style.top = rect.bottom + window.scrollY + 6 + "px";
  };
  for (const link of document.querySelectorAll("a.cite")) {
    link.setAttribute("aria-describedby", "cite-popover");
    link.addEventListener("mouseenter", () => show(link));
    link.addEventListener("focus", () => show(link));
    link.addEventListener("click", (event) => { event.preventDefault(); show(link); });
  }
  document.addEventListener("keydown", (event) => { if (event.key === "Escape") hide(); });
  document.addEventListener("click", (event) => {
    if (!box.hidden && !box.contains(event.target) && !(event.target.closest && event.target.closest("a.cite"))) hide();
  });
})();
`;
