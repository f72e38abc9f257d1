"use client";

import { Keyboard } from "lucide-react";
import { useEffect, useEffectEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent } from "@/components/ui/dialog";
import { Kbd } from "@/components/ui/kbd";

export const SHORTCUTS = [
  { key: "n", label: "New bookmark" },
  { key: "/", label: "Search" },
  { key: "j", label: "Next bookmark" },
  { key: "k", label: "Previous bookmark" },
  { key: "o", label: "Open the selected bookmark" },
  { key: "e", label: "Edit the selected bookmark" },
  { key: "#", label: "Remove the selected bookmark" },
  { key: "x", label: "Tick the selected bookmark for a bulk change" },
  { key: "Escape", label: "Clear the ticked bookmarks" },
  { key: "?", label: "Show these shortcuts" },
] as const;

export type ShortcutKey = (typeof SHORTCUTS)[number]["key"];

// With a modifier, and on every screen of the workspace (components/command-palette); listed here too.
const CHORDS = [
  { keys: ["Ctrl K", "⌘K"], label: "Command palette" },
  { keys: ["Ctrl Z", "⌘Z"], label: "Undo the last remove or edit" },
] as const;

// Typing in a field, or working inside a dialog or menu, must never trigger a page shortcut.
function isOwnedElsewhere(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  // A tick box takes Space only; the page's keys still work from one (x, Esc after a click).
  const typing = target instanceof HTMLInputElement ? target.type !== "checkbox" : ["TEXTAREA", "SELECT"].includes(target.tagName);
  if (target.isContentEditable || typing) return true;
  return target.closest('[role="dialog"], [role="menu"], [role="listbox"]') !== null;
}

/** Single-key shortcuts for the page; `run` gets the key and returns false when it did nothing. */
export function useShortcuts(run: (key: ShortcutKey) => boolean) {
  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || event.metaKey || event.ctrlKey || event.altKey || event.isComposing) return;
    if (isOwnedElsewhere(event.target)) return;
    const shortcut = SHORTCUTS.find((s) => s.key === event.key);
    if (shortcut && run(shortcut.key)) event.preventDefault();
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    window.addEventListener("keydown", listener);
    return () => window.removeEventListener("keydown", listener);
  }, []);
}

export function ShortcutsDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent title="Keyboard shortcuts" size="sm">
          <dl className="grid grid-cols-[1fr_auto] gap-x-6 gap-y-2 text-sm">
            {SHORTCUTS.map(({ key, label }) => (
              <div key={key} className="contents">
                <dt>{label}</dt>
                <dd className="text-right">
                  <Kbd>{key}</Kbd>
                </dd>
              </div>
            ))}
            {CHORDS.map(({ keys, label }) => (
              <div key={label} className="contents">
                <dt>{label}</dt>
                <dd className="flex justify-end gap-1">
                  <Kbd>{keys[0]}</Kbd>
                  <Kbd>{keys[1]}</Kbd>
                </dd>
              </div>
            ))}
          </dl>
          <DialogClose asChild>
            <Button className="mt-5 w-full">Close</Button>
          </DialogClose>
      </DialogContent>
    </Dialog>
  );
}

/** Opens the list of shortcuts. They need a keyboard, so touch screens don't offer it. */
export function ShortcutsButton({ onClick }: { onClick: () => void }) {
  return (
    <Button variant="quiet" className="pointer-coarse:hidden" onClick={onClick}>
      <Keyboard className="size-4" aria-hidden />
      <span className="hidden sm:inline">Shortcuts</span>
      <Kbd>?</Kbd>
    </Button>
  );
}
