"use client";

import { Pencil, SquareArrowOutUpRight, Trash2 } from "lucide-react";
import Link from "next/link";

export type Row = { id: string; title: string; url: string; host: string; description: string; tags: string[]; createdTime: string };

const iconButton = "inline-flex size-7 items-center justify-center rounded-md text-muted transition hover:bg-line hover:text-ink disabled:opacity-40";

/** The dashboard row's shape, written the naive way: a client component, props in the RSC payload. */
export function BookmarkRow({ row }: { row: Row }) {
  return (
    <li tabIndex={-1} className="group relative flex items-start gap-3 px-3 py-2.5 transition-colors hover:bg-surface sm:px-4">
      <span className="mt-0.5 size-5 rounded bg-surface" aria-hidden>
        {row.host.slice(0, 1).toUpperCase()}
      </span>
      <div className="min-w-0 flex-1">
        <div className="flex min-w-0 flex-wrap items-baseline gap-x-2">
          <h3 className="min-w-0 max-w-full truncate text-sm font-medium">
            <a href={row.url} target="_blank" rel="noopener noreferrer" className="hover:underline">
              {row.title}
            </a>
          </h3>
          <span className="min-w-0 max-w-full truncate text-xs text-muted">{row.host}</span>
        </div>
        {row.description && <p className="mt-0.5 line-clamp-2 text-sm text-muted">{row.description}</p>}
        <ul className="mt-1.5 flex flex-wrap gap-1" aria-label="Tags">
          {row.tags.map((tag) => (
            <li key={tag} className="min-w-0 max-w-full">
              <Link href={`/?tags=${encodeURIComponent(tag)}`} className="block truncate rounded border border-line bg-surface px-1.5 py-px text-xs text-muted">
                {tag}
              </Link>
            </li>
          ))}
        </ul>
      </div>
      <div className="flex shrink-0 flex-col items-end gap-1 sm:flex-row sm:items-center sm:gap-2">
        <time dateTime={row.createdTime} className="text-xs tabular-nums text-muted">
          {new Date(row.createdTime).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric" })}
        </time>
        <div className="-mr-1.5 flex items-center">
          <a href={row.url} target="_blank" rel="noopener noreferrer" className={iconButton} aria-label="Open in Notion">
            <SquareArrowOutUpRight className="size-3.5" aria-hidden />
          </a>
          <button type="button" className={iconButton} aria-label="Edit" onClick={() => undefined}>
            <Pencil className="size-3.5" aria-hidden />
          </button>
          <button type="button" className={iconButton} aria-label="Remove" onClick={() => undefined}>
            <Trash2 className="size-3.5" aria-hidden />
          </button>
        </div>
      </div>
    </li>
  );
}
