/**
 * A bookmark as the app shows it. Plain JSON-serializable data (no Date, no
 * Notion SDK types) so it can be passed from server to client components.
 */
export type Bookmark = {
  /** Shelf's id (a UUID); stable before and after the bookmark reaches Notion. */
  id: string;
  title: string;
  url: string;
  description: string;
  tags: string[];
  /** ISO 8601 timestamps, as Notion returns them. */
  createdTime: string;
  lastEditedTime: string;
  /** When it was saved (ISO 8601, to the millisecond): the list's order and the date it shows. */
  savedAt: string;
  /** The page in Notion, for "Open in Notion"; null until the bookmark reaches Notion. */
  notionUrl: string | null;
  inTrash: boolean;
  /** "pending": saved in Shelf, waiting to sync; "failed": Notion kept refusing (see syncError). */
  syncState: "synced" | "pending" | "failed";
  syncError: string | null;
};

/**
 * A bookmark as the dashboard's list holds it in the browser. A row's props travel twice (the RSC
 * payload, and again inside the page's HTML), so what the list never shows stays on the server:
 * the Notion timestamps, and `inTrash`, always false in the list.
 */
export type ListedBookmark = Omit<Bookmark, "createdTime" | "lastEditedTime" | "inTrash">;

export function toListed(bookmark: Bookmark): ListedBookmark {
  const { id, title, url, description, tags, savedAt, notionUrl, syncState, syncError } = bookmark;
  return { id, title, url, description, tags, savedAt, notionUrl, syncState, syncError };
}
