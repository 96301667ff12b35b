// Small helpers over htmlparser2's node tree (domhandler), which is far faster to build than a full DOM.
import type { AnyNode, Element } from "domhandler";

export type { AnyNode, Element } from "domhandler";

export function isElement(node: AnyNode): node is Element {
  return node.type === "tag" || node.type === "script" || node.type === "style";
}

export function attr(element: Element, name: string): string {
  return element.attribs[name] ?? "";
}

/** Collapses runs of whitespace (incl. no-break spaces) to one space and trims. */
export function collapse(text: string): string {
  return text.replace(/[\s\u00a0\u200b\ufeff]+/g, " ").trim();
}

/** Raw text content of a subtree, without scripts and styles. */
export function textOf(node: AnyNode): string {
  if (node.type === "text") return node.data;
  if (node.type !== "tag") return "";
  let out = "";
  for (const child of node.children) out += textOf(child);
  return out;
}

/** Every element in document order (pre-order). */
export function* elements(root: AnyNode): Generator<Element> {
  const stack: AnyNode[] = "children" in root ? [...root.children].reverse() : [];
  while (stack.length) {
    const node = stack.pop() as AnyNode;
    if (!isElement(node)) continue;
    yield node;
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as AnyNode);
  }
}

export function findFirst(root: AnyNode, test: (element: Element) => boolean): Element | null {
  for (const element of elements(root)) if (test(element)) return element;
  return null;
}

/** Tag and first class name: elements printed by one template share it (`li.item odd`, `li.item even`). */
export function shapeOf(element: Element): string {
  const firstClass = (element.attribs.class ?? "").trim().split(/\s+/, 1)[0] ?? "";
  return `${element.name}.${firstClass}`;
}
