"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { toast } from "sonner";
import { contentModeAction } from "@/lib/actions/content";
import type { ContentMode } from "@/lib/content/types";

const MODES: Array<{ mode: ContentMode; label: string; hint: string }> = [
  { mode: "off", label: "Off", hint: "Bookmarks keep the link and your notes; the page's body in Notion stays empty." },
  { mode: "saves", label: "Save readable content for new saves", hint: "The article's text goes into the Notion page, in the background, and search finds its words." },
  {
    mode: "saves_and_imports",
    label: "Also for imports",
    hint: "Imported bookmarks get theirs too, slowly and after everything else, within Notion's rate limit.",
  },
];

/** The workspace's content setting; a change is saved at once and applies to bookmarks saved from then on. */
export function ContentSetting({ workspaceId, mode: saved }: { workspaceId: string; mode: ContentMode }) {
  const id = useId();
  const router = useRouter();
  const [mode, setMode] = useState(saved);
  const [pending, start] = useTransition();
  const choose = (next: ContentMode) => {
    const before = mode;
    setMode(next);
    start(async () => {
      const result = await contentModeAction({ workspaceId, mode: next });
      if (!result.ok) {
        setMode(before);
        return void toast.error(result.error);
      }
      toast.success(next === "off" ? "Readable content is off for new saves." : "Saved. New bookmarks get their readable content.");
      router.refresh();
    });
  };
  return (
    <fieldset aria-busy={pending || undefined} className="flex flex-col gap-3">
      <legend className="sr-only">Readable content</legend>
      {MODES.map((option) => (
        <label key={option.mode} className="flex items-start gap-3 text-sm">
          <input
            type="radio"
            name={`${id}-content`}
            value={option.mode}
            checked={mode === option.mode}
            disabled={pending}
            onChange={() => choose(option.mode)}
            aria-describedby={`${id}-${option.mode}`}
            className="mt-0.5 size-4 shrink-0 accent-[var(--color-accent)]"
          />
          <span className="flex flex-col gap-0.5">
            <span className="font-medium">{option.label}</span>
            <span id={`${id}-${option.mode}`} className="text-muted">
              {option.hint}
            </span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
