/**
 * A saved article (lib/reader) as Notion blocks, and those blocks in append requests Notion takes.
 * Pure. Notion's limits (developers.notion.com/reference/request-limits and
 * /reference/patch-block-children; shared notion-api.md §6):
 * - 2,000 characters per rich-text content and link URL; 100 items per rich-text array;
 * - 100 children per append (and per `children` array anywhere in it);
 * - two levels of nesting per request (a block and its children; grandchildren are refused);
 * - 1,000 block elements and 500 KB per request payload.
 * Anything longer is split into consecutive blocks of the same kind, so nothing is lost.
 */
import type { BlockObjectRequest } from "@notionhq/client";
import type { Article, ArticleBlock, Inline } from "@/lib/reader/types";

type CodeLanguage = Extract<BlockObjectRequest, { code: unknown }>["code"]["language"];

export const NOTION_LIMITS = {
  textLength: 2000,
  richTextItems: 100,
  childrenPerRequest: 100,
  elementsPerRequest: 1000,
  /** 500 KB minus room for the request's envelope, so a chunk is under the limit however it is framed. */
  requestBytes: 450_000,
} as const;

// A block's text in bytes of JSON can be up to 6 times its length (escapes); this keeps one block
// far under the request limit so a chunk can always hold it.
const MAX_BLOCK_CHARS = 40_000;

export type RichText = {
  type: "text";
  text: { content: string; link: { url: string } | null };
  annotations: { bold: boolean; italic: boolean; code: boolean };
};

type TextBlockType = "paragraph" | "heading_1" | "heading_2" | "heading_3" | "bulleted_list_item" | "numbered_list_item" | "quote";

/** The blocks Shelf writes: a subset of BlockObjectRequest, plain enough to count and compare. */
export type NotionBlock =
  | ({ type: TextBlockType } & { [K in TextBlockType]?: { rich_text: RichText[]; children?: NotionBlock[] } })
  | { type: "code"; code: { rich_text: RichText[]; language: CodeLanguage } }
  | { type: "image"; image: { type: "external"; external: { url: string }; caption: RichText[] } }
  | { type: "divider"; divider: Record<string, never> }
  | { type: "callout"; callout: { rich_text: RichText[]; icon: { type: "emoji"; emoji: "🔖" }; color: "gray_background" } };

/** For the SDK's append call (the cast compiles only while the shapes overlap). */
export const asRequest = (blocks: NotionBlock[]): BlockObjectRequest[] => blocks as BlockObjectRequest[];

/** A block's type-specific object (`block.paragraph`, `block.code`…). */
const bodyOf = (block: NotionBlock) => (block as unknown as Record<string, { rich_text?: RichText[]; children?: NotionBlock[] }>)[block.type]!;

/** Common names and file extensions → Notion's code languages; anything else is "plain text". */
const LANGUAGES: Record<string, CodeLanguage> = {
  bash: "bash", sh: "shell", shell: "shell", zsh: "shell", console: "shell", shellsession: "shell",
  c: "c", h: "c", cpp: "c++", "c++": "c++", cc: "c++", hpp: "c++", cs: "c#", csharp: "c#", "c#": "c#",
  css: "css", scss: "scss", sass: "sass", less: "less", clojure: "clojure", clj: "clojure", dart: "dart",
  diff: "diff", patch: "diff", docker: "docker", dockerfile: "docker", elixir: "elixir", ex: "elixir",
  elm: "elm", erlang: "erlang", erl: "erlang", fsharp: "f#", "f#": "f#", go: "go", golang: "go",
  graphql: "graphql", gql: "graphql", groovy: "groovy", haskell: "haskell", hs: "haskell", hcl: "hcl",
  terraform: "hcl", html: "html", xhtml: "html", java: "java", javascript: "javascript", js: "javascript",
  jsx: "javascript", mjs: "javascript", json: "json", jsonc: "json", julia: "julia", kotlin: "kotlin",
  kt: "kotlin", latex: "latex", tex: "latex", lisp: "lisp", lua: "lua", makefile: "makefile", make: "makefile",
  markdown: "markdown", md: "markdown", matlab: "matlab", nix: "nix", "objective-c": "objective-c",
  objc: "objective-c", ocaml: "ocaml", ml: "ocaml", perl: "perl", pl: "perl", php: "php", powershell: "powershell",
  ps1: "powershell", protobuf: "protobuf", proto: "protobuf", python: "python", py: "python", r: "r",
  racket: "racket", ruby: "ruby", rb: "ruby", rust: "rust", rs: "rust", scala: "scala", scheme: "scheme",
  solidity: "solidity", sql: "sql", psql: "sql", pgsql: "sql", swift: "swift", toml: "toml",
  typescript: "typescript", ts: "typescript", tsx: "typescript", vb: "visual basic", xml: "xml", svg: "xml",
  yaml: "yaml", yml: "yaml", mermaid: "mermaid", wasm: "webassembly", text: "plain text", plaintext: "plain text",
};

export const codeLanguage = (name: string | null): CodeLanguage => (name && LANGUAGES[name.toLowerCase()]) || "plain text";

