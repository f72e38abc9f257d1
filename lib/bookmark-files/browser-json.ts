import { MAX_FOLDER_DEPTH, readDate, splitTags } from "./values";
import type { ParsedBookmark } from "./types";

// The JSON files browsers keep or back up, read as trees of folders. Their top
// containers (Chrome's roots, Firefox's nodes with a "root" name) are left out
// of folder paths, as in the HTML exports.

type Node = Record<string, unknown>;

function isNode(value: unknown): value is Node {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function children(node: Node): Node[] {
  return Array.isArray(node.children) ? node.children.filter(isNode) : [];
}

function text(value: unknown): string {
  return typeof value === "string" ? value.trim() : "";
}

function bookmark(url: string, fields: Partial<ParsedBookmark>): ParsedBookmark {
  return { line: null, url: url.trim(), title: "", description: "", tags: [], folders: [], addedAt: null, ...fields };
}

function inFolder(folders: string[], name: string): string[] {
  return name === "" || folders.length >= MAX_FOLDER_DEPTH ? folders : [...folders, name];
}

/**
 * Visits a tree depth-first in document order with a stack of its own, since
 * JSON.parse accepts nesting far deeper than the call stack allows. `visit`
 * returns the folder path for the node's children, or null to skip them.
 */
function walk(root: Node, visit: (node: Node, folders: string[]) => string[] | null): void {
  const stack: { node: Node; folders: string[] }[] = [{ node: root, folders: [] }];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const inside = visit(next.node, next.folders);
    if (inside !== null) {
      // children() returns a new array, so reversing it in place is safe.
      for (const node of children(next.node).reverse()) {
        stack.push({ node, folders: inside });
      }
    }
  }
}

/** Chrome's (and Edge's, Brave's…) "Bookmarks" file: { roots: { bookmark_bar, other, synced } }. */
export function isChromeBookmarks(data: unknown): data is { roots: Node } {
  return isNode(data) && isNode(data.roots);
}

// Chrome counts microseconds from 1601-01-01 (Windows FILETIME's epoch).
const CHROME_EPOCH_MS = Date.UTC(1601, 0, 1);

function chromeDate(raw: unknown): Date | null {
  const micros = typeof raw === "string" || typeof raw === "number" ? Number(raw) : NaN;
  if (!Number.isFinite(micros) || micros <= 0) {
    return null;
  }
  const date = new Date(CHROME_EPOCH_MS + Math.floor(micros / 1000));
  return Number.isNaN(date.getTime()) ? null : date;
}

export function readChromeBookmarks(data: { roots: Node }): ParsedBookmark[] {
  const found: ParsedBookmark[] = [];
  const top = { children: Object.values(data.roots) };
  const roots = new Set(children(top));
  walk(top, (node, folders) => {
    if (node.type === "url" && typeof node.url === "string") {
      found.push(bookmark(node.url, { title: text(node.name), folders, addedAt: chromeDate(node.date_added) }));
      return null;
    }
    return node === top || roots.has(node) ? [] : inFolder(folders, text(node.name));
  });
  return found;
}

const FIREFOX_CONTAINER = "text/x-moz-place-container";
const FIREFOX_PLACE = "text/x-moz-place";
// Old backups list every tag again as a folder of its bookmarks; the tags are already on each bookmark.
const FIREFOX_TAGS_ROOT = "tagsFolder";
const FIREFOX_DESCRIPTION = "bookmarkProperties/description";

/** Firefox's bookmark backup (Bookmarks → Manage → Backup…): a tree of places from "placesRoot". */
export function isFirefoxBackup(data: unknown): data is Node {
  return isNode(data) && data.type === FIREFOX_CONTAINER;
}

function firefoxDescription(node: Node): string {
  const annotations = Array.isArray(node.annos) ? node.annos.filter(isNode) : [];
  return text(annotations.find((annotation) => annotation.name === FIREFOX_DESCRIPTION)?.value);
}

export function readFirefoxBackup(data: Node): ParsedBookmark[] {
  const found: ParsedBookmark[] = [];
  walk(data, (node, folders) => {
    if (node.type === FIREFOX_PLACE && typeof node.uri === "string") {
      found.push(
        bookmark(node.uri, {
          title: text(node.title),
          description: firefoxDescription(node),
          tags: splitTags(text(node.tags)),
          folders,
          addedAt: readDate(typeof node.dateAdded === "number" ? node.dateAdded : null),
        }),
      );
      return null;
    }
    if (node.type !== FIREFOX_CONTAINER || node.root === FIREFOX_TAGS_ROOT) {
      return null;
    }
    return typeof node.root === "string" ? folders : inFolder(folders, text(node.title));
  });
  return found;
}
