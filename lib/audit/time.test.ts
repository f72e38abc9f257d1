import { expect, it } from "vitest";
import { exactTime, relativeTime } from "./time";

const now = new Date("2026-11-23T22:31:05.000Z");
const ago = (seconds: number) => relativeTime(new Date(now.getTime() - seconds * 1000), now);

it("says how long ago, in the largest whole unit", () => {
  expect(ago(0)).toBe("just now");
  expect(ago(59)).toBe("just now");
  expect(ago(60)).toBe("1 minute ago");
  expect(ago(5 * 60 + 30)).toBe("5 minutes ago");
  expect(ago(2 * 3600)).toBe("2 hours ago");
  expect(ago(26 * 3600)).toBe("yesterday");
  expect(ago(9 * 86400)).toBe("9 days ago");
  expect(ago(70 * 86400)).toBe("2 months ago");
  expect(ago(800 * 86400)).toBe("2 years ago");
  // A clock a little ahead on another instance is not "in 3 seconds".
  expect(ago(-3)).toBe("just now");
});

it("gives the exact time in UTC", () => {
  expect(exactTime(now)).toBe("Nov 23, 2026, 22:31:05 UTC");
});
