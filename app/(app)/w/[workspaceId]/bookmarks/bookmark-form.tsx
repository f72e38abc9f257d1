"use client";

import { CopyCheck, Loader2 } from "lucide-react";
import Link from "next/link";
import { useId, useState } from "react";
import { primaryButton, secondaryButton } from "@/app/_components/button-styles";
import { Kbd } from "@/app/_components/kbd";
import type { ActionResult } from "@/lib/actions/safe-action";
import type { SavedBookmarkRef } from "@/lib/errors";
import { bookmarkInputSchema, type BookmarkInput } from "@/lib/bookmarks/schema";
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
  onCancel?: () => void;
  /** Extra fields shown first (the workspace choice of /save). */
  children?: React.ReactNode;
};

const fieldClass = (invalid: boolean) =>
  `w-full rounded-md border bg-canvas px-2.5 py-1.5 text-sm text-ink placeholder:text-muted ${invalid ? "border-danger" : "border-line-strong"}`;

export function BookmarkForm({ variant, initial, tagOptions, save, editHref, urlRef, onCancel, children }: Props) {
  const id = useId();
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  const [alreadySaved, setAlreadySaved] = useState<SavedBookmarkRef | null>(null);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

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
    if (variant === "create") setDraft(EMPTY_DRAFT);
  }

  const field = (name: keyof Draft) => ({
    id: `${id}-${name}`,
    invalid: Boolean(errors[name]),
    describedBy: errors[name] ? `${id}-${name}-error` : undefined,
  });
  const error = (name: keyof Draft | "form") =>
    errors[name] && (
      <p id={`${id}-${name}-error`} className="mt-1 text-xs text-danger">
        {errors[name]}
      </p>
    );
  const label = (name: keyof Draft, text: string, hint?: string) => (
    <label htmlFor={`${id}-${name}`} className="mb-1 block text-xs font-medium text-muted">
      {text}
      {hint && <span className="font-normal"> {hint}</span>}
    </label>
  );
  const url = field("url");
  const title = field("title");
  const description = field("description");
  const tags = field("tags");
  const create = variant === "create";
  const edit = variant === "edit";

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void submit(false);
      }}
      noValidate
      aria-label={edit ? "Edit bookmark" : variant === "capture" ? "Save a bookmark" : "New bookmark"}
      className="flex flex-col gap-3"
    >
      <div className={`grid gap-3 ${create ? "sm:grid-cols-2" : ""}`}>
        {children}
        <div>
          {label("url", "URL")}
          <input
            ref={urlRef}
            id={url.id}
            type="url"
            inputMode="url"
            autoComplete="url"
            placeholder="https://"
            value={draft.url}
            onChange={(e) => {
              set({ url: e.target.value });
              setAlreadySaved(null);
            }}
            aria-invalid={url.invalid || undefined}
            aria-describedby={url.describedBy}
            className={fieldClass(url.invalid)}
          />
          {error("url")}
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
        </div>
        <div>
          {label("title", "Title", "(optional)")}
          <input
            id={title.id}
            placeholder="Taken from the address if empty"
            value={draft.title}
            onChange={(e) => set({ title: e.target.value })}
            aria-invalid={title.invalid || undefined}
            aria-describedby={title.describedBy}
            className={fieldClass(title.invalid)}
          />
          {error("title")}
        </div>
        <div>
          {label("description", "Description", "(optional)")}
          <textarea
            id={description.id}
            rows={create ? 1 : 3}
            value={draft.description}
            onChange={(e) => set({ description: e.target.value })}
            aria-invalid={description.invalid || undefined}
            aria-describedby={description.describedBy}
            className={`${fieldClass(description.invalid)} block min-h-9 ${create ? "resize-none" : "resize-y"}`}
          />
          {error("description")}
        </div>
        <div>
          {label("tags", "Tags", "(Enter or comma to add)")}
          <TagInput
            id={tags.id}
            tags={draft.tags}
            onChange={(next) => set({ tags: next })}
            options={tagOptions}
            invalid={tags.invalid}
            describedBy={tags.describedBy}
          />
          {error("tags")}
        </div>
      </div>
      <div className="flex flex-wrap items-center justify-end gap-2">
        {error("form")}
        {create && (
          <p className="mr-auto hidden items-center gap-1.5 text-xs text-muted sm:flex">
            Saved as a page in your Notion database. Press <Kbd>n</Kbd> to start a new one from anywhere.
          </p>
        )}
        {onCancel && (
          <button type="button" className={secondaryButton} onClick={onCancel}>
            Cancel
          </button>
        )}
        <button type="submit" className={`${primaryButton} py-1.5`} disabled={pending} aria-busy={pending}>
          {pending && <Loader2 className="size-4 animate-spin" aria-hidden />}
          {pending ? "Saving…" : create ? "Add bookmark" : edit ? "Save changes" : "Save"}
        </button>
      </div>
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
      <button type="button" className={secondaryButton} onClick={saveAnyway} disabled={pending}>
        Save anyway
      </button>
    </div>
  );
}
