// Parses a page into htmlparser2's node tree with the work bounded while it parses: nesting depth,
// element count and time. htmlparser2 keeps its open-element stack in an array it unshifts onto, so
// thousands of unclosed tags cost time quadratic in their depth (minutes for a 2 MiB page); and every
// later walk over the tree recurses by depth. Tags nested past the depth limit are ignored (their text
// flows into the element that is open); past the element or time limit, parsing stops: the page is read
// as far as it was reached, and never hangs.
import { type Document, DomHandler } from "domhandler";
import { Parser } from "htmlparser2";
import { closeRunawayTitle } from "./runaway-title.js";

export interface ParseLimits {
  /** Elements nested deeper than this are not built (real pages stay far below it). */
  maxDepth: number;
  /** Parsing stops after this many elements (the largest of 2,600 benchmark pages holds 11,000). */
  maxElements: number;
  /**
   * Milliseconds after which parsing stops: a last guard for an input the other limits miss. The depth
   * and element limits already bound the worst 2 MiB pages to ~100 ms, so this sits far above them —
   * a tight budget made the extracted text depend on how loaded the machine was.
   */
  budgetMs: number;
}

export const PARSE_LIMITS: ParseLimits = { maxDepth: 400, maxElements: 40_000, budgetMs: 5_000 };

export interface ParsedHtml {
  document: Document;
  /** True when the element or time limit stopped parsing before the end of the page. */
  truncated: boolean;
}

/** How often (in tags) the clock is read: often enough to stop on time, rarely enough to cost nothing. */
const CLOCK_EVERY = 512;

const VOID = new Set([
  "area",
  "base",
  "basefont",
  "br",
  "col",
  "command",
  "embed",
  "frame",
  "hr",
  "image",
  "img",
  "input",
  "keygen",
  "link",
  "meta",
  "param",
  "source",
  "track",
  "wbr",
]);

class BoundedHandler extends DomHandler {
  elements = 0;
  /** Open elements by name: a closing tag nothing matches is dropped without searching the stack. */
  private readonly open = new Map<string, number>();

  get depth(): number {
    return this.tagStack.length;
  }

  isOpen(name: string): boolean {
    return (this.open.get(name) ?? 0) > 0;
  }

  override onopentag(name: string, attribs: Record<string, string>): void {
    this.elements++;
    this.open.set(name, (this.open.get(name) ?? 0) + 1);
    super.onopentag(name, attribs);
  }

  override onclosetag(): void {
    const element = this.tagStack[this.tagStack.length - 1];
    if (element && "name" in element) this.open.set(element.name, (this.open.get(element.name) ?? 1) - 1);
    super.onclosetag();
  }
}

/**
 * A parser that ignores tags nested too deep and stops at the element or time limit. The whole page is given in one `end()` call, so
 * the tokenizer's indexes point into `source` and a tag's name can be read from it.
 */
class BoundedParser extends Parser {
  truncated = false;
  /** Ignored open tags by name, so their closing tags are ignored too instead of closing an ancestor. */
  private readonly ignored = new Map<string, number>();
  private tags = 0;
  private readonly started = performance.now();

  constructor(
    private readonly source: string,
    private readonly handler: BoundedHandler,
    private readonly limits: ParseLimits,
  ) {
    super(handler, { decodeEntities: true, lowerCaseTags: true });
  }

  private nameAt(start: number, end: number): string {
    return this.source.slice(start, end).toLowerCase();
  }

  private accepts(): boolean {
    if (this.truncated) return false;
    if (++this.tags % CLOCK_EVERY === 0 && performance.now() - this.started > this.limits.budgetMs) {
      this.truncated = true;
    } else if (this.handler.elements >= this.limits.maxElements) this.truncated = true;
    if (this.truncated) this.pause();
    // Depth alone does not truncate the page: only that branch is flattened, siblings parse normally.
    return !this.truncated && this.handler.depth <= this.limits.maxDepth;
  }

  override onopentagname(start: number, endIndex: number): void {
    if (this.accepts()) {
      super.onopentagname(start, endIndex);
      return;
    }
    const name = this.nameAt(start, endIndex);
    if (!VOID.has(name)) this.ignored.set(name, (this.ignored.get(name) ?? 0) + 1);
    this.endIndex = endIndex;
  }

  override onclosetag(start: number, endIndex: number): void {
    const name = this.nameAt(start, endIndex);
    const ignored = this.ignored.get(name) ?? 0;
    if (ignored > 0) this.ignored.set(name, ignored - 1);
    // htmlparser2 itself invents the missing <p> of a stray </p> and the <br> of a </br>. </body> and
    // </html> close nothing, as in browsers: what follows an early one is still the page's body.
    if (
      ignored > 0 ||
      name === "body" ||
      name === "html" ||
      (!this.handler.isOpen(name) && name !== "p" && name !== "br")
    ) {
      this.endIndex = endIndex;
      this.startIndex = endIndex + 1;
      return;
    }
    super.onclosetag(start, endIndex);
  }
}

export function parseHtml(page: string, limits: ParseLimits = PARSE_LIMITS): ParsedHtml {
  const source = closeRunawayTitle(page);
  const handler = new BoundedHandler();
  const parser = new BoundedParser(source, handler, limits);
  parser.end(source);
  return { document: handler.root, truncated: parser.truncated };
}
