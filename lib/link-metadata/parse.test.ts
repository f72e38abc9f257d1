import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bookmarkInputSchema } from "@/lib/bookmarks/schema";
import { parseMetadata } from "./parse";

describe("parseMetadata", () => {
  it("prefers Open Graph, then Twitter cards, then <title> and meta description", () => {
    const html = `<!doctype html><html><head>
      <title>Plain title</title>
      <meta name="description" content="Plain description">
      <meta name="twitter:title" content="Twitter title">
      <meta name="twitter:description" content="Twitter description">
      <meta property="og:title" content="OG title">
      <meta property="og:description" content="OG description">
    </head><body></body></html>`;
    expect(parseMetadata(html)).toEqual({ title: "OG title", description: "OG description" });
    expect(parseMetadata(html.replace(/<meta property="og:[^>]+>/g, ""))).toEqual({ title: "Twitter title", description: "Twitter description" });
    expect(parseMetadata(html.replace(/<meta (property="og|name="twitter)[^>]+>/g, ""))).toEqual({ title: "Plain title", description: "Plain description" });
  });

  it("reads a GitHub-style head", () => {
    const html = `<head>
  <meta charset="utf-8">
  <title>GitHub - vercel/next.js: The React Framework</title>
  <meta name="description" content="The React Framework. Contribute to vercel/next.js development by creating an account on GitHub.">
  <meta property="og:image" content="https://opengraph.githubassets.com/x/vercel/next.js" />
  <meta property="og:image:alt" content="The React Framework." />
  <meta property="og:site_name" content="GitHub" />
  <meta property="og:type" content="object" />
  <meta property="og:title" content="GitHub - vercel/next.js: The React Framework" />
  <meta property="og:url" content="https://github.com/vercel/next.js" />
  <meta property="og:description" content="The React Framework. Contribute to vercel/next.js development by creating an account on GitHub." />
</head>`;
    expect(parseMetadata(html)).toEqual({
      title: "GitHub - vercel/next.js: The React Framework",
      description: "The React Framework. Contribute to vercel/next.js development by creating an account on GitHub.",
      image: "https://opengraph.githubassets.com/x/vercel/next.js",
    });
  });

  it("finds the page's icons and preview image, as written", () => {
    const html = `<head>
  <link rel="icon" href="/favicon.svg" type="image/svg+xml">
  <LINK REL="shortcut icon" href=" /favicon-32.png " sizes="32x32">
  <link rel="apple-touch-icon" href="/apple.png" sizes="180x180">
  <link rel="stylesheet" href="/site.css">
  <svg><link rel="icon" href="/drawn.png"></svg>
  <meta name="twitter:image" content="https://example.com/tw.png">
  <meta property="og:image" content=" https://example.com/og.png ">
</head>`;
    expect(parseMetadata(html)).toEqual({
      icons: [
        { href: "/favicon.svg", type: "image/svg+xml", apple: false },
        { href: "/favicon-32.png", sizes: "32x32", apple: false },
        { href: "/apple.png", sizes: "180x180", apple: true },
      ],
      image: "https://example.com/og.png",
    });
  });

  it("decodes entities and collapses whitespace, line breaks and controls", () => {
    const html = `<title>
        Caf&eacute; &amp; Bar &#8212; &quot;Menu&quot;\t&lt;b&gt;
      </title><meta name="description" content="  Line one&#10;line two&#x2028;and&#0;three  ">`;
    expect(parseMetadata(html)).toEqual({ title: 'Café & Bar — "Menu" <b>', description: "Line one line two and\uFFFDthree" });
  });

  it("takes tags and attributes in any case, single quotes or none", () => {
    expect(parseMetadata(`<HEAD><TITLE>Upper</TITLE><META NAME=Description CONTENT='Quoted &apos;here&apos;'></HEAD>`)).toEqual({
      title: "Upper",
      description: "Quoted 'here'",
    });
  });

  it("ignores an SVG's <title>, an empty og:title and markup inside <title>", () => {
    const html = `<head><meta property="og:title" content="   "><svg><title>Icon</title></svg><title>Real <b>title</b></title></head>`;
    expect(parseMetadata(html)).toEqual({ title: "Real <b>title</b>" });
  });

  it("answers nothing for a page without metadata, and keeps the first of repeated tags", () => {
    expect(parseMetadata("<html><body><p>Hello</p></body></html>")).toEqual({});
    expect(parseMetadata("")).toEqual({});
    expect(parseMetadata(`<meta property="og:title" content="First"><meta property="og:title" content="Second">`)).toEqual({ title: "First" });
  });

  it("works on a head cut off in the middle, as a capped fetch leaves it", () => {
    expect(parseMetadata(`<head><title>Cut off</title><meta property="og:description" content="never clos`)).toEqual({ title: "Cut off" });
    expect(parseMetadata(`<head><title>Still open`)).toEqual({ title: "Still open" });
  });

  it("cuts long text to what a bookmark may hold, never inside an emoji", () => {
    const long = "😀".repeat(1500);
    const { title, description } = parseMetadata(`<title>${long}</title><meta name="description" content="${"word ".repeat(1000)}">`);
    expect(title!.length).toBeLessThanOrEqual(2000);
    expect(title!.endsWith("😀…")).toBe(true);
    expect(description!.length).toBeLessThanOrEqual(2000);
    expect(description!.endsWith("word…")).toBe(true);
  });
});

describe("parseMetadata (properties)", () => {
  const fragment = fc.oneof(
    fc.string(),
    fc.constantFrom("<title>", "</title>", "<svg>", "</svg>", "<meta ", 'property="og:title" ', 'name="description" ', 'content="', '">', "&amp;", "&#0;", "&#x2028;", "<!--", "-->", "<script>", "</script>", "\u0000", "\ud800"),
  );
  const html = fc.array(fragment, { maxLength: 40 }).map((parts) => parts.join(""));

  it("never throws, and what it finds is always a valid title and description", () => {
    fc.assert(
      fc.property(html, (page) => {
        const found = parseMetadata(page);
        for (const text of [found.title, found.description]) {
          if (text === undefined) continue;
          expect(text).toBe(text.trim());
          expect(text).not.toBe("");
          expect(text).not.toMatch(/\s{2}|[\n\t\r]/);
          expect(text.isWellFormed()).toBe(true);
        }
        const parsed = bookmarkInputSchema.safeParse({ url: "https://example.com", title: found.title, description: found.description });
        expect(parsed.error?.issues ?? []).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});
