/**
 * Request blocks → what the store keeps, with Notion's checks and wording: the block types the
 * sandbox knows (BLOCK_TYPES), rich text as in properties, code languages from Notion's list,
 * external images, at most 100 children per array, two levels of nesting, 1,000 block elements
 * and 500 KB per request (developers.notion.com/reference/request-limits).
 */
import type { BlockObjectRequest } from "@notionhq/client";
import type { NewBlock } from "../content";
import { validationError } from "../errors";
import { parseRichText } from "../rich-text";
import { BLOCK_TYPES, type BlockType } from "../types";
import { expectArray, expectObject, expectString, fail, MAX_TEXT_LENGTH } from "../validate";

type Language = Extract<BlockObjectRequest, { code: unknown }>["code"]["language"];

// Notion's code languages, as the SDK's LanguageRequest lists them.
const LANGUAGES: readonly Language[] = [
  "abap", "abc", "agda", "arduino", "ascii art", "assembly", "bash", "basic", "bnf", "c", "c#", "c++", "clojure",
  "coffeescript", "coq", "css", "dart", "dhall", "diff", "docker", "ebnf", "elixir", "elm", "erlang", "f#", "flow",
  "fortran", "gherkin", "glsl", "go", "graphql", "groovy", "haskell", "hcl", "html", "idris", "java", "javascript",
  "json", "julia", "kotlin", "latex", "less", "lisp", "livescript", "llvm ir", "lua", "makefile", "markdown",
  "markup", "matlab", "mathematica", "mermaid", "nix", "notion formula", "objective-c", "ocaml", "pascal", "perl",
  "php", "plain text", "powershell", "prolog", "protobuf", "purescript", "python", "r", "racket", "reason", "ruby",
  "rust", "sass", "scala", "scheme", "scss", "shell", "smalltalk", "solidity", "sql", "swift", "toml", "typescript",
  "vb.net", "verilog", "vhdl", "visual basic", "webassembly", "xml", "yaml", "java/c/c++/c#",
];

const COLORS = new Set(["default", "gray", "brown", "orange", "yellow", "green", "blue", "purple", "pink", "red"].flatMap((c) => (c === "default" ? [c] : [c, `${c}_background`])));

/** Block types whose blocks may have children. */
export const TAKES_CHILDREN: ReadonlySet<BlockType> = new Set(["paragraph", "heading_1", "heading_2", "heading_3", "bulleted_list_item", "numbered_list_item", "quote", "callout"]);

export const MAX_ELEMENTS = 1000;
export const MAX_PAYLOAD_BYTES = 500 * 1000;

function color(value: unknown, path: string): string {
  if (value === undefined) return "default";
  if (typeof value !== "string" || !COLORS.has(value)) fail(path, "a valid color", value);
  return value;
}

function caption(value: unknown, path: string) {
  return value === undefined ? [] : parseRichText(value, path);
}

function parseBody(type: BlockType, body: Record<string, unknown>, path: string): Record<string, unknown> {
  switch (type) {
    case "paragraph":
    case "bulleted_list_item":
    case "numbered_list_item":
    case "quote":
      return { rich_text: parseRichText(body.rich_text, `${path}.rich_text`), color: color(body.color, `${path}.color`) };
    case "heading_1":
    case "heading_2":
    case "heading_3":
      return { rich_text: parseRichText(body.rich_text, `${path}.rich_text`), color: color(body.color, `${path}.color`), is_toggleable: body.is_toggleable === true };
    case "callout": {
      let icon: unknown = null;
      if (body.icon !== undefined) {
        const raw = expectObject(body.icon, `${path}.icon`);
        if (typeof raw.emoji !== "string") fail(`${path}.icon.emoji`, "a string (the sandbox supports emoji icons only)", raw.emoji);
        icon = { type: "emoji", emoji: raw.emoji };
      }
      return { rich_text: parseRichText(body.rich_text, `${path}.rich_text`), color: color(body.color, `${path}.color`), icon };
    }
    case "code": {
      const language = body.language;
      if (!LANGUAGES.includes(language as Language)) fail(`${path}.language`, "one of Notion's code languages", language);
      return { rich_text: parseRichText(body.rich_text, `${path}.rich_text`), language, caption: caption(body.caption, `${path}.caption`) };
    }
    case "image": {
      const external = expectObject(body.external, `${path}.external`);
      const url = expectString(external.url, `${path}.external.url`, MAX_TEXT_LENGTH);
      if (!/^https?:\/\/[^\s]+$/i.test(url)) fail(`${path}.external.url`, "a valid URL", url);
      return { type: "external", external: { url }, caption: caption(body.caption, `${path}.caption`) };
    }
    case "divider":
      return {};
  }
}

function parseBlock(raw: unknown, path: string, depth: number, count: { elements: number }): NewBlock {
  const block = expectObject(raw, path);
  const declared = block.type;
  const type = (declared ?? BLOCK_TYPES.find((t) => block[t] !== undefined)) as BlockType | undefined;
  if (!type || !BLOCK_TYPES.includes(type)) fail(`${path}.type`, `one of ${BLOCK_TYPES.join(", ")} (the block types the sandbox supports)`, declared);
  const bodyPath = `${path}.${type}`;
  const body = expectObject(block[type], bodyPath);
  count.elements += 1;
  const children = body.children;
  let parsedChildren: NewBlock[] = [];
  if (children !== undefined) {
    // "up to two levels of nesting in a single request": the appended blocks and their children.
    if (depth >= 2 || !TAKES_CHILDREN.has(type)) fail(`${bodyPath}.children`, "not present", children);
    parsedChildren = parseChildren(children, `${bodyPath}.children`, depth + 1, count);
  }
  return { type, content: parseBody(type, body, bodyPath), children: parsedChildren };
}

function parseChildren(value: unknown, path: string, depth: number, count: { elements: number }): NewBlock[] {
  return expectArray(value, path).map((raw, index) => parseBlock(raw, `${path}[${index}]`, depth, count));
}

/** `body.children` of an append or a page create, with every limit of one request checked. */
export function parseBlockChildren(body: Record<string, unknown>): NewBlock[] {
  if (body.children === undefined) return [];
  const bytes = Buffer.byteLength(JSON.stringify(body));
  if (bytes > MAX_PAYLOAD_BYTES) throw validationError(`Request body too large: ${bytes} bytes; the limit is 500KB.`);
  const count = { elements: 0 };
  const blocks = parseChildren(body.children, "body.children", 1, count);
  if (count.elements > MAX_ELEMENTS) throw validationError(`body failed validation: the request has ${count.elements} block elements, more than ${MAX_ELEMENTS}.`);
  return blocks;
}

