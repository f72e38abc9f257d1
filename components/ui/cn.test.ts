import { describe, expect, it } from "vitest";
import { buttonVariants } from "./button";
import { cn } from "./cn";

describe("cn", () => {
  it("lets a later class replace a conflicting earlier one", () => {
    expect(cn("px-4 py-2", "py-1.5")).toBe("px-4 py-1.5");
    expect(cn("text-sm", false && "text-lg", undefined, ["font-medium"])).toBe("text-sm font-medium");
  });

  it("makes a caller's override win over a button variant", () => {
    const classes = cn(buttonVariants({ variant: "primary", size: "md" }), "h-10 bg-danger").split(" ");
    expect(classes).toContain("h-10");
    expect(classes).not.toContain("h-8");
    expect(classes).toContain("bg-danger");
    expect(classes).not.toContain("bg-ink");
    // Variants for other conditions (touch screens) are not conflicts and stay.
    expect(classes).toContain("pointer-coarse:h-11");
  });
});
