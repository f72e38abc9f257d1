export const menuContent =
  "z-50 min-w-56 rounded-lg border border-line bg-raised p-1 text-sm text-ink shadow-lg outline-none data-[state=open]:animate-in";
export const menuItem =
  "flex w-full cursor-pointer select-none items-center gap-2 rounded-md px-2 py-1.5 outline-none data-[highlighted]:bg-surface";
export const menuLabel = "px-2 py-1 text-xs font-medium text-muted";
export const menuSeparator = "my-1 h-px bg-line";
