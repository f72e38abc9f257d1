import { describe, expect, it } from "vitest";
import { areVariants, editDistance, mergeSuggestions } from "./tag-variants";

describe("tag variants", () => {
  it("measures edit distance, stopping past the limit", () => {
    expect(editDistance("recipe", "recipes", 2)).toBe(1);
    expect(editDistance("javascript", "javscript", 2)).toBe(1);
    expect(editDistance("design", "typography", 2)).toBe(3);
  });

  it("finds case, accent, separator and small spelling variants, not short or distinct words", () => {
    expect(areVariants("recipes", "Recipes")).toBe(true);
    expect(areVariants("café", "cafe")).toBe(true);
    expect(areVariants("to read", "to-read")).toBe(true);
    expect(areVariants("recipe", "recipes")).toBe(true);
    expect(areVariants("javascript", "javscript")).toBe(true);
    expect(areVariants("ai", "ui")).toBe(false);
    expect(areVariants("news", "notes")).toBe(false);
    expect(areVariants("tools", "tools")).toBe(false);
  });

  it("suggests the most used variant first", () => {
    const suggestions = mergeSuggestions([
      { tag: "recipes", count: 40 },
      { tag: "Recipes", count: 3 },
      { tag: "recipe", count: 7 },
      { tag: "travel", count: 5 },
    ]);
    expect(suggestions.get("Recipes")?.map((t) => t.tag)).toEqual(["recipes", "recipe"]);
    expect(suggestions.has("travel")).toBe(false);
  });
});
