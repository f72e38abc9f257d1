/**
 * The article's DOM (Readability's result, still a linkedom tree) → ArticleBlock[]. Only text, a
 * few marks and vetted addresses come out: scripts, styles, forms, frames, event handlers and
 * every other attribute stay behind, so nothing of the page's HTML reaches Notion or the reader view.
 */
import type { ArticleBlock, Inline } from "./types";
import { publicImageUrl, safeLink } from "./urls";

type Marks = Omit<Inline, "text">;

const SKIPPED = new Set([
  "script", "style", "noscript", "template", "iframe", "frame", "object", "embed", "svg", "canvas", "math",
  "form", "button", "input", "select", "textarea", "video", "audio", "map", "dialog", "head", "link", "meta",
]);
const HEADINGS: Record<string, 1 | 2 | 3> = { h1: 1, h2: 2, h3: 3, h4: 3, h5: 3, h6: 3 };
// Elements that end the paragraph they are in; anything else is inline and its text flows on.
const BLOCKS = new Set([
  "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "figure", "figcaption",
  "table", "thead", "tbody", "tfoot", "tr", "dl", "dt", "dd", "details", "summary", "center", "address", "hgroup",
]);
const MARKS: Record<string, Marks> = {
  b: { bold: true }, strong: { bold: true },
  i: { italic: true }, em: { italic: true }, cite: { italic: true }, dfn: { italic: true },
  code: { code: true }, kbd: { code: true }, samp: { code: true }, tt: { code: true }, var: { italic: true },
};

type El = Element;
const tag = (node: Node) => (node as El).tagName?.toLowerCase() ?? "";
const isElement = (node: Node): node is El => node.nodeType === 1;

/** A tracking pixel or spacer: declared 1–2 px, or an address that says what it is. */
function isPixel(image: El, src: string): boolean {
  const tiny = (name: string) => {
    const value = Number.parseInt(image.getAttribute(name) ?? "", 10);
    return Number.isFinite(value) && value <= 2;
  };
  return tiny("width") || tiny("height") || /(^|[/._-])(pixel|beacon|tracking|tracker|spacer|1x1)([/._?-]|$)/i.test(src);
}

function imageSource(image: El): string | null {
  const srcset = image.getAttribute("srcset") ?? image.getAttribute("data-srcset");
  return image.getAttribute("src") || image.getAttribute("data-src") || srcset?.split(",")[0]?.trim().split(/\s+/)[0] || null;
}

