import type { Theme } from "@/lib/theme";

/** What a palette command does: go somewhere, open the add dialog, or choose a theme. */
export type CommandRun = { kind: "go"; href: string } | { kind: "add" } | { kind: "theme"; theme: Theme };

export type PaletteCommand = { id: string; group: "Actions" | "Go to" | "Workspaces"; label: string; keywords: string; run: CommandRun };

export type PaletteWorkspace = { id: string; name: string | null };

/** Every command of the palette inside workspace `workspaceId`, in the order they are listed. */
export function paletteCommands(workspaceId: string, workspaces: PaletteWorkspace[]): PaletteCommand[] {
  const at = (path: string) => `/w/${workspaceId}/${path}`;
  const go = (id: string, label: string, path: string, keywords = ""): PaletteCommand => ({ id, group: "Go to", label, keywords, run: { kind: "go", href: at(path) } });
  return [
    { id: "add", group: "Actions", label: "New bookmark", keywords: "add save create link url", run: { kind: "add" } },
    { id: "import", group: "Actions", label: "Import bookmarks", keywords: "upload file browser html netscape pocket", run: { kind: "go", href: at("import") } },
    { id: "export", group: "Actions", label: "Export bookmarks", keywords: "download file backup csv json html", run: { kind: "go", href: `${at("import")}#export-heading` } },
    ...(["light", "dark", "system"] as const).map((theme): PaletteCommand => ({
      id: `theme-${theme}`,
      group: "Actions",
      label: `Theme: ${theme === "system" ? "same as the system" : theme}`,
      keywords: "theme appearance colour color mode dark light",
      run: { kind: "theme", theme },
    })),
    go("bookmarks", "Bookmarks", "bookmarks", "list home dashboard"),
    go("duplicates", "Duplicates", "duplicates", "same copies merge"),
    go("import-export", "Import & export", "import", "upload download"),
    go("capture", "Capture: bookmarklet and sharing", "capture", "bookmarklet save share phone"),
    go("settings", "Settings", "settings", "preferences tokens api disconnect"),
    go("activity", "Security activity", "settings/activity", "audit sign-ins log"),
    ...workspaces
      .filter((w) => w.id !== workspaceId)
      .map((w): PaletteCommand => ({ id: `workspace-${w.id}`, group: "Workspaces", label: `Switch to ${w.name ?? "Untitled workspace"}`, keywords: "workspace switch", run: { kind: "go", href: `/w/${w.id}` } })),
  ];
}

/** Commands whose words contain every word typed, in any order and case ("exp book" finds "Export bookmarks"). */
export function matchCommands(commands: PaletteCommand[], typed: string): PaletteCommand[] {
  const words = typed.toLowerCase().split(/\s+/).filter(Boolean);
  return commands.filter((command) => {
    const text = `${command.label} ${command.keywords}`.toLowerCase();
    return words.every((word) => text.includes(word));
  });
}
