import Link from "next/link";

/** The mark and the name; `compactName` hides the word on phones, where the header is narrow, but keeps the mark. */
export function Logo({ href = "/", compactName = false }: { href?: string; compactName?: boolean }) {
  return (
    <Link href={href} className="inline-flex shrink-0 items-center gap-2 font-semibold tracking-tight text-ink" aria-label={compactName ? "Shelf" : undefined}>
      <svg viewBox="0 0 24 24" className="size-5" aria-hidden>
        <rect x="3" y="4" width="4" height="16" rx="1" fill="currentColor" />
        <rect x="9" y="4" width="4" height="16" rx="1" fill="currentColor" opacity="0.7" />
        <rect x="15.5" y="5" width="4" height="15.5" rx="1" transform="rotate(-12 17.5 12.75)" fill="var(--color-accent)" />
      </svg>
      <span className={compactName ? "hidden sm:inline" : undefined}>Shelf</span>
    </Link>
  );
}
