"use client";

import * as Menu from "@radix-ui/react-dropdown-menu";
import { BookmarkPlus, LogOut, Settings } from "lucide-react";
import Link from "next/link";
import { signOut } from "next-auth/react";
import { Avatar } from "./avatar";
import { menuContent, menuItem, menuLabel, menuSeparator } from "./menu-styles";

type Props = { name: string | null; image: string | null; settingsHref: string; captureHref: string };

export function UserMenu({ name, image, settingsHref, captureHref }: Props) {
  return (
    <Menu.Root>
      <Menu.Trigger className="flex items-center gap-2 rounded-full p-0.5 hover:bg-surface" data-testid="account-menu">
        <Avatar image={image} name={name} />
        <span className="hidden max-w-40 truncate pr-2 text-sm sm:inline" data-testid="user-name">
          {name ?? "You"}
        </span>
        <span className="sr-only">, account menu</span>
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content className={menuContent} align="end" sideOffset={6}>
          <Menu.Label className={menuLabel}>{name ?? "Signed in"}</Menu.Label>
          <Menu.Item asChild>
            <Link href={settingsHref} className={menuItem}>
              <Settings className="size-4" aria-hidden />
              Settings
            </Link>
          </Menu.Item>
          <Menu.Item asChild>
            <Link href={captureHref} className={menuItem}>
              <BookmarkPlus className="size-4" aria-hidden />
              Save from anywhere
            </Link>
          </Menu.Item>
          <Menu.Separator className={menuSeparator} />
          <Menu.Item className={menuItem} onSelect={() => void signOut({ callbackUrl: "/" })}>
            <LogOut className="size-4" aria-hidden />
            Sign out
          </Menu.Item>
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}
