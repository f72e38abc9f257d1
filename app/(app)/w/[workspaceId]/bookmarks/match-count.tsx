const count = new Intl.NumberFormat("en-US");

/** "37 of 2,430": how many bookmarks a search or tag filter finds, of all saved; nothing when none is on. */
export function MatchCount({ matches }: { matches: { count: number; total: number } | null }) {
  if (!matches) return null;
  return (
    <p className="text-xs tabular-nums text-muted" role="status" data-testid="match-count">
      {count.format(matches.count)} of {count.format(matches.total)}
    </p>
  );
}
