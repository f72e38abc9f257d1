"use client";

import { Check, ChevronsUpDown, Plus, Settings } from "lucide-react";
import { signIn } from "next-auth/react";
import Link from "next/link";
import { Menu, MenuContent, MenuItem, MenuLabel, MenuSeparator, MenuTrigger } from "@/components/ui/menu";
import { WorkspaceIcon } from "./workspace-icon";

export type WorkspaceOption = { id: string; name: string | null; icon: string | null; needsReconnect: boolean };

/** Switching is a link (the workspace lives in the URL); connecting another runs the Notion sign-in again. */
export function WorkspaceSwitcher({ workspaces, activeId }: { workspaces: WorkspaceOption[]; activeId: string }) {
  const active = workspaces.find((w) => w.id === activeId);
  return (
    <Menu>
      {/* Named by its visible text (plus a hidden hint), so speech users can say what they see. */}
      <MenuTrigger className="flex min-w-0 max-w-[14rem] shrink items-center gap-2 rounded-md px-2 py-1.5 text-sm font-medium hover:bg-surface sm:max-w-xs">
        <WorkspaceIcon icon={active?.icon ?? null} name={active?.name ?? null} />
        <span className="truncate" data-testid="active-workspace-name">
          {active?.name ?? "Untitled workspace"}
        </span>
        <span className="sr-only">, switch workspace</span>
        <ChevronsUpDown className="size-4 shrink-0 text-muted" aria-hidden />
      </MenuTrigger>
        <MenuContent align="start" sideOffset={6}>
          <MenuLabel>Workspaces</MenuLabel>
          {workspaces.map((workspace) => (
            <MenuItem key={workspace.id} asChild>
              <Link
                href={`/w/${workspace.id}`}
               
                aria-current={workspace.id === activeId ? "page" : undefined}
              >
                <WorkspaceIcon icon={workspace.icon} name={workspace.name} />
                <span className="flex-1 truncate">{workspace.name ?? "Untitled workspace"}</span>
                {workspace.needsReconnect && <span className="text-xs text-danger">Reconnect</span>}
                {workspace.id === activeId && <Check className="size-4 text-accent" aria-label="Current workspace" />}
              </Link>
            </MenuItem>
          ))}
          <MenuSeparator />
          <MenuItem onSelect={() => void signIn("notion", { callbackUrl: "/" })}>
            <Plus className="size-4" aria-hidden />
            Connect another workspace
          </MenuItem>
          <MenuItem asChild>
            <Link href={`/w/${activeId}/settings`}>
              <Settings className="size-4" aria-hidden />
              Workspace settings
            </Link>
          </MenuItem>
        </MenuContent>
    </Menu>
  );
}
