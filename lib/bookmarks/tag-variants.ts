// Which tags look like spellings of one another ("recipes"/"Recipes", "recipe"/"recipes",
// "javascript"/"javscript"), to suggest merges on the tag screen. Pure.

/** Levenshtein distance, stopping early once it exceeds `limit` (tags are short; this is cheap). */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/** How far apart two spellings may be: one letter for short tags, two from eight letters on. */
const allowedDistance = (length: number) => (length < 4 ? 0 : length < 8 ? 1 : 2);

function folded(tag: string): string {
  return tag.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/[\s_-]+/g, "-");
}

export function areVariants(a: string, b: string): boolean {
  if (a === b) return false;
  const [x, y] = [folded(a), folded(b)];
  if (x === y) return true;
  return editDistance(x, y, allowedDistance(Math.min(x.length, y.length))) <= allowedDistance(Math.min(x.length, y.length));
}

/**
 * For each tag, the variants it could be merged into, most used first (ties by name). Quadratic in
 * the number of distinct tags, which Notion keeps to hundreds per property.
 */
export function mergeSuggestions<T extends { tag: string; count: number }>(tags: readonly T[]): Map<string, T[]> {
  const suggestions = new Map<string, T[]>();
  for (const tag of tags) {
    const variants = tags
      .filter((other) => areVariants(tag.tag, other.tag))
      .sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
    if (variants.length > 0) suggestions.set(tag.tag, variants);
  }
  return suggestions;
}
