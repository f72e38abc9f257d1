// Shared class lists for Radix dialogs, so every dialog sits and looks the same.
export const dialogOverlay = "fixed inset-0 z-50 bg-black/40";
export const dialogContent =
  "fixed left-1/2 top-1/2 z-50 max-h-[calc(100dvh-2rem)] w-[calc(100vw-2rem)] max-w-lg -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg border border-line bg-raised p-5 text-ink shadow-xl outline-none";
export const dialogTitle = "text-base font-semibold";
