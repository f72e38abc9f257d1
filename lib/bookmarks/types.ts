/**
 * A bookmark as the app shows it. Plain JSON-serializable data (no Date, no
 * Notion SDK types) so it can be passed from server to client components.
 */
export type Bookmark = {
  /** Notion page id (dashed lowercase UUID). */
  id: string;
  title: string;
  url: string;
  description: string;
  tags: string[];
  /** ISO 8601 timestamps, as Notion returns them. */
  createdTime: string;
  lastEditedTime: string;
  /** The page in Notion, for "Open in Notion". */
  notionUrl: string;
  inTrash: boolean;
};
