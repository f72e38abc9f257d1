import { z } from "zod";
import { bookmarkFields, TAGS_MAX } from "@/lib/bookmarks/schema";

export { TAGS_MAX };

/** Tags compare as the bookmark schema de-duplicates them: "AI" and "ai" are one tag. */
export function sameTag(a: string, b: string): boolean {
  return a.normalize("NFC").toLowerCase() === b.normalize("NFC").toLowerCase();
}

/**
 * The tags a bulk action adds or removes: the bookmark form's rules (Notion refuses commas, names
 * over 100 characters and more than 100 tags), and at least one.
 */
export const bulkTagsSchema = bookmarkFields.shape.tags.pipe(z.array(z.string()).min(1, "Choose at least one tag"));
