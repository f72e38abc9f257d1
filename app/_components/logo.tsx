import Link from "next/link";

export function Logo({ href = "/" }: { href?: string }) {
  return (
    <Link href={href} className="inline-flex items-center gap-2 font-semibold tracking-tight text-ink">
      <svg viewBox="0 0 24 24" className="size-5" aria-hidden>
        <rect x="3" y="4" width="4" height="16" rx="1" fill="currentColor" />
        <rect x="9" y="4" width="4" height="16" rx="1" fill="currentColor" opacity="0.7" />
        <rect x="15.5" y="5" width="4" height="15.5" rx="1" transform="rotate(-12 17.5 12.75)" fill="var(--color-accent)" />
      </svg>
      Shelf
    </Link>
  );
}
