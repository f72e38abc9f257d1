"use client";

import { Command } from "cmdk";
import { ArrowLeft, Copy, ExternalLink, Loader2, Pencil } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { listHref } from "@/components/bookmarks/list-url";
import { safeHref } from "@/components/bookmarks/safe-href";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { Kbd } from "@/components/ui/kbd";
import type { Bookmark } from "@/lib/bookmarks/types";
import { displayHost } from "@/lib/bookmarks/url";
import { applyTheme } from "@/lib/theme/client";
import { matchCommands, paletteCommands, type PaletteCommand, type PaletteWorkspace } from "./commands";
import { usePaletteSearch } from "./use-palette-search";

type Props = {
  workspaceId: string;
  workspaces: PaletteWorkspace[];
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onAdd: () => void;
};

const item =
  "flex cursor-pointer select-none items-center gap-2 rounded-md px-2 py-2 text-sm outline-none data-[selected=true]:bg-surface data-[disabled=true]:opacity-50 pointer-coarse:py-3";
const group = "px-1 pb-1 [&_[cmdk-group-heading]]:px-2 [&_[cmdk-group-heading]]:py-1.5 [&_[cmdk-group-heading]]:text-xs [&_[cmdk-group-heading]]:font-medium [&_[cmdk-group-heading]]:text-muted";

function openLink(bookmark: Bookmark) {
  const href = safeHref(bookmark.url);
  if (href) window.open(href, "_blank", "noopener,noreferrer");
}

/**
 * ⌘K / Ctrl+K: find a bookmark (then open, edit or copy it), jump to a screen or workspace, or run
 * a command, all from the keyboard. cmdk gives the combobox and its arrow keys; the project's
 * Radix dialog gives the focus trap, Escape and the name for screen readers.
 */
