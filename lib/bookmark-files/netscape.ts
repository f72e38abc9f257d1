import { isRootContainerName } from "./root-containers";
import { readTags } from "./tag-reader";
import { cleanTags, lineIndex, MAX_FOLDER_DEPTH, readDate, splitTagWords } from "./values";
import { writeAll, type ExportBookmark, type FileWriter, type ParsedBookmark, type ParseResult } from "./types";

// Chrome and Firefox mark their containers with these, whatever the language.
const ROOT_ATTRIBUTES = ["personal_toolbar_folder", "unfiled_bookmarks_folder"];

type Folder = { name: string; root: boolean };
/** What an open <DL> added: to the count of folders around it, and to the path. */
type List = { counted: boolean; inPath: boolean };
type Open =
  | { kind: "link"; bookmark: ParsedBookmark; text: string }
  | { kind: "folder"; attributes: Record<string, string>; text: string }
  | { kind: "description"; bookmark: ParsedBookmark; text: string };

// Tags that end whatever link, folder name or description is being read: the
// format leaves <A>, <H3> and <DD> unclosed often enough that closing tags
// cannot be relied on. Inside a <DD> note an <A> is part of the note's text.
const BOUNDARIES = new Set(["a", "h3", "dt", "dd", "dl", "h1"]);
const NOTE_BREAKS = new Set(["br", "p", "div", "li"]);

// Vivaldi exports its separators as links described "separator" with a placeholder address.
function isSeparator(attributes: Record<string, string>): boolean {
  if (attributes.description?.trim().toLowerCase() !== "separator") {
    return false;
  }
  const href = (attributes.href ?? "").trim().toLowerCase();
  return !/^https?:\/\//.test(href) || /^https?:\/\/[^/]*\.vivaldi\.internal(?:[/:?#]|$)/.test(href);
}

/**
 * Reads the Netscape bookmark file format that every browser exports (and
 * Pocket, Raindrop, Pinboard…): <DT><A> links, <DD> descriptions, <H3> folders
 * whose contents follow in a <DL>. Tolerates the unclosed and missing tags
 * found in real files; any <A> anywhere counts as a bookmark.
 */
