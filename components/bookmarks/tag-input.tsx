"use client";

import { X } from "lucide-react";
import { useState } from "react";
import { cn } from "@/components/ui/cn";
import type { ControlProps } from "@/components/ui/field";

type Props = {
  /** The id and aria from the <Field> around it. */
  control: ControlProps;
  tags: string[];
  onChange: (tags: string[]) => void;
  /** The data source's existing tags, offered as suggestions. */
  options: string[];
};

const sameTag = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Tags as chips: Enter or a comma adds what was typed (commas can't be part of a Notion tag). */
export function TagInput({ control, tags, onChange, options }: Props) {
  const [draft, setDraft] = useState("");
  const listId = `${control.id}-options`;

  function add(names: string[]) {
    const next = [...tags];
    for (const name of names.map((n) => n.trim())) {
      if (name && !next.some((t) => sameTag(t, name))) next.push(name);
    }
    if (next.length !== tags.length) onChange(next);
  }

  function onInput(value: string) {
    // Typing or pasting "a, b, c": everything before the last comma becomes tags.
    const parts = value.split(",");
    const rest = parts.pop() ?? "";
    if (parts.length > 0) add(parts);
    setDraft(rest);
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === "Enter" && draft.trim()) {
      event.preventDefault();
      add([draft]);
      setDraft("");
    } else if (event.key === "Backspace" && draft === "" && tags.length > 0) {
      onChange(tags.slice(0, -1));
    }
  }

  return (
    <div
      className={cn(
        "flex min-h-9 flex-wrap items-center gap-1 rounded-md border bg-canvas px-1.5 py-1 focus-within:outline-2 focus-within:outline-accent",
        control["aria-invalid"] ? "border-danger" : "border-line-strong",
      )}
    >
      {tags.map((tag) => (
        <span key={tag} className="inline-flex max-w-full items-center gap-0.5 rounded bg-surface py-0.5 pl-1.5 pr-0.5 text-xs text-ink">
          <span className="truncate">{tag}</span>
          <button
            type="button"
            onClick={() => onChange(tags.filter((t) => t !== tag))}
            className="rounded p-0.5 text-muted hover:bg-line hover:text-ink pointer-coarse:p-1.5"
            aria-label={`Remove tag ${tag}`}
          >
            <X className="size-3" aria-hidden />
          </button>
        </span>
      ))}
      <input
        {...control}
        value={draft}
        onChange={(e) => onInput(e.target.value)}
        onKeyDown={onKeyDown}
        // A tag typed but not yet confirmed still counts: leaving the field adds it.
        onBlur={() => {
          add([draft]);
          setDraft("");
        }}
        list={listId}
        autoComplete="off"
        placeholder={tags.length === 0 ? "Add tags…" : ""}
        className="min-w-24 flex-1 bg-transparent px-1 py-0.5 text-sm outline-none placeholder:text-muted"
      />
      <datalist id={listId}>
        {options
          .filter((option) => !tags.some((t) => sameTag(t, option)))
          .map((option) => (
            <option key={option} value={option} />
          ))}
      </datalist>
    </div>
  );
}
