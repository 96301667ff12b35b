// Small helpers over htmlparser2's node tree (domhandler), which is far faster to build than a full DOM.
import { type AnyNode, type Document, type Element, Text } from "domhandler";

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

/**
 * Replaces what lies deeper than `maxDepth` with its text, so the recursive walks that follow cannot
 * overflow the stack on pathological markup (thousands of unclosed tags).
 */
export function limitDepth(root: Document, maxDepth: number): void {
  const stack: [AnyNode, number][] = root.children.map((child) => [child, 1]);
  while (stack.length) {
    const [node, depth] = stack.pop() as [AnyNode, number];
    if (!isElement(node)) continue;
    if (depth < maxDepth) {
      for (const child of node.children) stack.push([child, depth + 1]);
      continue;
    }
    let text = "";
    const inner: AnyNode[] = [...node.children];
    while (inner.length) {
      const next = inner.pop() as AnyNode;
      if (next.type === "text") text = next.data + text;
      else if (next.type === "tag") inner.push(...next.children);
    }
    const flat = new Text(text);
    flat.parent = node;
    node.children = [flat];
  }
}

export function findFirst(root: AnyNode, test: (element: Element) => boolean): Element | null {
  for (const element of elements(root)) if (test(element)) return element;
  return null;
}
