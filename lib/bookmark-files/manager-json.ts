import { MAX_FOLDER_DEPTH, cleanTags, readDate, splitTagWords } from "./values";
import type { ParsedBookmark } from "./types";

// The JSON exports of bookmark managers, each read into a bookmark or the
// reason an item is not one. Shapes follow each project's own export code:
// Pinboard's posts/all, Karakeep's zExportSchema, Linkwarden's backup and
// Omnivore's metadata_*.json.

type Item = Record<string, unknown>;
/** A bookmark without its line (the list reader adds it), or why the item is not one. */
export type ItemReading = Omit<ParsedBookmark, "line"> | { problem: string };

export function isItem(value: unknown): value is Item {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function text(value: unknown): string {
  return typeof value === "string" ? value.trim() : "";
}

function dateOf(value: unknown): Date | null {
  return typeof value === "string" || typeof value === "number" ? readDate(value) : null;
}

/** Tags as strings or as { name } objects (Linkwarden, newer Omnivore exports). */
function namedTags(value: unknown): string[] {
  if (!Array.isArray(value)) {
    return [];
  }
  return cleanTags(value.map((tag) => (typeof tag === "string" ? tag : isItem(tag) ? text(tag.name) : "")));
}

const noUrl = (index: number) => ({ problem: `Bookmark ${index + 1} in the list has no “url” text.` });

/** Pinboard (and Delicious-compatible APIs): description is the title, extended the note, tags space-separated. */
export function readPinboardItem(item: unknown, index: number): ItemReading {
  if (!isItem(item) || typeof item.href !== "string") {
    return { problem: `Bookmark ${index + 1} in the list has no “href” text.` };
  }
  return {
    url: item.href.trim(),
    title: text(item.description),
    description: text(item.extended),
    tags: typeof item.tags === "string" ? splitTagWords(item.tags) : namedTags(item.tags),
    folders: [],
    addedAt: dateOf(item.time),
  };
}

/** Karakeep (formerly Hoarder): the address in content.url, createdAt in seconds, text notes have no address. */
export function readKarakeepItem(item: unknown, index: number): ItemReading {
  const content = isItem(item) && isItem(item.content) ? item.content : null;
  if (!isItem(item) || content === null || typeof content.url !== "string") {
    const kind = content !== null && typeof content.type === "string" ? content.type : null;
    return kind !== null && kind !== "link"
      ? { problem: `Bookmark ${index + 1} is a Karakeep ${kind} item, not a link, so it has no address to save.` }
      : noUrl(index);
  }
  return {
    url: content.url.trim(),
    title: text(item.title) || text(content.title),
    description: text(item.note),
    tags: namedTags(item.tags),
    folders: [],
    addedAt: dateOf(item.createdAt),
  };
}

/** Omnivore: savedAt and labels (strings, or { name } in later exports). */
export function readOmnivoreItem(item: unknown, index: number): ItemReading {
  if (!isItem(item) || typeof item.url !== "string") {
    return noUrl(index);
  }
  return {
    url: item.url.trim(),
    title: text(item.title),
    description: text(item.description),
    tags: namedTags(item.labels),
    folders: [],
    addedAt: dateOf(item.savedAt ?? item.createdAt),
  };
}

// Linkwarden puts links without a collection in this one; it is not a folder the person made.
const LINKWARDEN_DEFAULT = "unorganized";

/** Linkwarden's backup: collections (nested through parentId), each with its links. */
export function readLinkwarden(data: Item): ItemReading[] {
  const collections = Array.isArray(data.collections) ? data.collections.filter(isItem) : [];
  const byId = new Map(collections.map((collection) => [collection.id, collection]));
  const pathOf = (collection: Item): string[] => {
    const names: string[] = [];
    const seen = new Set<Item>();
    // Walks up the parents; `seen` stops a cycle in a hand-edited file.
    for (let at: Item | undefined = collection; at !== undefined && !seen.has(at); at = byId.get(at.parentId)) {
      seen.add(at);
      names.unshift(text(at.name));
    }
    const path = names.filter((name, position) => name !== "" && !(position === 0 && name.toLowerCase() === LINKWARDEN_DEFAULT));
    return path.slice(0, MAX_FOLDER_DEPTH);
  };
  const readings: ItemReading[] = [];
  for (const collection of collections) {
    const folders = pathOf(collection);
    const links: unknown[] = Array.isArray(collection.links) ? collection.links : [];
    for (const link of links) {
      if (!isItem(link) || typeof link.url !== "string") {
        readings.push({ problem: `A link in the collection “${text(collection.name)}” has no “url” text.` });
        continue;
      }
      readings.push({
        url: link.url.trim(),
        title: text(link.name),
        description: text(link.description),
        tags: namedTags(link.tags),
        folders,
        addedAt: dateOf(link.importDate ?? link.createdAt),
      });
    }
  }
  return readings;
}

export const isLinkwarden = (data: unknown): data is Item => isItem(data) && Array.isArray(data.collections);

/** Which list reader fits the items, judged by the keys of the first few objects. */
export function listKind(items: unknown[]): "pinboard" | "karakeep" | "omnivore" | "shelf" {
  const sample = items.slice(0, 20).filter(isItem);
  const some = (test: (item: Item) => boolean) => sample.some(test);
  if (some((item) => typeof item.href === "string" && typeof item.url !== "string")) return "pinboard";
  if (some((item) => isItem(item.content) && typeof item.url !== "string")) return "karakeep";
  if (some((item) => "savedAt" in item || "labels" in item || "slug" in item)) return "omnivore";
  return "shelf";
}
