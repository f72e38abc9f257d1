import { uncompressSync } from "lz4-napi";
import { BookmarkFileError } from "./errors";

// Firefox's automatic backups (bookmarkbackups/*.jsonlz4): "mozLz40\0", the
// decompressed size as 4 little-endian bytes, then one LZ4 block. lz4-napi's
// block format is exactly that size and block.
export const MOZLZ4_MAGIC = "mozLz40\u0000";
const HEADER = MOZLZ4_MAGIC.length;
// A backup of 50,000 bookmarks is a few tens of MB of JSON; the size is checked
// before the library allocates it, so a forged header can't ask for gigabytes.
const MAX_DECOMPRESSED = 200 * 1024 * 1024;

export function decompressMozLz4(bytes: Uint8Array): Uint8Array {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const size = buffer.length >= HEADER + 4 ? buffer.readUInt32LE(HEADER) : -1;
  if (size < 0 || size > MAX_DECOMPRESSED) {
    throw new BookmarkFileError("This Firefox backup is damaged or too large to read.");
  }
  try {
    return uncompressSync(buffer.subarray(HEADER));
  } catch {
    throw new BookmarkFileError("This Firefox backup is damaged, so it can't be read. Export the bookmarks from Firefox as HTML and import that.");
  }
}