export function CommandPalette({ workspaceId, workspaces, open, onOpenChange, onAdd }: Props) {
  const router = useRouter();
  const [typed, setTyped] = useState("");
  // The bookmark whose actions are listed (Enter on a found bookmark); null lists everything.
  const [chosen, setChosen] = useState<Bookmark | null>(null);
  const found = usePaletteSearch(workspaceId, chosen ? "" : typed);
  const commands = chosen ? [] : matchCommands(paletteCommands(workspaceId, workspaces), typed);

  function close() {
    onOpenChange(false);
    setTyped("");
    setChosen(null);
  }

  function back() {
    setChosen(null);
  }

  function run(command: PaletteCommand) {
    close();
    const { run } = command;
    if (run.kind === "go") router.push(run.href);
    else if (run.kind === "add") onAdd();
    else applyTheme(run.theme);
  }

  async function copyLink(bookmark: Bookmark) {
    close();
    try {
      await navigator.clipboard.writeText(bookmark.url);
      toast("Link copied", { description: bookmark.url });
    } catch {
      toast.error("The browser did not allow copying. Open the bookmark and copy its address instead.");
    }
  }

  const groups = (["Actions", "Go to", "Workspaces"] as const).map((name) => ({ name, commands: commands.filter((c) => c.group === name) }));

  return (
    <Dialog open={open} onOpenChange={(next) => (next ? onOpenChange(true) : close())}>
      <DialogContent
        title="Command palette"
        hideTitle
        className="top-[10vh] max-w-xl translate-y-0 overflow-hidden p-0"
        onEscapeKeyDown={(event) => {
          // Escape steps back out of a bookmark's actions before it closes the palette.
          if (chosen) {
            event.preventDefault();
            back();
          }
        }}
      >
        <Command
          label="Search bookmarks, screens and commands"
          shouldFilter={false}
          loop
          onKeyDown={(event) => {
            if (chosen && event.key === "Backspace" && typed === "") {
              event.preventDefault();
              back();
            }
          }}
          className="flex flex-col"
        >
          {/* The search line shows focus with its accent underline: the global focus outline would be clipped by the dialog's edge. */}
          <div className="flex items-center gap-2 border-b-2 border-line px-3 focus-within:border-accent">
            {chosen && (
              <button type="button" onClick={back} className="rounded p-1 text-muted hover:bg-surface hover:text-ink" aria-label="Back to the search">
                <ArrowLeft className="size-4" aria-hidden />
              </button>
            )}
            <Command.Input
              value={chosen ? "" : typed}
              onValueChange={(value) => !chosen && setTyped(value)}
              placeholder={chosen ? `What to do with “${chosen.title}”` : "Search bookmarks, screens, commands…"}
              style={{ outline: "none" }}
              className="h-12 min-w-0 flex-1 bg-transparent text-base placeholder:text-muted sm:text-sm"
            />
            {found.loading && <Loader2 className="size-4 shrink-0 animate-spin text-muted" aria-label="Searching" />}
          </div>
          <Command.List className="max-h-[min(60dvh,26rem)] overflow-y-auto overscroll-contain py-1">
            {chosen ? (
              <Command.Group heading={chosen.title} className={group}>
                <Command.Item value="open" onSelect={() => (close(), openLink(chosen))} className={item}>
                  <ExternalLink className="size-4 shrink-0 text-muted" aria-hidden /> Open link in a new tab
                </Command.Item>
                <Command.Item value="edit" onSelect={() => (close(), router.push(listHref(workspaceId, { edit: chosen.id })))} className={item}>
                  <Pencil className="size-4 shrink-0 text-muted" aria-hidden /> Edit
                </Command.Item>
                <Command.Item value="copy" onSelect={() => void copyLink(chosen)} className={item}>
                  <Copy className="size-4 shrink-0 text-muted" aria-hidden /> Copy link
                </Command.Item>
              </Command.Group>
            ) : (
              <>
                {!found.loading && <Command.Empty className="px-3 py-6 text-center text-sm text-muted">Nothing matches “{typed.trim()}”.</Command.Empty>}
                {found.error && (
                  <p role="alert" className="px-3 py-2 text-sm text-danger">
                    {found.error}
                  </p>
                )}
                {found.items.length > 0 && (
                  <Command.Group heading="Bookmarks" className={group}>
                    {found.items.map((bookmark) => (
                      <Command.Item
                        key={bookmark.id}
                        value={`bookmark:${bookmark.id}`}
                        onSelect={() => setChosen(bookmark)}
                        className={item}
                      >
                        <span className="flex min-w-0 flex-1 flex-col">
                          <span className="truncate">{bookmark.title}</span>
                          <span className="truncate text-xs text-muted">
                            {displayHost(bookmark.url) || bookmark.url}
                            {bookmark.tags.length > 0 && ` · ${bookmark.tags.map((t) => `#${t}`).join(" ")}`}
                          </span>
                        </span>
                      </Command.Item>
                    ))}
                  </Command.Group>
                )}
                {groups.map(
                  ({ name, commands }) =>
                    commands.length > 0 && (
                      <Command.Group key={name} heading={name} className={group}>
                        {commands.map((command) => (
                          <Command.Item key={command.id} value={`command:${command.id}`} onSelect={() => run(command)} className={item}>
                            {command.label}
                          </Command.Item>
                        ))}
                      </Command.Group>
                    ),
                )}
              </>
            )}
          </Command.List>
          <p className="flex flex-wrap items-center gap-x-3 gap-y-1 border-t border-line px-3 py-2 text-xs text-muted pointer-coarse:hidden">
            <span>
              <Kbd>↑</Kbd> <Kbd>↓</Kbd> choose
            </span>
            <span>
              <Kbd>↵</Kbd> {chosen ? "do it" : "select"}
            </span>
            <span>
              <Kbd>Esc</Kbd> {chosen ? "back" : "close"}
            </span>
          </p>
        </Command>
      </DialogContent>
    </Dialog>
  );
}
