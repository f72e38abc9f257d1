/**
 * The icons in public/, made from app/icon.svg by scripts/make-icons.ts, and listed in the web app
 * manifest (app/manifest.ts). One list, so the manifest, the script and its test agree on sizes.
 */
export const BRAND_BACKGROUND = "#37352f";

export type AppIcon = { file: string; size: number; purpose: "any" | "maskable" };

export const MANIFEST_ICONS: AppIcon[] = [
  { file: "icon-192.png", size: 192, purpose: "any" },
  { file: "icon-512.png", size: 512, purpose: "any" },
  // Maskable: the glyph inside the central 80 % safe zone on a full-bleed background, so any mask shape keeps it whole.
  { file: "icon-maskable-192.png", size: 192, purpose: "maskable" },
  { file: "icon-maskable-512.png", size: 512, purpose: "maskable" },
];

/** iOS's home-screen icon: opaque (iOS rounds the corners itself), 180 px. */
export const APPLE_TOUCH_ICON: AppIcon = { file: "apple-touch-icon.png", size: 180, purpose: "any" };

/** The sizes inside public/favicon.ico. */
export const FAVICON_SIZES = [16, 32, 48];
