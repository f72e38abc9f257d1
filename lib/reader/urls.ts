import net from "node:net";
import { classifyAddress } from "@/lib/link-metadata/address";

/** Notion refuses longer link and image addresses (2,000 characters, like any rich-text content). */
const MAX_URL_LENGTH = 2000;

function resolved(raw: string | null | undefined, base: string): URL | null {
  const value = raw?.trim();
  if (!value) return null;
  try {
    return new URL(value, base);
  } catch {
    return null;
  }
}

/** A link worth keeping: absolute http(s) and short enough for Notion. `javascript:`, `data:` and the rest are dropped. */
export function safeLink(raw: string | null | undefined, base: string): string | null {
  const url = resolved(raw, base);
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) return null;
  return url.href.length <= MAX_URL_LENGTH ? url.href : null;
}

const LOCAL_NAMES = /(^|\.)(localhost|local|internal|lan|home\.arpa)$/i;

/**
 * An image Notion may load as an external block: https only (Notion's own pages are https), and
 * a host that is neither a private address written as a literal nor a local-only name. Names are
 * not resolved here: Shelf never fetches the image, Notion does.
 */
export function publicImageUrl(raw: string | null | undefined, base: string): string | null {
  const url = resolved(raw, base);
  if (!url || url.protocol !== "https:" || url.username || url.password) return null;
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  if (net.isIP(host) !== 0 ? classifyAddress(host) !== "public" : LOCAL_NAMES.test(host) || !host.includes(".")) return null;
  return url.href.length <= MAX_URL_LENGTH ? url.href : null;
}
