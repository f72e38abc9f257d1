/** A key as printed on the keyboard, for shortcut hints. */
export function Kbd({ children }: { children: React.ReactNode }) {
  return (
    <kbd className="inline-flex min-w-5 items-center justify-center rounded border border-line-strong bg-surface px-1 font-sans text-[11px] font-medium leading-4 text-muted">
      {children}
    </kbd>
  );
}
