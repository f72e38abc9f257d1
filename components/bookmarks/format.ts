// A fixed locale and time zone, so the server's HTML and the client's render agree (no hydration mismatch).
const dayFormat = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
const monthFormat = new Intl.DateTimeFormat("en-US", { month: "short", year: "numeric", timeZone: "UTC" });
const exactFormat = new Intl.DateTimeFormat("en-US", {
  dateStyle: "medium",
  timeStyle: "medium",
  timeZone: "UTC",
});

/** "Mar 4, 2023, 5:06:07 AM UTC": the exact time, for hover and screen readers. */
export function formatExact(iso: string): string {
  return `${exactFormat.format(new Date(iso))} UTC`;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * How long ago, as a list scans it: "just now", "5 min ago", "3 h ago", "2 d ago", then the day
 * ("Mar 4") within the last year, and the month ("Mar 2023") before that. A time ahead of `now`
 * (another clock) reads as just now.
 */
export function formatRelative(iso: string, now: Date = new Date()): string {
  const then = new Date(iso);
  const ago = now.getTime() - then.getTime();
  if (ago < MINUTE) return "just now";
  if (ago < HOUR) return `${Math.floor(ago / MINUTE)} min ago`;
  if (ago < DAY) return `${Math.floor(ago / HOUR)} h ago`;
  if (ago < 7 * DAY) return `${Math.floor(ago / DAY)} d ago`;
  if (ago < 365 * DAY) return dayFormat.format(then);
  return monthFormat.format(then);
}
