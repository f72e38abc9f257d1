import { describe, expect, it } from "vitest";
import { firstUrlIn, saveHref, sharedLink } from "./shared-link";

describe("firstUrlIn", () => {
  it("finds the first http(s) address and leaves the sentence's punctuation", () => {
    expect(firstUrlIn("Look at this: https://example.com/a?b=1. And http://other.example")).toBe("https://example.com/a?b=1");
    expect(firstUrlIn("(see https://example.com/x)")).toBe("https://example.com/x");
    expect(firstUrlIn("\"https://example.com/q\"")).toBe("https://example.com/q");
  });

  it("ignores other schemes and text without an address", () => {
    expect(firstUrlIn("javascript:alert(1) ftp://example.com")).toBeNull();
    expect(firstUrlIn("no address here")).toBeNull();
    expect(firstUrlIn("")).toBeNull();
  });
});

describe("sharedLink", () => {
  it("takes the bookmarklet's url and title as they are, on one line", () => {
    expect(sharedLink({ url: "https://example.com/a", title: "  A\n page " })).toEqual({ url: "https://example.com/a", title: "A page", description: "" });
  });

  it("finds the address in a share sheet's text when url is empty", () => {
    expect(sharedLink({ title: "", text: "Great read https://example.com/post", url: "" })).toEqual({
      url: "https://example.com/post",
      title: "Great read",
      description: "",
    });
    expect(sharedLink({ title: "The post", text: "Great read https://example.com/post" })).toEqual({
      url: "https://example.com/post",
      title: "The post",
      description: "Great read",
    });
    expect(sharedLink({ title: "The post", text: "https://example.com/post" })).toEqual({ url: "https://example.com/post", title: "The post", description: "" });
    expect(sharedLink({ text: "Airfoils, explained: https://example.com/post." })).toMatchObject({ url: "https://example.com/post", title: "Airfoils, explained" });
  });

  it("prefers a valid url param and keeps an invalid one for the form to explain", () => {
    expect(sharedLink({ url: "https://a.example/", text: "https://b.example/" }).url).toBe("https://a.example/");
    expect(sharedLink({ url: "javascript:alert(1)" })).toEqual({ url: "javascript:alert(1)", title: "", description: "" });
    expect(sharedLink({})).toEqual({ url: "", title: "", description: "" });
  });

  it("uses the first of repeated params", () => {
    expect(sharedLink({ url: ["https://one.example/", "https://two.example/"] }).url).toBe("https://one.example/");
  });
});

describe("saveHref", () => {
  it("rebuilds the /save address with every param, encoded", () => {
    expect(saveHref({ url: "https://example.com/a?b=1&c=2", title: "A & B" })).toBe("/save?url=https%3A%2F%2Fexample.com%2Fa%3Fb%3D1%26c%3D2&title=A+%26+B");
    expect(saveHref({})).toBe("/save");
  });
});
