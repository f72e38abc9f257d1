// A fixed locale and time zone, so the server's HTML and the client's render agree (no hydration mismatch).
const dateFormat = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });

/** "Nov 23, 2026" */
export function formatDate(iso: string): string {
  return dateFormat.format(new Date(iso));
}
