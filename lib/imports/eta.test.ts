import { expect, it } from "vitest";
import { etaInWords } from "./eta";

it("says the time left in words", () => {
  expect([null, 0, 12, 60, 61, 3599, 3600, 3660, 7300].map(etaInWords)).toEqual([
    null,
    "finishing…",
    "less than a minute left",
    "about 1 minute left",
    "about 2 minutes left",
    "about 1 hour left",
    "about 1 hour left",
    "about 1 hour 1 minute left",
    "about 2 hours 2 minutes left",
  ]);
});
