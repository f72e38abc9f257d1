import type { RichText } from "./types";
import { expectArray, expectObject, expectString, fail, isObject, MAX_TEXT_LENGTH } from "./validate";

const PLAIN_ANNOTATIONS = {
  bold: false,
  italic: false,
  strikethrough: false,
  underline: false,
  code: false,
  color: "default",
} as const;

export function textItem(content: string, linkUrl: string | null = null): RichText {
  return {
    type: "text",
    text: { content, link: linkUrl === null ? null : { url: linkUrl } },
    annotations: { ...PLAIN_ANNOTATIONS },
    plain_text: content,
    href: linkUrl,
  };
}

export function plainText(items: readonly RichText[]): string {
  return items.map((item) => item.plain_text).join("");
}

/**
 * A request rich-text array → stored items. Only `text` items are supported (mentions and
 * equations are a documented gap); limits: 100 items, 2,000 characters per content and link URL.
 */
export function parseRichText(value: unknown, path: string): RichText[] {
  return expectArray(value, path).map((raw, index) => {
    const itemPath = `${path}[${index}]`;
    const item = expectObject(raw, itemPath);
    if (item.type !== undefined && item.type !== "text") fail(`${itemPath}.type`, '`"text"` (the sandbox supports text only)', item.type);
    const text = expectObject(item.text, `${itemPath}.text`);
    const content = expectString(text.content, `${itemPath}.text.content`, MAX_TEXT_LENGTH);
    let link: string | null = null;
    if (isObject(text.link)) link = expectString(text.link.url, `${itemPath}.text.link.url`, MAX_TEXT_LENGTH);
    else if (text.link !== undefined && text.link !== null) fail(`${itemPath}.text.link`, "an object or `null`", text.link);
    const stored = textItem(content, link);
    if (isObject(item.annotations)) {
      stored.annotations = { ...stored.annotations, ...pickAnnotations(item.annotations) };
    }
    return stored;
  });
}

function pickAnnotations(input: Record<string, unknown>): Partial<RichText["annotations"]> {
  const picked: Partial<Record<keyof RichText["annotations"], unknown>> = {};
  for (const key of ["bold", "italic", "strikethrough", "underline", "code"] as const) {
    if (typeof input[key] === "boolean") picked[key] = input[key];
  }
  if (typeof input.color === "string") picked.color = input.color;
  return picked as Partial<RichText["annotations"]>;
}
