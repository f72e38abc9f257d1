"use client";

import { Search } from "lucide-react";
import { createContext, useContext, useEffect, useEffectEvent, useMemo, useState, useSyncExternalStore } from "react";
import { AddBookmarkDialog } from "@/components/bookmarks/add-bookmark-dialog";
import { Button } from "@/components/ui/button";
import { Kbd } from "@/components/ui/kbd";
import { useUndoShortcut } from "@/components/undo/undo";
import { CommandPalette } from "./command-palette";
import type { PaletteWorkspace } from "./commands";

type Commands = {
  openPalette: () => void;
  openAdd: () => void;
  /** The tags a screen knows, offered by the add dialog's tag input. */
  setTagOptions: (tags: string[]) => void;
};

const CommandsContext = createContext<Commands | null>(null);

export function useWorkspaceCommands(): Commands {
  const commands = useContext(CommandsContext);
  if (!commands) throw new Error("useWorkspaceCommands outside WorkspaceCommands");
  return commands;
}

/**
 * The workspace's keyboard layer, mounted once in its layout: the command palette (⌘K / Ctrl+K on
 * every screen), the add dialog and Ctrl/⌘+Z undo. Screens reach them through useWorkspaceCommands.
 */
export function WorkspaceCommands({ workspaceId, workspaces, children }: { workspaceId: string; workspaces: PaletteWorkspace[]; children: React.ReactNode }) {
  const [paletteOpen, setPaletteOpen] = useState(false);
  const [adding, setAdding] = useState(false);
  const [tagOptions, setTagOptions] = useState<string[]>([]);
  useUndoShortcut(workspaceId);

  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    // Also inside fields: ⌘K is the palette everywhere, as in the apps people know it from.
    if (!(event.metaKey || event.ctrlKey) || event.altKey || event.shiftKey || event.key.toLowerCase() !== "k") return;
    event.preventDefault();
    setPaletteOpen((open) => !open);
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    window.addEventListener("keydown", listener);
    return () => window.removeEventListener("keydown", listener);
  }, []);

  const commands = useMemo<Commands>(
    () => ({
      openPalette: () => setPaletteOpen(true),
      openAdd: () => setAdding(true),
      setTagOptions,
    }),
    [],
  );

  return (
    <CommandsContext.Provider value={commands}>
      {children}
      <CommandPalette workspaceId={workspaceId} workspaces={workspaces} open={paletteOpen} onOpenChange={setPaletteOpen} onAdd={() => setAdding(true)} />
      <AddBookmarkDialog workspaceId={workspaceId} open={adding} onOpenChange={setAdding} tagOptions={tagOptions} />
    </CommandsContext.Provider>
  );
}

const isMac = () => /Mac|iPhone|iPad/.test(navigator.platform);

/** The header's way into the palette, for the mouse and for touch; it names its shortcut. */
export function PaletteButton() {
  const { openPalette } = useWorkspaceCommands();
  // The server can't know the keyboard; it renders "Ctrl", and a Mac shows ⌘ once hydrated.
  const mac = useSyncExternalStore(
    () => () => {},
    isMac,
    () => false,
  );
  return (
    <Button variant="quiet" onClick={openPalette} aria-keyshortcuts={mac ? "Meta+K" : "Control+K"} className="px-2">
      <Search className="size-4" aria-hidden />
      <span className="sr-only sm:not-sr-only">Search</span>
      <Kbd className="hidden sm:inline-flex">{mac ? "⌘K" : "Ctrl K"}</Kbd>
    </Button>
  );
}
