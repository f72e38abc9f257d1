import { describe, expect, it, vi } from "vitest";
import { bookmarkletHref } from "./bookmarklet";

/** Runs the bookmarklet as a browser would, on a page with this address and title. */
function run(href: string, page: { href: string; title: string; popupBlocked: boolean }) {
  const location = { href: page.href };
  const open = vi.fn(() => (page.popupBlocked ? null : {}));
  const code = decodeURIComponent(href.slice("javascript:".length));
  new Function("location", "document", "window", code)(location, { title: page.title }, { open });
  return { open, location };
}

describe("bookmarkletHref", () => {
  const href = bookmarkletHref("https://shelf.example");

  it("is a javascript: address without percent signs, which browsers would decode", () => {
    expect(href.startsWith("javascript:")).toBe(true);
    expect(href).not.toContain("%");
  });

  it("opens /save with the page's address and title in a popup", () => {
    const { open, location } = run(href, { href: "https://news.example/a?x=1&y=2#h", title: "A & B: news", popupBlocked: false });
    expect(open).toHaveBeenCalledWith(
      "https://shelf.example/save?url=https%3A%2F%2Fnews.example%2Fa%3Fx%3D1%26y%3D2%23h&title=A%20%26%20B%3A%20news",
      "shelf-save",
      expect.stringContaining("popup"),
    );
    expect(location.href).toBe("https://news.example/a?x=1&y=2#h");
  });

  it("goes to /save in the same tab when popups are blocked", () => {
    const { location } = run(href, { href: "https://news.example/", title: "News", popupBlocked: true });
    expect(location.href).toBe("https://shelf.example/save?url=https%3A%2F%2Fnews.example%2F&title=News");
  });
});
