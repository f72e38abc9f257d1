import type { TagCount } from "./queries/tags";

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Most used first; ties by name, so the order is the same on every render. */
export function byUse(counts: readonly TagCount[]): TagCount[] {
  return [...counts].sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}

/**
 * The dashboard sidebar's first look: the `limit` most used tags, and any tag of the filter past
 * them (a chosen tag must stay visible to be unchosen). `total` says how many a "Show all" would list.
 */
export function mostUsed(counts: readonly TagCount[], limit: number, chosen: readonly string[]): { tags: TagCount[]; total: number } {
  const ranked = byUse(counts);
  const rest = ranked.slice(limit).filter((t) => chosen.some((c) => same(c, t.tag)));
  return { tags: [...ranked.slice(0, limit), ...rest], total: ranked.length };
}
