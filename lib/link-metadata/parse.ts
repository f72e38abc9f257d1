import { Parser } from "htmlparser2";

/** A `<link rel=icon>` (or apple-touch-icon) as the page wrote it; hrefs are resolved by the caller. */
export type IconLink = { href: string; sizes?: string; type?: string; apple: boolean };

export type PageMetadata = {
  title?: string;
  description?: string;
  /** The page's icons, in document order. */
  icons?: IconLink[];
  /** og:image (or its secure_url), else twitter:image: the page's preview picture, unresolved. */
  image?: string;
};

const ICON_RELS = new Set(["icon", "apple-touch-icon", "apple-touch-icon-precomposed"]);
const IMAGE_KEYS = ["og:image:secure_url", "og:image", "og:image:url", "twitter:image", "twitter:image:src"];

// Notion's rich-text limit, which lib/bookmarks/schema.ts enforces on titles and descriptions.
const TEXT_MAX = 2000;

// Line breaks, tabs and controls become spaces: a title is one line, and a page's description is one paragraph.
const SPACE_LIKE = /[\s\u0000-\u001f\u007f-\u009f\u2028\u2029]+/gu;

/** One line of text, whitespace collapsed, at most TEXT_MAX UTF-16 units without splitting a character. */
function clean(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  // A lone surrogate (from a cut or a bad page) is not text Notion accepts.
  const line = text.toWellFormed().replace(SPACE_LIKE, " ").trim();
  if (line.length <= TEXT_MAX) return line || undefined;
  const cut = line.slice(0, TEXT_MAX - 1);
  return `${(/[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut).trimEnd()}…`;
}

// Which <meta> names each field takes, best first.
const TITLE_KEYS = ["og:title", "twitter:title"];
const DESCRIPTION_KEYS = ["og:description", "twitter:description", "description"];

/**
 * A page's title and description, as a link preview shows them (and its icons and preview image): Open Graph, then Twitter cards,
 * then <title> and <meta name="description">. Entities decoded, whitespace collapsed, trimmed to
 * what a bookmark may hold. Never throws, whatever the HTML.
 */
export function parseMetadata(html: string): PageMetadata {
  const metas = new Map<string, string>();
  const icons: IconLink[] = [];
  let titleText: string | undefined;
  let inTitle = false;
  // <title> inside inline SVG names the drawing, not the page.
  let svgDepth = 0;

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === "svg") svgDepth++;
        if (name === "title" && svgDepth === 0 && titleText === undefined) {
          inTitle = true;
          titleText = "";
        }
        if (name === "meta") {
          const key = (attributes.property ?? attributes.name ?? "").trim().toLowerCase();
          const content = attributes.content;
          if (key && content !== undefined && !metas.has(key)) metas.set(key, content);
        }
        if (name === "link" && svgDepth === 0 && attributes.href?.trim()) {
          const rels = (attributes.rel ?? "").toLowerCase().split(/\s+/);
          const rel = rels.find((r) => ICON_RELS.has(r));
          if (rel) icons.push({ href: attributes.href.trim(), sizes: attributes.sizes, type: attributes.type, apple: rel !== "icon" });
        }
      },
      ontext(text) {
        if (inTitle) titleText += text;
      },
      onclosetag(name) {
        if (name === "svg" && svgDepth > 0) svgDepth--;
        if (name === "title") inTitle = false;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();

  const first = (keys: string[]) => keys.map((key) => clean(metas.get(key))).find(Boolean);
  const title = first(TITLE_KEYS) ?? clean(titleText);
  const description = first(DESCRIPTION_KEYS);
  const image = IMAGE_KEYS.map((key) => metas.get(key)?.trim()).find(Boolean);
  return {
    ...(title ? { title } : {}),
    ...(description ? { description } : {}),
    ...(icons.length > 0 ? { icons } : {}),
    ...(image ? { image } : {}),
  };
}