/** Cuts text into pieces of at most `size` UTF-16 units, never between the halves of a surrogate pair. */
export function splitText(text: string, size: number = NOTION_LIMITS.textLength): string[] {
  const pieces: string[] = [];
  for (let start = 0; start < text.length; ) {
    let end = Math.min(start + size, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    pieces.push(text.slice(start, end));
    start = end;
  }
  return pieces;
}

const item = (content: string, marks: Omit<Inline, "text"> = {}): RichText => ({
  type: "text",
  text: { content, link: marks.href ? { url: marks.href } : null },
  annotations: { bold: marks.bold === true, italic: marks.italic === true, code: marks.code === true },
});

/**
 * Inlines → rich-text arrays for one or more consecutive blocks: each content ≤ 2,000 characters,
 * each array ≤ 100 items and MAX_BLOCK_CHARS characters.
 */
export function richTextRuns(inlines: Inline[]): RichText[][] {
  const runs: RichText[][] = [[]];
  let chars = 0;
  for (const inline of inlines) {
    for (const piece of splitText(inline.text)) {
      if (runs.at(-1)!.length >= NOTION_LIMITS.richTextItems || chars + piece.length > MAX_BLOCK_CHARS) {
        runs.push([]);
        chars = 0;
      }
      runs.at(-1)!.push(item(piece, inline));
      chars += piece.length;
    }
  }
  return runs.filter((run) => run.length > 0);
}

const textBlocks = (type: TextBlockType, inlines: Inline[]): NotionBlock[] =>
  richTextRuns(inlines).map((rich_text) => ({ type, [type]: { rich_text } }) as NotionBlock);

/** A list item with its children (at most 100; the rest follow it), each without children of its own. */
function withChildren(block: NotionBlock, children: NotionBlock[]): NotionBlock[] {
  if (children.length === 0) return [block];
  bodyOf(block).children = children.slice(0, NOTION_LIMITS.childrenPerRequest);
  return [block, ...children.slice(NOTION_LIMITS.childrenPerRequest)];
}

/** One article block → Notion blocks. `depth` 0 is the page; nesting deeper than one level is flattened into it. */
function convert(block: ArticleBlock, depth: number): NotionBlock[] {
  switch (block.type) {
    case "heading":
      return textBlocks(`heading_${block.level}`, block.inlines);
    case "paragraph":
      return textBlocks("paragraph", block.inlines);
    case "quote":
      return textBlocks("quote", block.inlines);
    case "list_item": {
      const type = block.ordered ? "numbered_list_item" : "bulleted_list_item";
      const own = textBlocks(type, block.inlines.length > 0 ? block.inlines : [{ text: " " }]);
      const children = block.children.flatMap((child) => convert(child, depth + 1));
      // A request takes a block and its children: grandchildren become children of the same item, in order.
      if (depth > 0) return [...own, ...children];
      return [...own.slice(0, -1), ...withChildren(own.at(-1)!, children)];
    }
    case "code":
      return splitText(block.text, MAX_BLOCK_CHARS).flatMap((part) =>
        richTextRuns([{ text: part }]).map((rich_text) => ({ type: "code" as const, code: { rich_text, language: codeLanguage(block.language) } })),
      );
    case "image":
      return [{ type: "image", image: { type: "external", external: { url: block.url }, caption: richTextRuns([{ text: block.caption }])[0] ?? [] } }];
    case "divider":
      return [{ type: "divider", divider: {} }];
  }
}

/** The callout at the top of the body: where the content came from and when. Its text marks Shelf's body (content job). */
export function sourceCallout(url: string, capturedAt: Date): NotionBlock {
  const when = `${capturedAt.toISOString().slice(0, 19).replace("T", " ")} UTC`;
  return {
    type: "callout",
    callout: {
      rich_text: [item("Source: "), item(url.slice(0, NOTION_LIMITS.textLength), url.length <= NOTION_LIMITS.textLength ? { href: url } : {}), item(` · captured ${when} by Shelf`)],
      icon: { type: "emoji", emoji: "🔖" },
      color: "gray_background",
    },
  };
}

/** The page body for an article: the Source callout, then the article. */
export function articleBlocks(article: Pick<Article, "url" | "blocks">, capturedAt: Date): NotionBlock[] {
  return [sourceCallout(article.url, capturedAt), ...article.blocks.flatMap((block) => convert(block, 0))];
}

const childrenOf = (block: NotionBlock): NotionBlock[] => bodyOf(block).children ?? [];

/** How many block elements a block counts as in a request: itself and its children. */
export const elementCount = (block: NotionBlock): number => 1 + childrenOf(block).length;

const byteSize = (value: unknown) => Buffer.byteLength(JSON.stringify(value));

/**
 * The blocks in append requests, in order: each ≤ 100 top-level blocks, ≤ 1,000 elements and
 * under the payload limit. A block is never split across requests (its children go with it).
 */
export function chunkBlocks(blocks: NotionBlock[]): NotionBlock[][] {
  const chunks: NotionBlock[][] = [];
  let current: NotionBlock[] = [];
  let elements = 0;
  let bytes = 0;
  for (const block of blocks) {
    const size = byteSize(block) + 1;
    const count = elementCount(block);
    const full =
      current.length >= NOTION_LIMITS.childrenPerRequest ||
      elements + count > NOTION_LIMITS.elementsPerRequest ||
      bytes + size > NOTION_LIMITS.requestBytes;
    if (full && current.length > 0) {
      chunks.push(current);
      current = [];
      elements = 0;
      bytes = 0;
    }
    current.push(block);
    elements += count;
    bytes += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/**
 * What a block says, comparable between a request and Notion's answer (lists of children read
 * back): its type and its text or image address. Used to recognise blocks already appended.
 */
export function fingerprint(block: { type: string } & Record<string, unknown>): string {
  const body = block[block.type] as { rich_text?: Array<{ plain_text?: string; text?: { content: string } }>; external?: { url: string } } | undefined;
  const text = body?.rich_text?.map((r) => r.plain_text ?? r.text?.content ?? "").join("") ?? body?.external?.url ?? "";
  return `${block.type}:${text}`;
}
