import iconv from "iconv-lite";

// How a file's bytes become text, in the order browsers use: a byte-order
// mark, then the character set the file declares, then UTF-8 if the bytes are
// valid UTF-8, else Windows-1252 (what an old Windows export most likely is).

export type Decoded = { text: string; encoding: string };

const DECLARATION_SAMPLE = 4096;
const XML_PROLOG = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i;
const META_CHARSET = /<meta\b[^>]*\bcharset\s*=\s*["']?([\w.:-]+)/i;

// Labels old files use that iconv-lite doesn't know, and the WHATWG rule that
// Latin-1 and ASCII labels mean Windows-1252 (its superset, which files so
// labelled really are).
const LABELS: Record<string, string> = {
  "x-mac-roman": "macintosh",
  "mac-roman": "macintosh",
  macroman: "macintosh",
  "x-mac": "macintosh",
  mac: "macintosh",
  "iso-8859-1": "windows-1252",
  "iso8859-1": "windows-1252",
  latin1: "windows-1252",
  "us-ascii": "windows-1252",
  ascii: "windows-1252",
  "x-sjis": "shift_jis",
  utf8: "utf-8",
};

function canonical(label: string): string | null {
  const lower = label.toLowerCase();
  const name = LABELS[lower] ?? lower;
  return iconv.encodingExists(name) ? name : null;
}

/** The character set a <meta> tag or XML prolog near the start declares, if iconv-lite knows it. */
function declaredEncoding(bytes: Uint8Array): string | null {
  // Declarations are ASCII, so any single-byte reading finds them.
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, DECLARATION_SAMPLE)).toString("latin1");
  const label = XML_PROLOG.exec(head)?.[1] ?? META_CHARSET.exec(head)?.[1];
  return label === undefined ? null : canonical(label);
}

function bomEncoding(bytes: Uint8Array): { encoding: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: "utf-8", length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "utf-16le", length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: "utf-16be", length: 2 };
  return null;
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

export function decodeBytes(bytes: Uint8Array): Decoded {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bom = bomEncoding(bytes);
  if (bom !== null) {
    return { text: iconv.decode(buffer.subarray(bom.length), bom.encoding), encoding: bom.encoding };
  }
  const declared = declaredEncoding(bytes);
  if (declared !== null && declared !== "utf-8") {
    return { text: iconv.decode(buffer, declared), encoding: declared };
  }
  try {
    return { text: strictUtf8.decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: iconv.decode(buffer, "windows-1252"), encoding: "windows-1252" };
  }
}
