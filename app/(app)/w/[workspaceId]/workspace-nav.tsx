"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const SECTIONS = [
  { path: "bookmarks", label: "Bookmarks" },
  { path: "tags", label: "Tags" },
  { path: "duplicates", label: "Duplicates" },
  { path: "trash", label: "Trash" },
  { path: "import", label: "Import & export" },
  { path: "settings", label: "Settings" },
] as const;

/** The workspace's sections; the current one is marked for screen readers as well as by sight. */
export function WorkspaceNav({ workspaceId }: { workspaceId: string }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Workspace" className="border-t border-line">
      {/* On a phone the tabs scroll sideways inside the bar; the page itself never does. */}
      <ul className="mx-auto flex max-w-5xl gap-1 overflow-x-auto overscroll-x-contain px-3 [scrollbar-width:none] sm:px-6">
        {SECTIONS.map((section) => {
          const href = `/w/${workspaceId}/${section.path}`;
          const current = pathname === href || pathname.startsWith(`${href}/`);
          return (
            <li key={section.path} className="shrink-0">
              <Link
                href={href}
                aria-current={current ? "page" : undefined}
                className="inline-block whitespace-nowrap border-b-2 border-transparent px-3 py-2 text-sm pointer-coarse:py-3 text-muted transition hover:text-ink aria-[current=page]:border-accent aria-[current=page]:font-medium aria-[current=page]:text-ink"
              >
                {section.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
