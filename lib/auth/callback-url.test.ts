import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./callback-url";

describe("safeCallbackPath", () => {
  it("keeps a path on this site, query included", () => {
    expect(safeCallbackPath("/save?url=https%3A%2F%2Fexample.com&title=A")).toBe("/save?url=https%3A%2F%2Fexample.com&title=A");
    expect(safeCallbackPath(["/w/1", "/other"])).toBe("/w/1");
  });

  it("answers / for other sites and anything odd", () => {
    for (const raw of [undefined, "", "https://evil.example/", "//evil.example/", "/\\evil.example", "/\t/evil.example", "save"]) {
      expect(safeCallbackPath(raw)).toBe("/");
    }
  });
});
