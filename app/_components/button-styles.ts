// Shared class lists, so links and buttons that act alike look alike.
export const primaryButton =
  "inline-flex items-center justify-center gap-2 rounded-md bg-ink px-4 py-2 text-sm font-medium text-canvas shadow-sm transition hover:opacity-90 disabled:cursor-not-allowed disabled:opacity-60";
export const secondaryButton =
  "inline-flex items-center justify-center gap-2 rounded-md border border-line-strong bg-raised px-3 py-1.5 text-sm font-medium text-ink transition hover:bg-surface disabled:cursor-not-allowed disabled:opacity-60";
export const dangerButton =
  "inline-flex items-center justify-center gap-2 rounded-md bg-danger px-3 py-1.5 text-sm font-medium text-canvas transition hover:opacity-90 disabled:cursor-not-allowed disabled:opacity-60";
export const quietButton =
  "inline-flex items-center justify-center gap-2 rounded-md px-2 py-1.5 text-sm text-muted transition hover:bg-surface hover:text-ink";
