import { describe, expect, it } from "vitest";
import { byUse, mostUsed } from "./tag-ranking";

const counts = [
  { tag: "b", count: 3 },
  { tag: "a", count: 3 },
  { tag: "rare", count: 1 },
  { tag: "top", count: 9 },
];

describe("tag ranking for the sidebar", () => {
  it("puts the most used first, ties by name", () => {
    expect(byUse(counts).map((t) => t.tag)).toEqual(["top", "a", "b", "rare"]);
  });

  it("keeps the first `limit` and a chosen tag past them, whatever its case, and counts all", () => {
    expect(mostUsed(counts, 2, [])).toEqual({ tags: [{ tag: "top", count: 9 }, { tag: "a", count: 3 }], total: 4 });
    expect(mostUsed(counts, 2, ["RARE"]).tags.map((t) => t.tag)).toEqual(["top", "a", "rare"]);
    expect(mostUsed(counts, 2, ["top"]).tags.map((t) => t.tag)).toEqual(["top", "a"]);
  });
});
