import { Logo } from "@/app/_components/logo";
import { SandboxBadge } from "@/app/_components/sandbox-badge";
import { SiteFooter } from "@/app/_components/site-footer";
import { ThemeSwitch } from "@/app/_components/theme-switch";

export default function MarketingLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="border-b border-line">
        <div className="mx-auto flex h-14 max-w-5xl items-center justify-between gap-3 px-4 sm:px-6">
          <div className="flex items-center gap-3">
            <Logo />
            <SandboxBadge />
          </div>
          <ThemeSwitch />
        </div>
      </header>
      <main id="main" className="flex-1">
        {children}
      </main>
      <SiteFooter />
    </div>
  );
}
