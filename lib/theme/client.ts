import { THEME_COOKIE, type Theme } from ".";

/** Fired on window when the theme changes, so every control showing it (toggle, palette) agrees. */
export const THEME_EVENT = "shelf-theme";

/** Shows `theme` now and remembers it in the cookie the server renders by. Browser only. */
export function applyTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
  document.cookie = `${THEME_COOKIE}=${theme}; path=/; max-age=31536000; samesite=lax`;
  window.dispatchEvent(new CustomEvent<Theme>(THEME_EVENT, { detail: theme }));
}
