import type { ReactNode } from "react";
import { Logo } from "./logo";
import { SandboxBadge } from "./sandbox-badge";

/** A narrow page outside the workspace shell, opened from elsewhere (the bookmarklet, the extension). */
export function StandalonePage({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="border-b border-line">
        <div className="mx-auto flex h-12 max-w-lg items-center gap-3 px-4">
          <Logo />
          <SandboxBadge />
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-lg flex-1 px-4 py-5">
        <h1 className="mb-4 text-xl font-semibold tracking-tight">{title}</h1>
        {children}
      </main>
    </div>
  );
}
