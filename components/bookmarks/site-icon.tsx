import { HostIcon } from "@/app/_components/host-icon";
import { cn } from "@/components/ui/cn";

/**
 * The site's icon as Shelf stored it (served from Shelf's own origin, /img/…), or the letter
 * square when none was found. One <img> with its size set, so rows never shift as icons load.
 */
export function SiteIcon({ host, src, className }: { host: string; src: string | undefined; className: string }) {
  if (!src) return <HostIcon host={host} className={className} />;
  // eslint-disable-next-line @next/next/no-img-element -- already small WebP from Shelf's origin; next/image would add a second resizing hop and bytes per row.
  return <img src={src} alt="" width={20} height={20} loading="lazy" decoding="async" className={cn(className, "shrink-0 rounded-sm object-contain")} />;
}
