import { z } from "zod";
import { fallbackTitle, parseHttpUrl } from "./url";

// Notion rejects rich text content and URLs longer than this (400 validation_error).
const NOTION_TEXT_MAX = 2000;
// Notion select option names are capped at 100 characters; a request carries at most 100 options.
const TAG_MAX_LENGTH = 100;
export const TAGS_MAX = 100;
const QUERY_MAX = 200;

const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;
// Descriptions come from a textarea, so line breaks and tabs are legitimate there.
// U+2028/U+2029 break lines like \n does.
const LINE_SEPARATORS = /[\u2028\u2029]/;
/** Notion counts text length in UTF-16 code units (an emoji is two); zod's max counts code points. */
const withinNotionLength = (max: number) => (text: string) => text.length <= max;
const CONTROL_CHARACTERS_EXCEPT_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

const urlSchema = z
  .string({ error: "Enter a web address" })
  .trim()
  .min(1, "Enter a web address")
  .transform((raw, ctx) => {
    if (/\s/.test(raw)) {
      ctx.addIssue({ code: "custom", message: "Web addresses can't contain spaces" });
      return z.NEVER;
    }
    if (CONTROL_CHARACTERS.test(raw)) {
      ctx.addIssue({ code: "custom", message: "Web addresses can't contain control characters" });
      return z.NEVER;
    }
    const url = parseHttpUrl(raw);
    if (!url) {
      ctx.addIssue({ code: "custom", message: "Enter a web address that starts with http:// or https://" });
      return z.NEVER;
    }
    // Checked after parsing because punycode and percent-encoding can make the stored form longer.
    if (url.href.length > NOTION_TEXT_MAX) {
      ctx.addIssue({ code: "custom", message: "Web addresses can be at most 2,000 characters" });
      return z.NEVER;
    }
    return url.href;
  });

const titleSchema = z
  .string({ error: "Titles must be text" })
  .trim()
  .refine(withinNotionLength(NOTION_TEXT_MAX), "Titles can be at most 2,000 characters")
  .refine((title) => !CONTROL_CHARACTERS.test(title) && !LINE_SEPARATORS.test(title), "Titles can't contain line breaks or control characters")
  .optional();

const descriptionSchema = z
  .string({ error: "Descriptions must be text" })
  // Browsers submit textarea line breaks as CRLF; store plain \n.
  .transform((text) => text.replace(/\r\n?/g, "\n").trim())
  .pipe(
    z
      .string()
      .refine(withinNotionLength(NOTION_TEXT_MAX), "Descriptions can be at most 2,000 characters")
      .refine((text) => !CONTROL_CHARACTERS_EXCEPT_LINES.test(text), "Descriptions can't contain control characters"),
  )
  .optional()
  .transform((text) => text ?? "");

export const tagSchema = z
  .string({ error: "Tags must be text" })
  .trim()
  .min(1, "Tags can't be empty")
  .refine(withinNotionLength(TAG_MAX_LENGTH), "Tags can be at most 100 characters")
  // Notion's select option names can't contain commas.
  .refine((tag) => !tag.includes(","), "Tags can't contain commas")
  .refine((tag) => !CONTROL_CHARACTERS.test(tag), "Tags can't contain control characters");

const tagsSchema = z
  .array(tagSchema, { error: "Tags must be a list" })
  .optional()
  .transform((tags) => dedupeCaseInsensitive(tags ?? []))
  // Counted after de-duplication: "AI, ai" is one tag.
  .pipe(z.array(z.string()).max(TAGS_MAX, "At most 100 tags"));

/** The fields of a bookmark, before the title falls back to the address (the API's partial update uses them). */
export const bookmarkFields = z.object({
  url: urlSchema,
  title: titleSchema,
  description: descriptionSchema,
  tags: tagsSchema,
});

function withFallbackTitle<T extends { url: string; title?: string | undefined }>(
  bookmark: T,
): T & { title: string } {
  return { ...bookmark, title: bookmark.title || fallbackTitle(bookmark.url) };
}

const DASHED_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UNDASHED_UUID = /^[0-9a-f]{32}$/i;

/** Notion page id, with or without dashes; normalized to dashed lowercase. */
export const bookmarkIdSchema = z
  .string({ error: "Missing bookmark id" })
  .trim()
  .refine((id) => DASHED_UUID.test(id) || UNDASHED_UUID.test(id), "That bookmark id isn't valid")
  .transform((id) => {
    const hex = id.replace(/-/g, "").toLowerCase();
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  });

/** A bookmark as submitted by a form or server action. */
export const bookmarkInputSchema = bookmarkFields.transform(withFallbackTitle);

export const bookmarkUpdateSchema = bookmarkFields.extend({ id: bookmarkIdSchema }).transform(withFallbackTitle);

/** "Save anyway" after an "Already saved" answer (docs/decisions/017): the dashboard's, /save's and the API's creates. */
export const saveAnywaySchema = z.object({ saveAnyway: z.boolean("Save anyway must be yes or no.").optional() });

export type BookmarkInput = z.output<typeof bookmarkInputSchema>;
export type BookmarkUpdate = z.output<typeof bookmarkUpdateSchema>;

const SORTS = ["newest", "oldest", "title"] as const;
export type BookmarkSort = (typeof SORTS)[number];

// Search params arrive as string | string[] | undefined; a repeated single-valued key uses the first.
const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

/**
 * Dashboard URL params. Lenient on purpose: a hand-edited or stale link should
 * show the dashboard with defaults, not an error page.
 */
export const listQuerySchema = z
  .object({
    q: z.preprocess(first, z.string().trim().transform(cutQuery)).catch(""),
    tags: z.preprocess(toTagList, z.array(z.string())).catch([]),
    sort: z.preprocess(first, z.enum(SORTS)).catch("newest"),
    cursor: z.preprocess(first, z.string().trim().min(1).optional()).catch(undefined),
  })
  .catch({ q: "", tags: [], sort: "newest", cursor: undefined });

export type ListQuery = z.output<typeof listQuerySchema>;

/** At most QUERY_MAX UTF-16 units, never half an emoji, and no whitespace the cut left at the end. */
function cutQuery(q: string): string {
  const cut = q.slice(0, QUERY_MAX);
  return (/[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut).trim();
}

// Drops what can't be a tag instead of failing, like the rest of listQuerySchema.
function toTagList(value: unknown): string[] {
  const values = (Array.isArray(value) ? value : [value]).filter((tag) => typeof tag === "string");
  // Tags can't contain commas, so "?tags=a,b" unambiguously means two tags.
  const tags = values
    .flatMap((tag) => tag.split(","))
    .map((tag) => tag.trim())
    .filter((tag) => tag !== "" && tag.length <= TAG_MAX_LENGTH);
  return dedupeCaseInsensitive(tags).slice(0, TAGS_MAX);
}

function dedupeCaseInsensitive(tags: string[]): string[] {
  const seen = new Set<string>();
  return tags.filter((tag) => {
    const key = tag.normalize("NFC").toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
