"use client";

import * as Menu from "@radix-ui/react-dropdown-menu";
import { Check, ChevronsUpDown, Plus, Settings } from "lucide-react";
import Link from "next/link";
import { signIn } from "next-auth/react";
import { menuContent, menuItem, menuLabel, menuSeparator } from "./menu-styles";
import { WorkspaceIcon } from "./workspace-icon";

export type WorkspaceOption = { id: string; name: string | null; icon: string | null; needsReconnect: boolean };

/** Switching is a link (the workspace lives in the URL); connecting another runs the Notion sign-in again. */
export function WorkspaceSwitcher({ workspaces, activeId }: { workspaces: WorkspaceOption[]; activeId: string }) {
  const active = workspaces.find((w) => w.id === activeId);
  return (
    <Menu.Root>
      {/* Named by its visible text (plus a hidden hint), so speech users can say what they see. */}
      <Menu.Trigger className="flex max-w-[14rem] items-center gap-2 rounded-md px-2 py-1.5 text-sm font-medium hover:bg-surface sm:max-w-xs">
        <WorkspaceIcon icon={active?.icon ?? null} name={active?.name ?? null} />
        <span className="truncate" data-testid="active-workspace-name">
          {active?.name ?? "Untitled workspace"}
        </span>
        <span className="sr-only">, switch workspace</span>
        <ChevronsUpDown className="size-4 shrink-0 text-muted" aria-hidden />
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content className={menuContent} align="start" sideOffset={6}>
          <Menu.Label className={menuLabel}>Workspaces</Menu.Label>
          {workspaces.map((workspace) => (
            <Menu.Item key={workspace.id} asChild>
              <Link
                href={`/w/${workspace.id}`}
                className={menuItem}
                aria-current={workspace.id === activeId ? "page" : undefined}
              >
                <WorkspaceIcon icon={workspace.icon} name={workspace.name} />
                <span className="flex-1 truncate">{workspace.name ?? "Untitled workspace"}</span>
                {workspace.needsReconnect && <span className="text-xs text-danger">Reconnect</span>}
                {workspace.id === activeId && <Check className="size-4 text-accent" aria-label="Current workspace" />}
              </Link>
            </Menu.Item>
          ))}
          <Menu.Separator className={menuSeparator} />
          <Menu.Item className={menuItem} onSelect={() => void signIn("notion", { callbackUrl: "/" })}>
            <Plus className="size-4" aria-hidden />
            Connect another workspace
          </Menu.Item>
          <Menu.Item asChild>
            <Link href={`/w/${activeId}/settings`} className={menuItem}>
              <Settings className="size-4" aria-hidden />
              Workspace settings
            </Link>
          </Menu.Item>
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}
