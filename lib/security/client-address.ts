import { env } from "@/lib/env";

/** Anything that answers header lookups: a Request's headers, or next/headers' ReadonlyHeaders. */
export type HeaderSource = { get(name: string): string | null };

/** Set by server.mjs on every request: its start-up secret and the socket's remote address. */
export const PEER_HEADER = "x-shelf-peer";

/** The socket address server.mjs saw; null when Shelf runs without it (`next start`, `next dev`). */
export function peerAddress(headers: HeaderSource, secret = process.env.SHELF_PEER_SECRET): string | null {
  const value = headers.get(PEER_HEADER);
  if (!secret || !value) return null;
  const space = value.indexOf(" ");
  // Only server.mjs knows the secret, so a client sending this header itself is ignored.
  if (space < 0 || value.slice(0, space) !== secret) return null;
  return value.slice(space + 1).trim() || null;
}

/**
 * The client's address, for every rate limit and audit entry (docs/decisions/022). With no trusted
 * proxy (the default) it is the socket's address; behind `hops` proxies that each append to
 * X-Forwarded-For, it is the `hops`-th address from the right, the one the outermost proxy saw.
 * Anything left of it was written by the client and is ignored. A request carrying fewer
 * forwarded addresses than that did not come through the proxies and is keyed on its socket.
 */
export function clientAddress(headers: HeaderSource, hops = env().trustedProxyHops): string {
  const peer = peerAddress(headers);
  if (hops > 0) {
    const forwarded = (headers.get("x-forwarded-for") ?? "")
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean);
    const address = forwarded.length >= hops ? forwarded[forwarded.length - hops] : undefined;
    if (address) return address;
  }
  // Without server.mjs in front there is no trustworthy address: every such client shares one key,
  // which keeps the limits whole (a deployment must use `npm start`; docs/security.md).
  return peer ?? "unknown";
}
