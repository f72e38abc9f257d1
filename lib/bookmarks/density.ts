/**
 * How the list is drawn: two list densities, or a grid of cards with preview images. Remembered in a cookie (like the theme), so the server renders
 * the chosen density at once and nothing jumps after hydration.
 */
export const DENSITIES = ["comfortable", "compact", "cards"] as const;
export type Density = (typeof DENSITIES)[number];
export const DENSITY_COOKIE = "shelf-density";

export function parseDensity(value: string | undefined): Density {
  return (DENSITIES as readonly string[]).includes(value ?? "") ? (value as Density) : "comfortable";
}
