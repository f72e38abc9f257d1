import { describe, expect, it } from "vitest";
import { matchCommands, paletteCommands } from "./commands";

const commands = paletteCommands("w1", [
  { id: "w1", name: "Sonic Boom" },
  { id: "w2", name: "Supersonic Wings" },
  { id: "w3", name: null },
]);
const labels = (typed: string) => matchCommands(commands, typed).map((c) => c.label);

describe("palette commands", () => {
  it("offer every other workspace, never the open one", () => {
    expect(commands.filter((c) => c.group === "Workspaces").map((c) => [c.label, c.run])).toEqual([
      ["Switch to Supersonic Wings", { kind: "go", href: "/w/w2" }],
      ["Switch to Untitled workspace", { kind: "go", href: "/w/w3" }],
    ]);
  });

  it("match every word typed, in any order and case, in the label or its keywords", () => {
    expect(labels("EXP book")).toEqual(["Export bookmarks"]);
    expect(labels("dark")).toEqual(["Theme: light", "Theme: dark", "Theme: same as the system"]);
    expect(labels("bookmarklet")).toEqual(["Capture: bookmarklet and sharing"]);
    expect(labels("  ")).toHaveLength(commands.length);
    expect(labels("nothing like this")).toEqual([]);
  });
});
