/** One change that can be taken back: what the toast says, and the inverse that takes it back. */
export type UndoEntry = { id: number; label: string; run: () => unknown };

/**
 * The changes that can still be undone, newest last. Pure, so the rules are tested without a
 * browser: an entry is taken out before it runs, so it runs at most once however fast Ctrl+Z and
 * the toast's Undo button are pressed, and only the newest `limit` are kept.
 */
export function createUndoStack(limit = 20) {
  let entries: UndoEntry[] = [];
  let seq = 0;
  return {
    push(label: string, run: () => unknown): UndoEntry {
      const entry = { id: ++seq, label, run };
      entries = [...entries, entry].slice(-limit);
      return entry;
    },
    /** Removes and returns the entry `id`, or the newest when no id is given. */
    take(id?: number): UndoEntry | undefined {
      const entry = id === undefined ? entries.at(-1) : entries.find((e) => e.id === id);
      if (entry) entries = entries.filter((e) => e !== entry);
      return entry;
    },
    clear() {
      entries = [];
    },
    get size() {
      return entries.length;
    },
  };
}

export type UndoStack = ReturnType<typeof createUndoStack>;
