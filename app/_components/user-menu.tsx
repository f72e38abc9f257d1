"use client";

import { BookmarkPlus, LogOut, Settings } from "lucide-react";
import { signOut } from "next-auth/react";
import Link from "next/link";
import { Menu, MenuContent, MenuItem, MenuLabel, MenuSeparator, MenuTrigger } from "@/components/ui/menu";
import { Avatar } from "./avatar";

type Props = { name: string | null; image: string | null; settingsHref: string; captureHref: string };

export function UserMenu({ name, image, settingsHref, captureHref }: Props) {
  return (
    <Menu>
      <MenuTrigger className="flex items-center gap-2 rounded-full p-0.5 hover:bg-surface" data-testid="account-menu">
        <Avatar image={image} name={name} />
        <span className="hidden max-w-40 truncate pr-2 text-sm sm:inline" data-testid="user-name">
          {name ?? "You"}
        </span>
        <span className="sr-only">, account menu</span>
      </MenuTrigger>
        <MenuContent align="end" sideOffset={6}>
          <MenuLabel>{name ?? "Signed in"}</MenuLabel>
          <MenuItem asChild>
            <Link href={settingsHref}>
              <Settings className="size-4" aria-hidden />
              Settings
            </Link>
          </MenuItem>
          <MenuItem asChild>
            <Link href={captureHref}>
              <BookmarkPlus className="size-4" aria-hidden />
              Save from anywhere
            </Link>
          </MenuItem>
          <MenuSeparator />
          <MenuItem onSelect={() => void signOut({ callbackUrl: "/" })}>
            <LogOut className="size-4" aria-hidden />
            Sign out
          </MenuItem>
        </MenuContent>
    </Menu>
  );
}
