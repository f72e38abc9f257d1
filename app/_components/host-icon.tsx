/**
 * A site's mark drawn locally: the first letter of its host in a small square. Fetching favicons
 * would send every saved host to a third party (or need the network in tests) and widen the CSP.
 */
export function HostIcon({ host, className = "size-5" }: { host: string; className?: string }) {
  const letter = host.replace(/^www\./, "")[0]?.toUpperCase() ?? "?";
  return (
    <span
      aria-hidden
      className={`${className} inline-flex shrink-0 select-none items-center justify-center rounded border border-line bg-surface text-[11px] font-semibold text-muted`}
    >
      {letter}
    </span>
  );
}
