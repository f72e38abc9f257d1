"use client";

import { Loader2, Merge, Pencil, Search, Tags, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Dialog, DialogClose, DialogContent, DialogDescription } from "@/components/ui/dialog";
import { BackToBookmarks } from "@/components/bookmarks/back-to-bookmarks";
import { EmptyState } from "@/components/ui/empty-state";
import { controlVariants, Field, Input } from "@/components/ui/field";
import type { TagChangeResult, TagRow } from "@/lib/bookmarks/tags";
import { deleteTagAction, mergeTagAction, renameTagAction } from "./actions";

type Change = { mode: "rename" | "merge" | "delete"; tag: TagRow; into?: string };

const bookmarksWord = (n: number) => `${n.toLocaleString("en")} ${n === 1 ? "bookmark" : "bookmarks"}`;

/** The tag list with its search, and the one dialog for a rename, merge or delete. */
export function TagsManager({ workspaceId, tags }: { workspaceId: string; tags: TagRow[] }) {
  const [query, setQuery] = useState("");
  const [change, setChange] = useState<Change | null>(null);
  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    return q ? tags.filter((t) => t.tag.toLowerCase().includes(q)) : tags;
  }, [tags, query]);

  if (tags.length === 0) {
    return (
      <EmptyState
        icon={Tags}
        title="No tags yet"
        titleAs="h2"
        action={<BackToBookmarks workspaceId={workspaceId} />}
      >
        Tags you give bookmarks are listed here with how many bookmarks carry each.
      </EmptyState>
    );
  }

  return (
    <>
      <div className="flex flex-wrap items-end gap-3">
        <Field label="Search tags" hideLabel className="relative min-w-0 flex-1 sm:max-w-xs">
          {(control) => (
            <>
              <Search className="pointer-events-none absolute left-2.5 top-1/2 size-4 -translate-y-1/2 text-muted" aria-hidden />
              <Input {...control} type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Search tags" className="pl-8" />
            </>
          )}
        </Field>
        <p className="text-sm text-muted" aria-live="polite">
          {shown.length === tags.length ? `${tags.length} tags` : `${shown.length} of ${tags.length} tags`}
        </p>
      </div>
      {shown.length === 0 ? (
        <Card tone="dashed" padding="lg" className="text-center text-sm text-muted">
          No tag matches “{query.trim()}”.
        </Card>
      ) : (
        <Card as="ul" padding="none" aria-label="Tags" className="divide-y divide-line bg-canvas">
          {shown.map((row) => (
            <li key={row.tag} className="flex flex-wrap items-center gap-x-3 gap-y-1.5 px-3 py-2.5 sm:px-4" data-testid="tag-row">
              <div className="min-w-0 flex-1">
                <p className="break-words text-sm font-medium">{row.tag}</p>
                <p className="text-xs text-muted">
                  {bookmarksWord(row.count)}
                  {row.variants.length > 0 && <> · similar: {row.variants.join(", ")}</>}
                </p>
              </div>
              <div className="flex flex-wrap gap-1">
                <Button size="sm" variant="quiet" onClick={() => setChange({ mode: "rename", tag: row })} aria-label={`Rename ${row.tag}`}>
                  <Pencil className="size-3.5" aria-hidden />
                  {/* The name stays in aria-label; on a phone the icons leave the count its line. */}
                  <span className="max-sm:sr-only">Rename</span>
                </Button>
                <Button size="sm" variant="quiet" onClick={() => setChange({ mode: "merge", tag: row, into: row.variants[0] })} aria-label={`Merge ${row.tag}`}>
                  <Merge className="size-3.5" aria-hidden />
                  {/* The name stays in aria-label; on a phone the icons leave the count its line. */}
                  <span className="max-sm:sr-only">Merge</span>
                </Button>
                <Button size="sm" variant="quiet" onClick={() => setChange({ mode: "delete", tag: row })} aria-label={`Delete ${row.tag}`}>
                  <Trash2 className="size-3.5" aria-hidden />
                  {/* The name stays in aria-label; on a phone the icons leave the count its line. */}
                  <span className="max-sm:sr-only">Delete</span>
                </Button>
              </div>
            </li>
          ))}
        </Card>
      )}
      <Dialog open={change !== null} onOpenChange={(open) => !open && setChange(null)}>
        {change && <ChangeDialog key={`${change.mode}:${change.tag.tag}`} workspaceId={workspaceId} change={change} tags={tags} done={() => setChange(null)} />}
      </Dialog>
    </>
  );
}

