"use client";

import { Monitor, Moon, Sun } from "lucide-react";
import { useState } from "react";
import { THEME_COOKIE, THEMES, type Theme } from "@/lib/theme";

const icons = { system: Monitor, light: Sun, dark: Moon } as const;
const labels = { system: "System theme", light: "Light theme", dark: "Dark theme" } as const;

/** Cycles system → light → dark; remembered in a cookie so the server renders the right theme. */
export function ThemeToggle({ initial }: { initial: Theme }) {
  const [theme, setTheme] = useState<Theme>(initial);
  const next = THEMES[(THEMES.indexOf(theme) + 1) % THEMES.length]!;
  const Icon = icons[theme];

  function choose(value: Theme) {
    setTheme(value);
    document.documentElement.dataset.theme = value;
    document.cookie = `${THEME_COOKIE}=${value}; path=/; max-age=31536000; samesite=lax`;
  }

  return (
    <button
      type="button"
      onClick={() => choose(next)}
      className="inline-flex size-8 items-center justify-center rounded-md text-muted hover:bg-surface hover:text-ink"
      aria-label={`${labels[theme]} (switch to ${labels[next].toLowerCase()})`}
      title={labels[theme]}
    >
      <Icon className="size-4" aria-hidden />
    </button>
  );
}
