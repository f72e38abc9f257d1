import type { MetadataRoute } from "next";
import { MANIFEST_ICONS } from "@/lib/app-icons";

/**
 * Makes Shelf installable, and with share_target the installed app is in the phone's share sheet:
 * sharing a page opens /save?title=&text=&url= (docs/decisions/017).
 */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Shelf — bookmarks in Notion",
    short_name: "Shelf",
    description: "Save links in one click and keep them in your own Notion workspace.",
    id: "/",
    start_url: "/",
    scope: "/",
    display: "standalone",
    background_color: "#ffffff",
    theme_color: "#ffffff",
    icons: [
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" },
      // PNGs from scripts/make-icons.ts, for launchers that want bitmaps and maskable shapes.
      ...MANIFEST_ICONS.map((icon) => ({ src: `/${icon.file}`, sizes: `${icon.size}x${icon.size}`, type: "image/png", purpose: icon.purpose })),
    ],
    share_target: { action: "/save", method: "GET", params: { title: "title", text: "text", url: "url" } },
  };
}