const TITLES = { rename: "Rename tag", merge: "Merge tag", delete: "Delete tag" } as const;

function ChangeDialog({ workspaceId, change, tags, done }: { workspaceId: string; change: Change; tags: TagRow[]; done: () => void }) {
  const router = useRouter();
  const { tag } = change;
  const [to, setTo] = useState(change.mode === "rename" ? tag.tag : "");
  const others = tags.filter((t) => t.tag !== tag.tag);
  const suggested = others.filter((t) => tag.variants.includes(t.tag));
  const [into, setInto] = useState(change.into ?? suggested[0]?.tag ?? others[0]?.tag ?? "");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const clash = change.mode === "rename" ? tags.find((t) => t.tag === to.trim() && t.tag !== tag.tag) : undefined;

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const base = { workspaceId, from: tag.tag };
    const call =
      change.mode === "rename"
        ? renameTagAction({ ...base, to })
        : change.mode === "merge"
          ? mergeTagAction({ ...base, into })
          : deleteTagAction({ workspaceId, tag: tag.tag });
    const result = await call.catch(() => null);
    setPending(false);
    if (!result) return setError("Shelf could not be reached. Check your connection; nothing was changed.");
    if (!result.ok) return setError(Object.values(result.fieldErrors ?? {})[0] ?? result.error);
    toast(describe(result.data, tag.tag, change.mode === "merge" ? into : to.trim()));
    done();
    router.refresh();
  }

  return (
    <DialogContent title={TITLES[change.mode]} size="sm" aria-describedby="tag-change-summary">
      <form onSubmit={(e) => void submit(e)} className="flex flex-col gap-4">
        {change.mode === "rename" && (
          <Field label="New name" error={error ?? undefined}>
            {(control) => <Input {...control} value={to} onChange={(e) => setTo(e.target.value)} autoFocus maxLength={200} />}
          </Field>
        )}
        {change.mode === "merge" && (
          <Field label={`Merge “${tag.tag}” into`} error={error ?? undefined}>
            {(control) => (
              <select {...control} value={into} onChange={(e) => setInto(e.target.value)} className={controlVariants()}>
                {suggested.length > 0 && (
                  <optgroup label="Similar">
                    {suggested.map((t) => (
                      <option key={t.tag} value={t.tag}>{`${t.tag} (${t.count})`}</option>
                    ))}
                  </optgroup>
                )}
                <optgroup label="All tags">
                  {others.map((t) => (
                    <option key={t.tag} value={t.tag}>{`${t.tag} (${t.count})`}</option>
                  ))}
                </optgroup>
              </select>
            )}
          </Field>
        )}
        <DialogDescription id="tag-change-summary" className="text-sm text-muted">
          {change.mode === "rename" &&
            (clash
              ? `“${clash.tag}” exists already: the ${bookmarksWord(tag.count)} tagged “${tag.tag}” get “${clash.tag}” instead (a merge), updated in Notion one by one.`
              : `Renames “${tag.tag}” on ${bookmarksWord(tag.count)}, in Shelf and in Notion.`)}
          {change.mode === "merge" &&
            `The ${bookmarksWord(tag.count)} tagged “${tag.tag}” get “${into}” instead, and “${tag.tag}” goes. Each is updated in Notion in the background.`}
          {change.mode === "delete" && `Removes “${tag.tag}” from ${bookmarksWord(tag.count)}, in Shelf and in Notion. The bookmarks stay.`}
        </DialogDescription>
        {change.mode === "delete" && error && <p className="text-sm text-danger">{error}</p>}
        <div className="flex justify-end gap-2">
          <DialogClose asChild>
            <Button type="button" variant="quiet">
              Cancel
            </Button>
          </DialogClose>
          <Button type="submit" variant={change.mode === "delete" ? "danger" : "primary"} disabled={pending || (change.mode === "merge" && !into)} aria-busy={pending}>
            {pending && <Loader2 className="size-4 animate-spin" aria-hidden />}
            {change.mode === "rename" ? (clash ? "Merge" : "Rename") : change.mode === "merge" ? "Merge" : "Delete"}
          </Button>
        </div>
      </form>
    </DialogContent>
  );
}

function describe(result: TagChangeResult, from: string, to: string): string {
  const n = bookmarksWord(result.bookmarks);
  if (result.outcome === "renamed") return `Renamed “${from}” to “${to}” on ${n}`;
  if (result.outcome === "merged") return `Merged “${from}” into “${to}” on ${n}; Notion is being updated`;
  return `Deleted “${from}” from ${n}`;
}
