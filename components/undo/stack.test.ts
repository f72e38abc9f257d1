import { describe, expect, it } from "vitest";
import { createUndoStack } from "./stack";

describe("the undo stack", () => {
  it("takes the newest change first", () => {
    const stack = createUndoStack();
    stack.push("Trashed “A”", () => "a");
    stack.push("Edited “B”", () => "b");
    expect(stack.take()?.label).toBe("Edited “B”");
    expect(stack.take()?.label).toBe("Trashed “A”");
    expect(stack.take()).toBeUndefined();
  });

  it("hands each change out once, by id or as the newest", () => {
    const stack = createUndoStack();
    const first = stack.push("first", () => undefined);
    const second = stack.push("second", () => undefined);
    // The toast of the older change undoes exactly that one; Ctrl+Z then finds the newer.
    expect(stack.take(first.id)).toBe(first);
    expect(stack.take(first.id)).toBeUndefined();
    expect(stack.take()).toBe(second);
    expect(stack.size).toBe(0);
  });

  it("keeps only the newest `limit` changes", () => {
    const stack = createUndoStack(2);
    const [a, b, c] = ["a", "b", "c"].map((label) => stack.push(label, () => undefined));
    expect(stack.size).toBe(2);
    expect(stack.take(a!.id)).toBeUndefined();
    expect(stack.take()).toBe(c);
    expect(stack.take()).toBe(b);
  });

  it("forgets everything on clear", () => {
    const stack = createUndoStack();
    stack.push("a", () => undefined);
    stack.clear();
    expect(stack.take()).toBeUndefined();
  });
});
