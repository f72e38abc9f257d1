import { cn } from "./cn";

/** A key as printed on the keyboard, for shortcut hints; touch screens have no keys, so it hides there. */
export function Kbd({ children, className }: { children: React.ReactNode; className?: string }) {
  return (
    <kbd
      className={cn(
        "inline-flex min-w-5 items-center justify-center rounded border border-line-strong bg-surface px-1 font-sans text-[11px] font-medium leading-4 text-muted pointer-coarse:hidden",
        className,
      )}
    >
      {children}
    </kbd>
  );
}
