"use client";

import { useEffect, useEffectEvent } from "react";
import { toast } from "sonner";
import { createUndoStack } from "./stack";

// One stack per tab: a change and its undo are the same person's, in the page they made it on.
const stack = createUndoStack();
const toastId = (id: number) => `undo-${id}`;

/**
 * Makes a change undoable: a toast names it ("Trashed “X”") with an Undo button, and Ctrl/⌘+Z
 * takes back the newest one. `inverse` must send the opposite change the way the original went
 * (the same server actions, so through the outbox); it reports its own failure. A change with a
 * notice of its own (a bulk job's progress bar and its Undo) passes `toast: false` and undoes
 * through `undo(id)` with the id returned here, so both ways share one entry and run it once.
 */
export function registerUndo(label: string, inverse: () => unknown, options: { toast?: boolean } = {}): number {
  const entry = stack.push(label, inverse);
  if (options.toast === false) return entry.id;
  toast(label, {
    id: toastId(entry.id),
    // Long enough to notice a slip and reach for Undo.
    duration: 8000,
    action: { label: "Undo", onClick: () => void undo(entry.id) },
  });
  return entry.id;
}

/** Runs the inverse of change `id`, or of the newest; false when there is nothing to undo. */
export async function undo(id?: number): Promise<boolean> {
  const entry = stack.take(id);
  if (!entry) return false;
  toast.dismiss(toastId(entry.id));
  await entry.run();
  return true;
}

// Inside a field Ctrl+Z is the browser's own text undo, which must keep working.
function isTextField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
}

/**
 * Ctrl/⌘+Z anywhere in the workspace undoes the newest change. Changes are forgotten when the
 * workspace changes, so Ctrl+Z never reaches into a workspace that is no longer on screen.
 */
export function useUndoShortcut(workspaceId: string) {
  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || !(event.metaKey || event.ctrlKey) || event.shiftKey || event.altKey) return;
    if (event.key.toLowerCase() !== "z" || isTextField(event.target) || stack.size === 0) return;
    event.preventDefault();
    void undo();
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    window.addEventListener("keydown", listener);
    return () => {
      window.removeEventListener("keydown", listener);
      stack.clear();
    };
  }, [workspaceId]);
}
