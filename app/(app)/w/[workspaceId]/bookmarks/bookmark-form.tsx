"use client";

import { Loader2 } from "lucide-react";
import { useId, useState } from "react";
import { primaryButton, secondaryButton } from "@/app/_components/button-styles";
import { Kbd } from "@/app/_components/kbd";
import type { ActionResult } from "@/lib/actions/safe-action";
import { bookmarkInputSchema, type BookmarkInput } from "@/lib/bookmarks/schema";
import { fieldErrors } from "@/lib/validation";
import { TagInput } from "./tag-input";

/** What the form holds: exactly what was typed, kept on any failure. */
export type Draft = { url: string; title: string; description: string; tags: string[] };

export const EMPTY_DRAFT: Draft = { url: "", title: "", description: "", tags: [] };

type Props = {
  variant: "create" | "edit";
  initial: Draft;
  tagOptions: string[];
  /** Saves the checked input; the form resets (create) or is closed by its owner (edit) on success. */
  save: (input: BookmarkInput) => Promise<ActionResult<unknown>>;
  urlRef?: React.Ref<HTMLInputElement>;
  onCancel?: () => void;
};

const fieldClass = (invalid: boolean) =>
  `w-full rounded-md border bg-canvas px-2.5 py-1.5 text-sm text-ink placeholder:text-muted ${invalid ? "border-danger" : "border-line-strong"}`;

export function BookmarkForm({ variant, initial, tagOptions, save, urlRef, onCancel }: Props) {
  const id = useId();
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // The action's own schema, run here first: mistakes show at once and never reach Notion.
    const parsed = bookmarkInputSchema.safeParse(draft);
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    setErrors({});
    setPending(true);
    const result = await save(parsed.data);
    setPending(false);
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

  return (
    <form onSubmit={submit} noValidate aria-label={create ? "New bookmark" : "Edit bookmark"} className="flex flex-col gap-3">
      <div className={`grid gap-3 ${create ? "sm:grid-cols-2" : ""}`}>
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
            onChange={(e) => set({ url: e.target.value })}
            aria-invalid={url.invalid || undefined}
            aria-describedby={url.describedBy}
            className={fieldClass(url.invalid)}
          />
          {error("url")}
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
          {create ? (pending ? "Saving…" : "Add bookmark") : pending ? "Saving…" : "Save changes"}
        </button>
      </div>
    </form>
  );
}
