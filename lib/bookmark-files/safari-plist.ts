import { parseBuffer, setMaxObjectCount } from "bplist-parser";
import { BookmarkFileError } from "./errors";
import { isItem, text } from "./manager-json";
import { MAX_FOLDER_DEPTH } from "./values";
import type { ParsedBookmark, ParseResult } from "./types";

export const BPLIST_MAGIC = "bplist00";

type Node = Record<string, unknown>;

// Safari's top lists. The bar and the menu are containers; the Reading List is
// kept as a folder, as in Safari's HTML export.
const CONTAINERS = new Set(["BookmarksBar", "BookmarksMenu"]);
const READING_LIST = "com.apple.ReadingList";

function childrenOf(node: Node): Node[] {
  return Array.isArray(node.Children) ? node.Children.filter(isItem) : [];
}

function leaf(node: Node, folders: string[]): ParsedBookmark {
  const uri = isItem(node.URIDictionary) ? node.URIDictionary : {};
  const readingList = isItem(node.ReadingList) ? node.ReadingList : {};
  const added = readingList.DateAdded;
  return {
    line: null,
    url: text(node.URLString),
    title: text(uri.title),
    description: text(readingList.PreviewText),
    tags: [],
    folders,
    addedAt: added instanceof Date && !Number.isNaN(added.getTime()) ? added : null,
  };
}

/** Safari's Bookmarks.plist (binary property list): lists of leaves, read with a stack of its own. */
export function parseSafariPlist(bytes: Uint8Array): ParseResult {
  let root: unknown;
  try {
    // An object takes at least a byte, so this bound only stops the library's default of 32,768.
    setMaxObjectCount(bytes.length);
    root = parseBuffer(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))[0];
  } catch {
    throw new BookmarkFileError("This Safari bookmarks file is damaged, so it can't be read. Export the bookmarks from Safari as HTML and import that.");
  }
  if (!isItem(root)) {
    throw new BookmarkFileError("This property list holds no Safari bookmarks.");
  }
  const bookmarks: ParsedBookmark[] = [];
  const stack: { node: Node; folders: string[]; top: boolean }[] = [{ node: root, folders: [], top: true }];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const { node, folders } = next;
    if (node.WebBookmarkType === "WebBookmarkTypeLeaf") {
      bookmarks.push(leaf(node, folders));
      continue;
    }
    if (node.WebBookmarkType !== "WebBookmarkTypeList" && node !== root) {
      // Proxies (History) and anything newer.
      continue;
    }
    const title = text(node.Title);
    const name = node === root || (next.top && CONTAINERS.has(title)) ? "" : title === READING_LIST ? "Reading List" : title;
    const inside = name === "" || folders.length >= MAX_FOLDER_DEPTH ? folders : [...folders, name];
    for (const child of childrenOf(node).reverse()) {
      stack.push({ node: child, folders: inside, top: node === root });
    }
  }
  return { format: "safari-plist", bookmarks, problems: [] };
}