const LANGUAGE_CLASS = /(?:^|\s)(?:language|lang|highlight-source|brush:?)-?([\w+#.-]+)/i;

function codeLanguage(pre: El): string | null {
  for (const el of [pre, pre.querySelector("code")]) {
    const declared = el?.getAttribute("data-lang") ?? el?.getAttribute("data-language");
    if (declared) return declared.toLowerCase();
    const match = LANGUAGE_CLASS.exec(el?.getAttribute("class") ?? "");
    if (match) return match[1]!.toLowerCase();
  }
  return null;
}

/** Collapses white space as a browser does, keeping the line breaks <br> made; merges equal runs. */
export function normalizeInlines(inlines: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const inline of inlines) {
    const text = inline.text === "\n" ? "\n" : inline.text.replace(/\s+/g, " ");
    const previous = out.at(-1);
    const atLineStart = !previous || previous.text.endsWith("\n") || previous.text.endsWith(" ");
    const value = atLineStart ? text.replace(/^ +/, "") : text;
    if (!value) continue;
    const same = previous && previous.bold === inline.bold && previous.italic === inline.italic && previous.code === inline.code && previous.href === inline.href;
    if (same) previous.text += value;
    else out.push({ ...inline, text: value });
  }
  // No space before a line break, and none at the end.
  for (const inline of out) inline.text = inline.text.replace(/ +\n/g, "\n");
  while (out.length > 0) {
    const last = out.at(-1)!;
    last.text = last.text.replace(/[\s]+$/, "");
    if (last.text) break;
    out.pop();
  }
  return out;
}

export const inlineText = (inlines: Inline[]) => inlines.map((i) => i.text).join("");

class Walker {
  readonly blocks: ArticleBlock[] = [];
  private inlines: Inline[] = [];

  constructor(private readonly base: string) {}

  private flush(): void {
    const inlines = normalizeInlines(this.inlines);
    this.inlines = [];
    if (inlines.length > 0) this.blocks.push({ type: "paragraph", inlines });
  }

  /** The blocks of a subtree, walked on their own (list items, quotes). */
  private sub(el: El): ArticleBlock[] {
    const walker = new Walker(this.base);
    walker.children(el, {});
    return walker.done();
  }

  done(): ArticleBlock[] {
    this.flush();
    return this.blocks;
  }

  children(el: Node, marks: Marks): void {
    for (const child of Array.from(el.childNodes)) this.visit(child, marks);
  }

  private visit(node: Node, marks: Marks): void {
    if (node.nodeType === 3) {
      this.inlines.push({ ...marks, text: node.textContent ?? "" });
      return;
    }
    if (!isElement(node)) return;
    const name = tag(node);
    if (SKIPPED.has(name) || node.getAttribute("hidden") !== null || node.getAttribute("aria-hidden") === "true") return;
    if (name === "br") return void this.inlines.push({ ...marks, text: "\n" });
    if (name === "img" || name === "picture") return this.image(name === "img" ? node : node.querySelector("img"), "");
    const level = HEADINGS[name];
    if (level) {
      this.flush();
      const inlines = normalizeInlines(this.sub(node).flatMap((b) => ("inlines" in b ? b.inlines.map((i) => ({ text: i.text, ...(i.href ? { href: i.href } : {}) })) : [])));
      if (inlines.length > 0) this.blocks.push({ type: "heading", level, inlines });
      return;
    }
    switch (name) {
      case "ul":
      case "ol":
        this.flush();
        return this.list(node, name === "ol");
      case "li":
        // A stray item outside a list is still a bullet.
        this.flush();
        return this.item(node, false);
      case "blockquote":
        this.flush();
        return this.quote(node);
      case "pre":
        this.flush();
        return this.code(node);
      case "hr":
        this.flush();
        return void this.blocks.push({ type: "divider" });
      case "figure":
        this.flush();
        return this.figure(node);
      case "a": {
        const href = safeLink(node.getAttribute("href"), this.base);
        return this.children(node, href ? { ...marks, href } : marks);
      }
    }
    if (BLOCKS.has(name) || name === "td" || name === "th") {
      if (name === "td" || name === "th") this.inlines.push({ ...marks, text: " " });
      else this.flush();
      this.children(node, marks);
      if (name !== "td" && name !== "th") this.flush();
      return;
    }
    this.children(node, { ...marks, ...MARKS[name] });
  }

  private image(image: El | null, caption: string): void {
    if (!image) return;
    const src = imageSource(image);
    const url = publicImageUrl(src, this.base);
    if (!url || isPixel(image, url)) return;
    this.flush();
    this.blocks.push({ type: "image", url, caption: caption || (image.getAttribute("alt") ?? "").trim() });
  }

  private figure(figure: El): void {
    const caption = inlineText(normalizeInlines([{ text: figure.querySelector("figcaption")?.textContent ?? "" }]));
    const images = Array.from(figure.querySelectorAll("img"));
    if (images.length === 0) {
      for (const child of Array.from(figure.childNodes)) if (tag(child) !== "figcaption") this.visit(child, {});
      return this.flush();
    }
    for (const image of images) this.image(image, caption);
  }

  private list(list: El, ordered: boolean): void {
    for (const child of Array.from(list.children)) {
      if (tag(child) === "li") this.item(child, ordered);
      else if (tag(child) === "ul" || tag(child) === "ol") this.list(child, tag(child) === "ol");
    }
  }

  /** The item's first paragraph is its text; what follows (nested lists, code, images) its children. */
  private item(li: El, ordered: boolean): void {
    const blocks = this.sub(li);
    const first = blocks[0];
    const inlines = first?.type === "paragraph" ? (blocks.shift(), first.inlines) : [];
    if (inlines.length === 0 && blocks.length === 0) return;
    this.blocks.push({ type: "list_item", ordered, inlines, children: blocks });
  }

  /** A quote is its text, paragraphs joined by line breaks; lists or code inside it follow it. */
  private quote(quote: El): void {
    const blocks = this.sub(quote);
    const lines = blocks.filter((b): b is Extract<ArticleBlock, { inlines: Inline[] }> => b.type === "paragraph" || b.type === "heading");
    const inlines = lines.flatMap((b, i) => (i === 0 ? b.inlines : [{ text: "\n" }, ...b.inlines]));
    if (inlines.length > 0) this.blocks.push({ type: "quote", inlines });
    this.blocks.push(...blocks.filter((b) => !lines.includes(b as (typeof lines)[number])));
  }

  private code(pre: El): void {
    const text = (pre.textContent ?? "").replace(/\r\n?/g, "\n").replace(/^\n+|\s+$/g, "");
    if (text) this.blocks.push({ type: "code", language: codeLanguage(pre), text });
  }
}

/** The blocks of an article's root element; `base` resolves relative links and images. */
export function blocksOf(root: Node, base: string): ArticleBlock[] {
  const walker = new Walker(base);
  walker.children(root, {});
  return walker.done();
}

/** An article's words, one paragraph (or item, heading, code block, caption) per line. */
export function plainTextOf(blocks: ArticleBlock[]): string {
  return blocks
    .flatMap(function lines(block): string[] {
      switch (block.type) {
        case "heading":
        case "paragraph":
        case "quote":
          return [inlineText(block.inlines)];
        case "list_item":
          return [inlineText(block.inlines), ...block.children.flatMap(lines)];
        case "code":
          return [block.text];
        case "image":
          return block.caption ? [block.caption] : [];
        case "divider":
          return [];
      }
    })
    .filter(Boolean)
    .join("\n\n");
}
