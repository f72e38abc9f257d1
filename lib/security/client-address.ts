/** Anything that answers header lookups: a Request's headers, or next/headers' ReadonlyHeaders. */
export type HeaderSource = { get(name: string): string | null };

/** The client's address as the proxy in front of Shelf (or Next itself) reports it. */
export function clientAddress(headers: HeaderSource): string {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || headers.get("x-real-ip") || "unknown";
}
