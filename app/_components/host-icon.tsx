/**
 * A site's mark drawn locally: the first letter of its host in a small square. Shown when Shelf
 * has no icon of the site (components/bookmarks/site-icon.tsx): none found, refused, or not yet read.
 */
export function HostIcon({ host, className = "size-5" }: { host: string; className?: string }) {
  const letter = host.replace(/^www\./, "")[0]?.toUpperCase() ?? "?";
  return (
    <span
      aria-hidden
      className={`${className} host-icon`}
    >
      {letter}
    </span>
  );
}
