"use client";

import { Monitor, Moon, Sun } from "lucide-react";
import { useEffect, useState } from "react";
import { THEMES, type Theme } from "@/lib/theme";
import { applyTheme, THEME_EVENT } from "@/lib/theme/client";

const icons = { system: Monitor, light: Sun, dark: Moon } as const;
const labels = { system: "System theme", light: "Light theme", dark: "Dark theme" } as const;

/** Cycles system → light → dark; remembered in a cookie so the server renders the right theme. */
export function ThemeToggle({ initial }: { initial: Theme }) {
  const [theme, setTheme] = useState<Theme>(initial);
  const next = THEMES[(THEMES.indexOf(theme) + 1) % THEMES.length]!;
  const Icon = icons[theme];

  // The command palette chooses themes too.
  useEffect(() => {
    const follow = (event: Event) => setTheme((event as CustomEvent<Theme>).detail);
    window.addEventListener(THEME_EVENT, follow);
    return () => window.removeEventListener(THEME_EVENT, follow);
  }, []);

  return (
    <button
      type="button"
      onClick={() => applyTheme(next)}
      className="inline-flex size-8 items-center justify-center rounded-md text-muted hover:bg-surface hover:text-ink"
      aria-label={`${labels[theme]} (switch to ${labels[next].toLowerCase()})`}
      title={labels[theme]}
    >
      <Icon className="size-4" aria-hidden />
    </button>
  );
}