export function parseNetscape(text: string): ParseResult {
  const lineOf = lineIndex(text);
  const bookmarks: ParsedBookmark[] = [];
  const rawTags: string[] = [];
  let socialBookmarking = false;
  const lists: List[] = [];
  const path: string[] = [];
  let foldersAround = 0;
  let pendingFolder: Folder | null = null;
  let open: Open | null = null;
  let describable: ParsedBookmark | null = null;

  const finish = () => {
    const done = open;
    open = null;
    if (done === null) {
      return;
    }
    const value = done.text.trim();
    if (done.kind === "link") {
      done.bookmark.title = value;
      describable = done.bookmark;
    } else if (done.kind === "description") {
      done.bookmark.description = value;
    } else {
      const root =
        foldersAround === 0 &&
        (isRootContainerName(value) ||
          ROOT_ATTRIBUTES.some((name) => done.attributes[name]?.toLowerCase() === "true"));
      pendingFolder = { name: value, root };
    }
  };

  readTags(text, {
    openTag(name, attributes, start) {
      if (open?.kind === "description" && (name === "a" || NOTE_BREAKS.has(name))) {
        // Markup inside a note: its text stays in the note, a link in it is no bookmark.
        open.text += name === "a" ? "" : "\n";
        return;
      }
      if (BOUNDARIES.has(name)) {
        finish();
      }
      if (name === "a" && isSeparator(attributes)) {
        pendingFolder = null;
        describable = null;
      } else if (name === "a") {
        pendingFolder = null;
        const bookmark: ParsedBookmark = {
          line: lineOf(start),
          url: (attributes.href ?? "").trim(),
          title: "",
          // Scuttle and Delicious-era exports keep the note in an attribute; a <DD> replaces it.
          description: (attributes.description ?? "").trim(),
          tags: [],
          folders: [...path],
          addedAt: readDate(attributes.add_date ?? attributes.time_added),
        };
        bookmarks.push(bookmark);
        rawTags.push(attributes.tags ?? "");
        socialBookmarking ||= attributes.private !== undefined || attributes.toread !== undefined;
        open = { kind: "link", bookmark, text: "" };
      } else if (name === "h3") {
        describable = null;
        open = { kind: "folder", attributes, text: "" };
      } else if (name === "dd" && describable !== null) {
        open = { kind: "description", bookmark: describable, text: "" };
        describable = null;
      } else if (name === "dl") {
        describable = null;
        const folder: Folder | null = pendingFolder;
        pendingFolder = null;
        const list = {
          counted: folder !== null,
          inPath: folder !== null && !folder.root && folder.name !== "" && path.length < MAX_FOLDER_DEPTH,
        };
        lists.push(list);
        foldersAround += list.counted ? 1 : 0;
        if (list.inPath && folder !== null) {
          path.push(folder.name);
        }
      }
    },
    text(data) {
      if (open !== null) {
        open.text += data;
      }
    },
    closeTag(name) {
      if (
        (name === "a" && open?.kind === "link") ||
        (name === "h3" && open?.kind === "folder") ||
        (name === "dd" && open?.kind === "description") ||
        name === "dl"
      ) {
        finish();
      }
      if (name === "dl") {
        const list = lists.pop();
        foldersAround -= list?.counted ? 1 : 0;
        if (list?.inPath) {
          path.pop();
        }
      }
    },
  });
  finish();
  // Firefox and Shelf separate TAGS with commas, and a tag may hold a space.
  // Delicious-era tools (Scuttle, Shaarli, Pinboard) separate them with spaces
  // and mark every link PRIVATE or TOREAD, which browsers never write. One
  // comma anywhere says the file uses commas.
  const bySpaces = socialBookmarking && !rawTags.some((raw) => raw.includes(","));
  const split = bySpaces ? splitTagWords : (raw: string) => cleanTags(raw.split(","));
  bookmarks.forEach((bookmark, index) => {
    bookmark.tags = split(rawTags[index] ?? "");
  });
  return { format: "netscape", bookmarks, problems: [] };
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

function linkHtml(bookmark: ExportBookmark, indent: string): string {
  const added = Date.parse(bookmark.createdTime);
  const tags = cleanTags(bookmark.tags);
  const attributes = [
    `HREF="${escapeHtml(bookmark.url)}"`,
    ...(Number.isNaN(added) ? [] : [`ADD_DATE="${Math.floor(added / 1000)}"`]),
    ...(tags.length > 0 ? [`TAGS="${escapeHtml(tags.join(","))}"`] : []),
  ];
  const link = `${indent}<DT><A ${attributes.join(" ")}>${escapeHtml(bookmark.title)}</A>\n`;
  return bookmark.description === "" ? link : `${link}${indent}<DD>${escapeHtml(bookmark.description)}\n`;
}

const NETSCAPE_HEAD = [
  "<!DOCTYPE NETSCAPE-Bookmark-file-1>",
  "<!-- This is an automatically generated file.",
  "     It will be read and overwritten.",
  "     DO NOT EDIT! -->",
  '<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">',
  "<TITLE>Bookmarks</TITLE>",
  "<H1>Bookmarks</H1>",
  "<DL><p>\n",
].join("\n");

/**
 * The Netscape file in pieces: rows at the top level, or inside a folder (a tag) between
 * folderStart and folderEnd.
 */
export function netscapeWriter(): FileWriter & { folderStart(tag: string): string; folderRows(batch: ExportBookmark[]): string; folderEnd(): string } {
  return {
    head: () => NETSCAPE_HEAD,
    rows: (batch) => batch.map((bookmark) => linkHtml(bookmark, "    ")).join(""),
    folderStart: (tag) => `    <DT><H3>${escapeHtml(tag)}</H3>\n    <DL><p>\n`,
    folderRows: (batch) => batch.map((bookmark) => linkHtml(bookmark, "        ")).join(""),
    folderEnd: () => "    </DL><p>\n",
    tail: () => "</DL><p>\n",
  };
}

/**
 * Writes a file browsers import (Netscape format). With tagsAsFolders each
 * bookmark also appears in a folder per tag, because browsers ignore TAGS;
 * untagged bookmarks stay at the top, folders follow in the order their tag first appears.
 */
export function toNetscapeHtml(bookmarks: ExportBookmark[], options: { tagsAsFolders?: boolean } = {}): string {
  const writer = netscapeWriter();
  if (!options.tagsAsFolders) return writeAll(writer, bookmarks);
  const byTag = new Map<string, ExportBookmark[]>();
  for (const bookmark of bookmarks) {
    for (const tag of cleanTags(bookmark.tags)) {
      const tagged = byTag.get(tag);
      if (tagged === undefined) {
        byTag.set(tag, [bookmark]);
      } else {
        tagged.push(bookmark);
      }
    }
  }
  let body = writer.rows(bookmarks.filter((bookmark) => cleanTags(bookmark.tags).length === 0));
  for (const [tag, tagged] of byTag) body += writer.folderStart(tag) + writer.folderRows(tagged) + writer.folderEnd();
  return writer.head() + body + writer.tail();
}
