// Every format Shelf reads, with the name the preview shows and the family it
// belongs to: a file is detected as a family from its content, then as a
// format within it, and a person can choose another format of the same family.

export const FILE_FORMATS = [
  "netscape",
  "csv",
  "instapaper-csv",
  "pocket-csv",
  "raindrop-csv",
  "readwise-csv",
  "onetab",
  "json",
  "chrome-json",
  "firefox-json",
  "pinboard-json",
  "karakeep-json",
  "linkwarden-json",
  "omnivore-json",
  "firefox-jsonlz4",
  "safari-plist",
] as const;

type Format = (typeof FILE_FORMATS)[number];

export const FORMAT_NAMES: Record<Format, string> = {
  netscape: "Browser bookmarks (HTML)",
  csv: "CSV",
  "instapaper-csv": "Instapaper CSV",
  "pocket-csv": "Pocket CSV",
  "raindrop-csv": "Raindrop.io CSV",
  "readwise-csv": "Readwise Reader CSV",
  onetab: "OneTab list",
  json: "Shelf JSON",
  "chrome-json": "Chrome bookmarks file (JSON)",
  "firefox-json": "Firefox backup (JSON)",
  "pinboard-json": "Pinboard JSON",
  "karakeep-json": "Karakeep JSON",
  "linkwarden-json": "Linkwarden JSON",
  "omnivore-json": "Omnivore JSON",
  "firefox-jsonlz4": "Firefox automatic backup (jsonlz4)",
  "safari-plist": "Safari Bookmarks.plist",
};

/** Formats that read the same kind of file, so one can stand in for another. */
export const FORMAT_FAMILIES: readonly (readonly Format[])[] = [
  ["netscape"],
  ["csv", "instapaper-csv", "pocket-csv", "raindrop-csv", "readwise-csv", "onetab"],
  ["json", "pinboard-json", "karakeep-json", "linkwarden-json", "omnivore-json", "chrome-json", "firefox-json"],
  ["firefox-jsonlz4"],
  ["safari-plist"],
];

export function isFileFormat(value: unknown): value is Format {
  return typeof value === "string" && (FILE_FORMATS as readonly string[]).includes(value);
}

export function familyOf(format: Format): readonly Format[] {
  return FORMAT_FAMILIES.find((family) => family.includes(format)) ?? [format];
}

const ENCODING_NAMES: Record<string, string> = {
  "utf-8": "UTF-8",
  "utf-16le": "UTF-16",
  "utf-16be": "UTF-16 (big-endian)",
  "windows-1252": "Western (Windows-1252)",
  macintosh: "Mac OS Roman",
  binary: "binary",
};

/** A character set's name for people (lib/bookmark-files/decode.ts says which one a file used). */
export function encodingName(encoding: string): string {
  return ENCODING_NAMES[encoding] ?? encoding.toUpperCase();
}
