import { Logo } from "@/app/_components/logo";
import { ReconnectBanner } from "@/app/_components/reconnect-banner";
import { SandboxBadge } from "@/app/_components/sandbox-badge";
import { SiteFooter } from "@/app/_components/site-footer";
import { ThemeSwitch } from "@/app/_components/theme-switch";
import { UserMenu } from "@/app/_components/user-menu";
import { WorkspaceSwitcher } from "@/app/_components/workspace-switcher";
import { PaletteButton, WorkspaceCommands } from "@/components/command-palette/workspace-commands";
import { getDb } from "@/db/client";
import { requireWorkspace } from "@/lib/auth/session";
import { listUserWorkspaces } from "@/lib/workspaces/queries";
import { RememberWorkspace } from "./remember-workspace";
import { WorkspaceNav } from "./workspace-nav";

/** The app shell of every screen inside one workspace. */
export default async function WorkspaceLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ workspaceId: string }>;
}) {
  const { workspaceId } = await params;
  const { user, workspace } = await requireWorkspace(workspaceId);
  const workspaces = await listUserWorkspaces(await getDb(), user.id);
  const options = workspaces.map((w) => ({ id: w.id, name: w.name, icon: w.icon, needsReconnect: w.status === "reconnect_required" }));

  return (
    <WorkspaceCommands workspaceId={workspace.id} workspaces={options}>
      <div className="flex min-h-dvh flex-col">
        <RememberWorkspace workspaceId={workspace.id} />
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-raised focus:p-2">
          Skip to content
        </a>
        <header className="sticky top-0 z-40 border-b border-line bg-canvas/95 backdrop-blur">
          <div className="mx-auto flex h-14 max-w-5xl items-center gap-2 px-3 sm:px-6">
            <Logo href={`/w/${workspace.id}`} compactName />
            <span className="hidden text-line-strong sm:inline" aria-hidden>
              /
            </span>
            <WorkspaceSwitcher workspaces={options} activeId={workspace.id} />
            <SandboxBadge />
            <div className="ml-auto flex shrink-0 items-center gap-1">
              <PaletteButton />
              <ThemeSwitch />
              <UserMenu
                name={user.name}
                image={user.image}
                settingsHref={`/w/${workspace.id}/settings`}
                captureHref={`/w/${workspace.id}/capture`}
              />
            </div>
          </div>
          <WorkspaceNav workspaceId={workspace.id} />
        </header>
        {workspace.status === "reconnect_required" && <ReconnectBanner workspaceId={workspace.id} name={workspace.name} />}
        <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-3 py-6 sm:px-6">
          {children}
        </main>
        <SiteFooter />
      </div>
    </WorkspaceCommands>
  );
}
