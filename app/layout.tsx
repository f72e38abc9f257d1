import type { Metadata, Viewport } from "next";
import { Toaster } from "sonner";
import { currentTheme } from "@/lib/theme/server";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Shelf — bookmarks in Notion", template: "%s · Shelf" },
  description: "Save links in one click and keep them in your own Notion workspace.",
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
