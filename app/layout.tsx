import type { Metadata, Viewport } from "next";
import { Toaster } from "sonner";
import { APPLE_TOUCH_ICON } from "@/lib/app-icons";
import { currentTheme } from "@/lib/theme/server";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Shelf — bookmarks in Notion", template: "%s · Shelf" },
  description: "Save links in one click and keep them in your own Notion workspace.",
  // app/icon.svg is linked by Next itself; iOS wants an opaque PNG (public/, scripts/make-icons.ts).
  icons: { apple: { url: `/${APPLE_TOUCH_ICON.file}`, sizes: `${APPLE_TOUCH_ICON.size}x${APPLE_TOUCH_ICON.size}` } },
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#191919" },
  ],
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const theme = await currentTheme();
  return (
    <html lang="en" data-theme={theme}>
      <body className="min-h-dvh bg-canvas text-ink">
        {children}
        <Toaster position="bottom-right" theme={theme} closeButton />
      </body>
    </html>
  );
}
