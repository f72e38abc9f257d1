import { cn } from "@/components/ui/cn";
import { formatExact, formatRelative } from "./format";

/**
 * When a bookmark was saved: relative on screen ("3 h ago"), exact on hover and for screen
 * readers. The relative words depend on the clock, so the server's and the browser's render may
 * differ by a minute; that text alone is exempt from the hydration check.
 */
export function SavedDate({ iso, label = "Saved", className }: { iso: string; label?: string; className?: string }) {
  const exact = formatExact(iso);
  return (
    <time dateTime={iso} title={exact} className={cn("text-xs tabular-nums text-muted", className)}>
      <span aria-hidden suppressHydrationWarning>
        {formatRelative(iso)}
      </span>
      <span className="sr-only">
        {label} {exact}
      </span>
    </time>
  );
}
