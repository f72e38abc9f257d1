"use client";

import { LayoutGrid, Rows2, Rows4 } from "lucide-react";
import { IconButton } from "@/components/ui/icon-button";
import { DENSITY_COOKIE, type Density } from "@/lib/bookmarks/density";

const OPTIONS = [
  { value: "comfortable", label: "Comfortable list", icon: Rows2 },
  { value: "compact", label: "Compact list", icon: Rows4 },
  { value: "cards", label: "Cards with previews", icon: LayoutGrid },
] as const;

function remember(value: Density) {
  document.cookie = `${DENSITY_COOKIE}=${value}; path=/; max-age=31536000; samesite=lax`;
}

/** Three pressed-or-not buttons; the choice shows at once and is kept for the next visit. */
export function DensitySwitch({ density, onChange }: { density: Density; onChange: (density: Density) => void }) {
  function choose(value: Density) {
    remember(value);
    onChange(value);
  }
  return (
    <div role="group" aria-label="List density" className="flex items-center rounded-md border border-line-strong bg-raised p-0.5">
      {OPTIONS.map(({ value, label, icon: Icon }) => (
        <IconButton
          key={value}
          label={label}
          aria-pressed={density === value}
          onClick={() => choose(value)}
          className="aria-pressed:bg-surface aria-pressed:text-ink"
        >
          <Icon className="size-4" aria-hidden />
        </IconButton>
      ))}
    </div>
  );
}
