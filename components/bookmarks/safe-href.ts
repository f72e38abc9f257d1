import { parseHttpUrl } from "@/lib/bookmarks/url";

/**
 * Only http(s) becomes a link: rows edited in Notion directly can hold any text in the URL
 * property, `javascript:` included.
 */
export function safeHref(url: string | null): string | null {
  return url ? (parseHttpUrl(url)?.href ?? null) : null;
}
