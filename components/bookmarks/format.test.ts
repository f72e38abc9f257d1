import { describe, expect, it } from "vitest";
import { formatExact, formatRelative } from "./format";

describe("formatRelative", () => {
  const now = new Date("2026-12-01T12:00:00.000Z");
  it.each([
    ["2026-12-01T11:59:30.000Z", "just now"],
    ["2026-12-01T12:00:05.000Z", "just now"],
    ["2026-12-01T11:55:00.000Z", "5 min ago"],
    ["2026-12-01T09:00:00.000Z", "3 h ago"],
    ["2026-11-29T12:00:00.000Z", "2 d ago"],
    ["2026-03-04T05:06:07.089Z", "Mar 4"],
    ["2023-03-04T05:06:07.089Z", "Mar 2023"],
  ])("%s reads as %s", (iso, words) => {
    expect(formatRelative(iso, now)).toBe(words);
  });
});

describe("formatExact", () => {
  it("gives the day and the time to the second, in UTC", () => {
    expect(formatExact("2023-03-04T05:06:07.089Z")).toBe("Mar 4, 2023, 5:06:07 AM UTC");
  });
});
