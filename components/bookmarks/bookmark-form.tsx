"use client";

import { CopyCheck, Loader2 } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Field, Input, Textarea } from "@/components/ui/field";
import { Kbd } from "@/components/ui/kbd";
import type { ActionResult } from "@/lib/actions/safe-action";
import { bookmarkInputSchema, type BookmarkInput } from "@/lib/bookmarks/schema";
import type { SavedBookmarkRef } from "@/lib/errors";
import { fieldErrors } from "@/lib/validation";
import { TagInput } from "./tag-input";

/** What the form holds: exactly what was typed, kept on any failure. */
export type Draft = { url: string; title: string; description: string; tags: string[] };

export const EMPTY_DRAFT: Draft = { url: "", title: "", description: "", tags: [] };

type Props = {
  /** "capture" is /save's form: one column for a small popup; its owner replaces it on success. */
  variant: "create" | "edit" | "capture";
  initial: Draft;
  tagOptions: string[];
  /**
   * Saves the checked input; the form resets (create) or is closed by its owner (edit) on success.
   * `saveAnyway` is the person's answer to "Already saved".
   */
  save: (input: BookmarkInput, saveAnyway: boolean) => Promise<ActionResult<unknown>>;
  /** Where "Already saved" links to: the existing bookmark's edit dialog. */
  editHref?: (id: string) => string;
  urlRef?: React.Ref<HTMLInputElement>;
  /**
   * The dashboard's add bar: one "Paste a link…" line until something is typed, so the list comes
   * first. It stays open while anything is typed or wrong, so nothing is hidden that would be lost.
   */
  compact?: boolean;
  /** Told every change of what is typed, for an owner that keeps it when the form closes. */
  onDraftChange?: (draft: Draft) => void;
  onCancel?: () => void;
  /** Extra fields shown first (the workspace choice of /save). */
  children?: React.ReactNode;
};

export function BookmarkForm({ variant, initial, tagOptions, save, editHref, urlRef, compact = false, onDraftChange, onCancel, children }: Props) {
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  const [alreadySaved, setAlreadySaved] = useState<SavedBookmarkRef | null>(null);
  const change = (next: Draft) => {
    setDraft(next);
    onDraftChange?.(next);
  };
  const set = (patch: Partial<Draft>) => change({ ...draft, ...patch });

  async function submit(saveAnyway: boolean) {
    // The action's own schema, run here first: mistakes show at once and never reach Notion.
    const parsed = bookmarkInputSchema.safeParse(draft);
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    setErrors({});
    setPending(true);
    const result = await save(parsed.data, saveAnyway);
    setPending(false);
    setAlreadySaved(!result.ok && result.existing ? result.existing : null);
    if (!result.ok) return setErrors(result.fieldErrors ?? {});
    if (variant === "create") change(EMPTY_DRAFT);
  }

  const create = variant === "create";
  const edit = variant === "edit";
  const typed = draft.url !== "" || draft.title !== "" || draft.description !== "" || draft.tags.length > 0;
  const expanded = !compact || typed || pending || Object.keys(errors).length > 0;

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void submit(false);
      }}
      noValidate
      aria-label={edit ? "Edit bookmark" : variant === "capture" ? "Save a bookmark" : "New bookmark"}
      data-expanded={expanded}
      className="flex flex-col gap-3"
    >
      <div className={cn("grid gap-3", compact && expanded && "sm:grid-cols-2")}>
        {children}
        <Field label="URL" hideLabel={!expanded} error={errors.url}>
          <Input
            ref={urlRef}
            type="url"
            inputMode="url"
            autoComplete="url"
            placeholder={create ? "Paste a link…" : "https://"}
            value={draft.url}
            onChange={(e) => {
              set({ url: e.target.value });
              setAlreadySaved(null);
            }}
          />
          {alreadySaved && (
            <AlreadySaved
              existing={alreadySaved}
              href={editHref?.(alreadySaved.id)}
              // /save would lose what was typed by leaving the page; the dashboard keeps its form.
              newTab={variant === "capture"}
              pending={pending}
              saveAnyway={() => void submit(true)}
            />
          )}
        </Field>
        {expanded && (
          <>
            <Field label="Title" hint="(optional)" error={errors.title}>
              <Input placeholder="Taken from the address if empty" value={draft.title} onChange={(e) => set({ title: e.target.value })} />
            </Field>
            <Field label="Description" hint="(optional)" error={errors.description}>
              <Textarea
                rows={compact ? 1 : 3}
                value={draft.description}
                onChange={(e) => set({ description: e.target.value })}
                className={compact ? "resize-none" : "resize-y"}
              />
            </Field>
            <Field label="Tags" hint="(Enter or comma to add)" error={errors.tags}>
              {(control) => <TagInput control={control} tags={draft.tags} onChange={(next) => set({ tags: next })} options={tagOptions} />}
            </Field>
          </>
        )}
      </div>
      {expanded && (
        <div className="flex flex-wrap items-center justify-end gap-2">
          {errors.form && <p className="text-xs text-danger">{errors.form}</p>}
          {compact && (
            <p className="mr-auto hidden items-center gap-1.5 text-xs text-muted sm:flex pointer-coarse:hidden">
              Saved as a page in your Notion database. Press <Kbd>n</Kbd> to start a new one from anywhere.
            </p>
          )}
          {onCancel && <Button onClick={onCancel}>Cancel</Button>}
          <Button type="submit" variant="primary" disabled={pending} aria-busy={pending}>
            {pending && <Loader2 className="size-4 animate-spin" aria-hidden />}
            {pending ? "Saving…" : create ? "Add bookmark" : edit ? "Save changes" : "Save"}
          </Button>
        </div>
      )}
    </form>
  );
}

/** The create answer for a link the workspace has: open that bookmark, or save this one too. */
function AlreadySaved({
  existing,
  href,
  newTab,
  pending,
  saveAnyway,
}: {
  existing: SavedBookmarkRef;
  href?: string;
  newTab: boolean;
  pending: boolean;
  saveAnyway: () => void;
}) {
  return (
    <div role="status" data-testid="already-saved" className="mt-2 flex flex-wrap items-center gap-2 rounded-md bg-warn-bg px-2.5 py-2 text-sm text-warn-ink">
      <CopyCheck className="size-4 shrink-0" aria-hidden />
      <p className="mr-auto min-w-0 break-words">
        <span className="font-medium">Already saved</span> as “{existing.title}”.{" "}
        {href && (
          <Link
            href={href}
            {...(newTab ? { target: "_blank", rel: "noopener noreferrer" } : {})}
            className="font-medium underline underline-offset-2"
          >
            Edit it
          </Link>
        )}
      </p>
      <Button onClick={saveAnyway} disabled={pending}>
        Save anyway
      </Button>
    </div>
  );
}
