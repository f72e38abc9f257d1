"use client";

import { Tag } from "lucide-react";
import { useSyncExternalStore } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";

// Whether the phone's tag sheet is open. The button sits in the toolbar and the sheet in the
// streamed sidebar (tag-panel.tsx), far apart in the tree; one dashboard is open at a time, so a
// module-level value is enough and neither needs a provider around the other.
let sheetOpen = false;
const listeners = new Set<() => void>();

function setOpen(open: boolean) {
  sheetOpen = open;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useTagSheet(): { open: boolean; setOpen: (open: boolean) => void } {
  return { open: useSyncExternalStore(subscribe, () => sheetOpen, () => false), setOpen };
}

/** Below `lg`, where the sidebar doesn't fit beside the list, the toolbar's Tags button opens it as a sheet. */
export function TagSheetButton({ selected }: { selected: number }) {
  return (
    <Button className="font-normal lg:hidden" aria-haspopup="dialog" onClick={() => setOpen(true)}>
      <Tag className="size-3.5 text-muted" aria-hidden />
      Tags
      {selected > 0 && (
        <Badge className="tabular-nums" aria-label={`${selected} selected`}>
          {selected}
        </Badge>
      )}
    </Button>
  );
}
