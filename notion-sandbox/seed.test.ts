import { expect, it } from "vitest";
import { SEED_PEOPLE, SEED_WORKSPACES } from "./seed";

// Specs each take a seeded person of their own; two with one id would be one person to the sandbox.
it("gives every seeded person and workspace an id of its own", () => {
  for (const seeded of [SEED_PEOPLE, SEED_WORKSPACES]) {
    const ids = Object.values(seeded).map((entry) => entry.id);
    expect(ids.filter((id, n) => ids.indexOf(id) !== n)).toEqual([]);
  }
});
