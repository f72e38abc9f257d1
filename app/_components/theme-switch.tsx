import { currentTheme } from "@/lib/theme/server";
import { ThemeToggle } from "./theme-toggle";

export async function ThemeSwitch() {
  return <ThemeToggle initial={await currentTheme()} />;
}
